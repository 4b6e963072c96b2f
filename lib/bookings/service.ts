import type { Cabin } from '../domain/aircraft';
import { cabinSeats } from '../domain/seats';
import type { BookingCreateInput, BookingListQuery, BookingUpdateInput, BookingView, CancellationQuoteView, FlatBookingInput } from '../domain/booking-schemas';
import type { Booking, BookingState } from '../domain/bookings';
import { DomainError, conflict, invalid, notFound } from '../domain/errors';
import type { Flight } from '../domain/flights';
import { currency, toYuan } from '../domain/money';
import { nameQuery, nameSearchKey, surnameMatches } from '../domain/passenger-names';
import { newReference } from '../domain/reference';
import { quoteCancellation } from '../domain/refund-policy';
import { resolveAirports } from '../flights/service';
import {
  DuplicateError,
  SeatTakenError,
  SoldOutError,
  VersionConflictError,
  type IdempotencyClaim,
  type Store,
  type WriteResult,
} from '../store/store';
import { checkBookable, departureInstant, flightByNumber, fromFlatBooking, paidByCabin, planSegments, seatsFor, segmentState, totalCents } from './plan';
import { bookingView, cityOf, defaultTitle, etagOf } from './view';

export type Actor = 'staff' | 'passenger' | 'assistant' | 'system';

export interface WriteContext {
  actor: Actor;
  /** From the Idempotency-Key header (REST) or the orchestration step (assistant). */
  idempotency?: { key: string; requestHash: string };
  /** From If-Match: the version the caller last saw. */
  ifMatch?: string;
}

export interface WriteOutcome {
  booking: BookingView;
  status: number;
  replayed: boolean;
}

const maxAttempts = 8;

export function bookingService(store: Store, options: { holdMinutes: number; clock?: () => Date }) {
  const clock = options.clock ?? (() => new Date());

  async function flightsOf(bookings: Booking[]): Promise<Map<number, Flight>> {
    const ids = new Set(bookings.flatMap((b) => b.segments.map((s) => s.flight_id)));
    const flights = new Map<number, Flight>();
    for (const id of ids) flights.set(id, (await store.flights.get(id))!);
    return flights;
  }

  async function view(booking: Booking): Promise<BookingView> {
    return bookingView(booking, await flightsOf([booking]));
  }

  async function load(id: number): Promise<Booking> {
    const booking = await store.bookings.get(id);
    if (!booking) throw notFound(`Booking ${id} not found`, 'params.id');
    return booking;
  }

  async function replayed(replay: { requestHash: string; statusCode: number; bookingId: number | null }, requestHash: string): Promise<WriteOutcome> {
    if (replay.requestHash !== requestHash) {
      throw conflict('This Idempotency-Key was already used with a different request', 'headers.idempotency-key');
    }
    return { booking: await view(await load(replay.bookingId!)), status: replay.statusCode, replayed: true };
  }

  /**
   * Runs a write until it sticks: a clash on an automatically chosen seat or a reference re-plans
   * and tries again; sold-out and explicit-seat clashes are the caller's answer.
   */
  async function write(ctx: WriteContext, statusCode: number, attempt: (claim: IdempotencyClaim | undefined) => Promise<WriteResult>): Promise<WriteOutcome> {
    const claim = ctx.idempotency && { ...ctx.idempotency, statusCode };
    if (claim) {
      const earlier = await store.bookings.findIdempotency(claim.key);
      if (earlier) return replayed(earlier, claim.requestHash);
    }
    for (let tries = 1; ; tries++) {
      try {
        const result = await attempt(claim);
        if (result.kind === 'replay') return replayed(result.replay, claim!.requestHash);
        return { booking: await view(result.booking), status: statusCode, replayed: false };
      } catch (error) {
        if (error instanceof SoldOutError) {
          throw new DomainError('sold_out', `Not enough ${error.cabin} seats left on this flight on ${error.date}`);
        }
        const retryable = error instanceof DuplicateError || error instanceof SeatTakenError || (error instanceof VersionConflictError && !ctx.ifMatch);
        if (!retryable) {
          if (error instanceof VersionConflictError) throw new DomainError('stale', 'The booking changed since you read it; fetch it again');
          throw error;
        }
        if (tries >= maxAttempts) throw conflict('The booking could not be written because of concurrent changes; try again');
      }
    }
  }

  function checkVersion(booking: Booking, ctx: WriteContext) {
    if (ctx.ifMatch && ctx.ifMatch !== '*' && ctx.ifMatch.replace(/^W\//, '') !== etagOf(booking)) {
      throw new DomainError('stale', `Booking ${booking.reference} is at version ${booking.version}; your If-Match ${ctx.ifMatch} is stale`, 'headers.if-match');
    }
  }

  async function change(
    id: number,
    ctx: WriteContext,
    action: string,
    next: (before: Booking) => Promise<BookingState>,
  ): Promise<WriteOutcome> {
    return write(ctx, 200, async (claim) => {
      const before = await load(id);
      checkVersion(before, ctx);
      if (before.status === 'cancelled') throw conflict(`Booking ${before.reference} is cancelled and cannot be changed`);
      const after = await next(before);
      return store.bookings.apply(
        {
          id,
          expectedVersion: before.version,
          before,
          after,
          now: clock().toISOString(),
          history: { actor: ctx.actor, action, before: summary(before), after: summary(after) },
        },
        claim,
      );
    });
  }

  function quote(booking: Booking, now = clock()) {
    const flight0 = booking.segments[0]!;
    return flightsOf([booking]).then((flights) =>
      quoteCancellation({
        status: booking.status,
        paidCents: booking.total_cents,
        bookedAt: Date.parse(booking.created_at),
        departsAt: departureInstant(flights.get(flight0.flight_id)!, flight0.flight_date),
        now: now.getTime(),
        paidByCabin: paidByCabin(booking),
      }),
    );
  }

  async function cancelState(before: Booking, reason: string | undefined): Promise<BookingState> {
    const now = clock();
    const q = await quote(before, now);
    return {
      ...before,
      status: 'cancelled',
      hold_expires_at: null,
      cancelled_at: now.toISOString(),
      cancellation_reason: reason ?? null,
      fee_cents: q.fee_cents,
      refund_cents: q.refund_cents,
    };
  }

  /** The state an update leads to, computed without writing: seats are chosen, fares repriced. */
  async function updatedState(before: Booking, input: BookingUpdateInput): Promise<BookingState> {
    const seats = [...(input.seats ?? []), ...(input.seat_number ? [{ segment: 1, passenger: 1, seat: input.seat_number }] : [])];
    const names = [...(input.passengers ?? []), ...(input.passenger_name ? [{ position: 1, name: input.passenger_name }] : [])];
    const move = input.change_flight ?? (input.flight_number || input.departure_date ? { segment: 1, flight_number: input.flight_number, date: input.departure_date, cabin: undefined } : undefined);
    const after: BookingState = structuredClone(before);
    if (input.title) after.title = input.title;
    if (input.contact?.email) after.contact_email = input.contact.email;
    if (input.contact?.phone) after.contact_phone = input.contact.phone;
    for (const { position, name } of names) {
      const passenger = after.passengers[position - 1];
      if (!passenger) throw invalid('body.passengers', `There is no passenger ${position}`);
      passenger.name = name;
      passenger.search_key = nameSearchKey(name);
    }
    if (move) {
      const index = move.segment - 1;
      const old = after.segments[index];
      if (!old) throw invalid('body.change_flight.segment', `There is no segment ${move.segment}`);
      const oldFlight = (await store.flights.get(old.flight_id))!;
      const flight = move.flight_number ? await flightByNumber(store, move.flight_number, 'body.change_flight.flight_number') : oldFlight;
      const date = move.date ?? old.flight_date;
      const cabin: Cabin = move.cabin ?? old.cabin;
      if (cityOf(flight.departure_airport) !== cityOf(oldFlight.departure_airport) || cityOf(flight.arrival_airport) !== cityOf(oldFlight.arrival_airport)) {
        throw invalid('body.change_flight.flight_number', `${flight.flight_number} flies ${flight.departure_airport}→${flight.arrival_airport}; a change must keep the route ${oldFlight.departure_airport}→${oldFlight.arrival_airport}`);
      }
      if (flight.id === old.flight_id && date === old.flight_date && cabin === old.cabin) throw invalid('body.change_flight', 'That is the flight the booking already has');
      checkBookable(flight, date, cabin, clock(), 'body.change_flight');
      const plan = { flight, date, cabin, requested: [] };
      after.segments[index] = segmentState(plan, await seatsFor(store, plan, after.passengers, 'body.change_flight'));
    }
    for (const change of seats) {
      const segment = after.segments[change.segment - 1];
      if (!segment) throw invalid('body.seats', `There is no segment ${change.segment}`);
      if (!after.passengers[change.passenger - 1]) throw invalid('body.seats', `There is no passenger ${change.passenger}`);
      const flight = (await store.flights.get(segment.flight_id))!;
      const requested = segment.seats.map((seat, i) => (i === change.passenger - 1 ? change.seat : seat));
      const own = new Set(before.segments[change.segment - 1]?.flight_id === segment.flight_id ? before.segments[change.segment - 1]!.seats : []);
      segment.seats = await seatsFor(store, { flight, date: segment.flight_date, cabin: segment.cabin, requested }, after.passengers, 'body.seats', own);
    }
    after.total_cents = totalCents(after);
    if (input.status === 'confirmed' && before.status === 'pending') Object.assign(after, { status: 'confirmed', hold_expires_at: null });
    return after;
  }

  const service = {
    async create(input: BookingCreateInput, ctx: WriteContext): Promise<WriteOutcome> {
      const now = clock();
      const plans = await planSegments(store, input, now);
      const passengers = input.passengers.map((p) => ({
        name: p.name,
        search_key: nameSearchKey(p.name),
        type: p.type,
        email: p.email ?? null,
        phone: p.phone ?? null,
      }));
      if (!passengers.some((p) => p.type === 'adult')) throw invalid('body.passengers', 'A booking needs at least one adult passenger');
      return write(ctx, 201, async (claim) => {
        const segments = [];
        for (const [i, plan] of plans.entries()) segments.push(segmentState(plan, await seatsFor(store, plan, passengers, `body.segments[${i}].seats`)));
        const state: BookingState = {
          title: input.title ?? defaultTitle(passengers.map((p) => p.name), plans.map((p) => p.flight), plans[0]!.date),
          status: input.hold ? 'pending' : 'confirmed',
          contact_email: input.contact?.email ?? passengers[0]!.email,
          contact_phone: input.contact?.phone ?? passengers[0]!.phone,
          total_cents: 0,
          hold_expires_at: input.hold ? new Date(now.getTime() + options.holdMinutes * 60_000).toISOString() : null,
          cancelled_at: null,
          cancellation_reason: null,
          fee_cents: null,
          refund_cents: null,
          passengers,
          segments,
        };
        state.total_cents = totalCents(state);
        return store.bookings.insert(
          { reference: newReference(), state, createdBy: ctx.actor, now: now.toISOString(), history: { actor: ctx.actor, action: 'create', after: summary(state) } },
          claim,
        );
      });
    },

    async createFromFlat(body: FlatBookingInput, ctx: WriteContext): Promise<WriteOutcome> {
      const flight = await flightByNumber(store, body.flight_number, 'body.flight_number');
      return service.create(fromFlatBooking(body, flight), ctx);
    },

    async get(id: number): Promise<BookingView> {
      return view(await load(id));
    },

    async etag(id: number): Promise<string> {
      return etagOf(await load(id));
    },

    /** A passenger's own booking: reference plus surname; any mismatch looks like "not found". */
    async getByReference(reference: string, lastName: string): Promise<BookingView> {
      const booking = await store.bookings.getByReference(reference);
      if (!booking || !surnameMatches(booking.passengers.map((p) => p.name), lastName)) {
        throw notFound(`No booking ${reference} with a passenger named ${lastName}`, 'params.pnr');
      }
      return view(booking);
    },

    async idByReference(reference: string, lastName?: string): Promise<number> {
      const booking = await store.bookings.getByReference(reference);
      if (!booking || (lastName !== undefined && !surnameMatches(booking.passengers.map((p) => p.name), lastName))) {
        throw notFound(`No booking ${reference}${lastName === undefined ? '' : ` with a passenger named ${lastName}`}`, 'reference');
      }
      return booking.id;
    },

    async list(query: BookingListQuery): Promise<{ items: BookingView[]; total: number }> {
      const { items, total } = await store.bookings.list({
        status: query.status,
        fromDate: query.from_date,
        toDate: query.to_date,
        departureAirport: query.from ? resolveAirports(query.from, 'query.from')[0]!.code : undefined,
        arrivalAirport: query.to ? resolveAirports(query.to, 'query.to')[0]!.code : undefined,
        flightNumber: query.flight_number,
        nameTerms: query.passenger ? nameQuery(query.passenger).terms : undefined,
        skip: query.skip,
        limit: query.limit,
      });
      const flights = await flightsOf(items);
      return { items: items.map((b) => bookingView(b, flights)), total };
    },

    async searchByName(name: string): Promise<BookingView[]> {
      const { terms } = nameQuery(name);
      if (!terms.length) throw invalid('params.passenger_name', 'Give a name to search for');
      const { items } = await store.bookings.list({ nameTerms: terms, limit: 1000 });
      const flights = await flightsOf(items);
      return items.map((b) => bookingView(b, flights));
    },

    async update(id: number, input: BookingUpdateInput, ctx: WriteContext): Promise<WriteOutcome & { fare_difference: number }> {
      if (input.status === 'cancelled') return { ...(await service.cancel(id, undefined, ctx)), fare_difference: 0 };
      let difference = 0;
      const outcome = await change(id, ctx, describeChange(input), async (before) => {
        const after = await updatedState(before, input);
        difference = after.total_cents - before.total_cents;
        return after;
      });
      return { ...outcome, fare_difference: toYuan(difference) };
    },

    /** What an update would do (the booking after it and the fare difference), without writing it. */
    async quoteUpdate(id: number, input: BookingUpdateInput): Promise<{ booking: BookingView; fare_difference: number }> {
      const before = await load(id);
      if (before.status === 'cancelled') throw conflict(`Booking ${before.reference} is cancelled and cannot be changed`);
      const after = await updatedState(before, input);
      return { booking: await view({ ...before, ...after }), fare_difference: toYuan(after.total_cents - before.total_cents) };
    },

    async confirm(id: number, ctx: WriteContext): Promise<WriteOutcome> {
      const current = await load(id);
      if (current.status === 'confirmed') return { booking: await view(current), status: 200, replayed: false };
      return change(id, ctx, 'confirm', async (before) => {
        if (before.hold_expires_at && Date.parse(before.hold_expires_at) <= clock().getTime()) {
          throw conflict(`The hold on ${before.reference} expired at ${before.hold_expires_at}; book again`);
        }
        return { ...before, status: 'confirmed', hold_expires_at: null };
      });
    },

    async cancel(id: number, reason: string | undefined, ctx: WriteContext): Promise<WriteOutcome> {
      return change(id, ctx, 'cancel', (before) => cancelState(before, reason));
    },

    async quoteCancellation(id: number): Promise<CancellationQuoteView> {
      const booking = await load(id);
      if (booking.status === 'cancelled') throw conflict(`Booking ${booking.reference} is already cancelled`);
      const q = await quote(booking);
      return {
        booking_id: booking.id,
        reference: booking.reference,
        status: booking.status,
        currency,
        paid: toYuan(booking.status === 'pending' ? 0 : booking.total_cents),
        fee: toYuan(q.fee_cents),
        refund: toYuan(q.refund_cents),
        rule: q.rule,
        rule_zh: q.rule_zh,
        hours_before_departure: q.hours_before_departure,
      };
    },

    async history(id: number) {
      await load(id);
      return store.bookings.history(id);
    },

    async seatMap(flight: Flight, date: string, cabin: Cabin) {
      if (!flight.cabins[cabin]) throw invalid('query.cabin', `Flight ${flight.flight_number} has no ${cabin} cabin`);
      const taken = await store.bookings.takenSeats(flight.id, date);
      const sold = (await store.flights.seatsSold([{ flightId: flight.id, date }])).get(`${flight.id}|${date}`)?.[cabin] ?? 0;
      const seats = cabinSeats(flight, cabin).map((seat) => ({ ...seat, available: !taken.has(seat.seat) }));
      const rows = [...new Set(seats.map((s) => s.row))].map((row) => ({ row, seats: seats.filter((s) => s.row === row) }));
      return {
        flight_id: flight.id,
        flight_number: flight.flight_number,
        date,
        cabin,
        aircraft_type: flight.aircraft_type,
        capacity: flight.cabins[cabin]!.capacity,
        seats_left: Math.max(0, flight.cabins[cabin]!.capacity - sold),
        seats_available: seats.filter((s) => s.available).length,
        rows,
      };
    },

    /** Cancels pending bookings whose hold has run out, releasing their seats. */
    async releaseExpiredHolds(): Promise<number> {
      let released = 0;
      for (const id of await store.bookings.expiredHolds(clock().toISOString(), 200)) {
        try {
          await change(id, { actor: 'system' }, 'hold_expired', async (before) => {
            if (before.status !== 'pending') throw conflict('no longer pending');
            return cancelState(before, 'hold expired');
          });
          released++;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
      return released;
    },

    async exportCsv(query: BookingListQuery): Promise<string> {
      const { items } = await service.list(query);
      const header = ['reference', 'status', 'title', 'passenger_name', 'passenger_type', 'flight_number', 'departure_date', 'departure_time', 'departure_airport', 'arrival_airport', 'cabin', 'seat_number', 'total_price', 'currency', 'created_at'];
      const rows = items.flatMap((b) =>
        b.segments.flatMap((s) =>
          b.passengers.map((p) => [b.reference, b.status, b.title, p.name, p.type, s.flight_number, s.date, s.departure_time, s.departure_airport, s.arrival_airport, s.cabin, s.seats[p.position - 1]?.seat ?? '', b.total_price, b.currency, b.created_at]),
        ),
      );
      return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
    },
  };
  return service;
}

function csvCell(value: unknown): string {
  const text = String(value ?? '');
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function describeChange(input: BookingUpdateInput): string {
  const parts = [
    (input.seats?.length || input.seat_number) && 'seat_change',
    (input.change_flight || input.flight_number || input.departure_date) && 'flight_change',
    (input.passengers?.length || input.passenger_name) && 'name_correction',
    (input.title || input.contact) && 'details',
    input.status === 'confirmed' && 'confirm',
  ].filter(Boolean);
  return parts.join('+') || 'update';
}

/** What history records of a state: enough to see what changed, without search keys. */
function summary(state: BookingState) {
  return {
    status: state.status,
    title: state.title,
    total_cents: state.total_cents,
    passengers: state.passengers.map((p) => ({ name: p.name, type: p.type })),
    segments: state.segments.map((s) => ({ flight_id: s.flight_id, date: s.flight_date, cabin: s.cabin, fare_cents: s.fare_cents, seats: s.seats })),
    ...(state.status === 'cancelled' ? { fee_cents: state.fee_cents, refund_cents: state.refund_cents, reason: state.cancellation_reason } : {}),
  };
}
