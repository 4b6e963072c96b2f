import type { BookingCreateInput, BookingListQuery, BookingUpdateInput, BookingView, CancellationQuoteView, FlatBookingInput } from '../domain/booking-schemas';
import type { BookingState } from '../domain/bookings';
import { DomainError, conflict, invalid, notFound } from '../domain/errors';
import { toYuan } from '../domain/money';
import { nameQuery, nameSearchKey, surnameMatches } from '../domain/passenger-names';
import { newReference } from '../domain/reference';
import { flightByNumber } from '../flights/bookable';
import { resolveAirports } from '../flights/service';
import type { Store } from '../store/store';
import { cancellation } from './cancel';
import { describeChange, updatedState } from './changes';
import { bookingsCsv } from './export';
import type { HoldMarkers } from './hold-markers';
import { fromFlatBooking, planSegments, seatsFor, segmentState, totalCents } from './plan';
import { bookingView, defaultTitle, etagOf } from './view';
import { bookingWrites, summary, type WriteContext, type WriteOutcome } from './write';

export type { Actor, WriteContext, WriteOutcome } from './write';

const holdReleaseBatch = 200;

/**
 * Bookings: the one door to them. Reads come back as views; every write goes through the
 * idempotent pipeline (./write). Errors are DomainErrors naming the input by its domain name
 * (`change_flight.date`, `id`); the REST and MCP adapters say where that was in their requests.
 */
/** Any pending booking, whatever its hold's expiry: the far future has every hold expired by then. */
const endOfTime = '9999-12-31T23:59:59.999Z';

export function bookingService(store: Store, options: { holdMinutes: number; holdsPerClient?: number; clock?: () => Date; holdMarkers?: HoldMarkers }) {
  const deps = { store, clock: options.clock ?? (() => new Date()) };
  const { clock } = deps;
  const pipeline = bookingWrites(deps);
  const { load, view, flightsOf, write, change } = pipeline;
  const cancelling = cancellation(deps, pipeline);

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
      if (!passengers.some((p) => p.type === 'adult')) throw invalid('passengers', 'A booking needs at least one adult passenger');
      // Once, before any attempt to write the hold, and outside the write's retry loop.
      if (input.hold) await options.holdMarkers?.mark(now);
      return write(ctx, 201, async (claim) => {
        const segments = [];
        for (const [i, plan] of plans.entries()) segments.push(segmentState(plan, await seatsFor(store, plan, passengers, `segments[${i}].seats`)));
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
        const holdsPerClient = options.holdsPerClient ?? 0;
        const holdLimit = input.hold && ctx.client && holdsPerClient > 0 ? { clientKey: ctx.client, max: holdsPerClient } : undefined;
        return store.bookings.insert(
          { reference: newReference(), state, holdLimit, createdBy: ctx.actor, now: now.toISOString(), history: { actor: ctx.actor, action: 'create', after: summary(state) } },
          claim,
        );
      });
    },

    async createFromFlat(body: FlatBookingInput, ctx: WriteContext): Promise<WriteOutcome> {
      const flight = await flightByNumber(store, body.flight_number, 'flight_number');
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
        throw notFound(`No booking ${reference} with a passenger named ${lastName}`, 'reference');
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
        departureAirport: query.from ? resolveAirports(query.from, 'from')[0]!.code : undefined,
        arrivalAirport: query.to ? resolveAirports(query.to, 'to')[0]!.code : undefined,
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
      if (!terms.length) throw invalid('passenger_name', 'Give a name to search for');
      const { items } = await store.bookings.list({ nameTerms: terms, limit: 1000 });
      const flights = await flightsOf(items);
      return items.map((b) => bookingView(b, flights));
    },

    async update(id: number, input: BookingUpdateInput, ctx: WriteContext): Promise<WriteOutcome & { fare_difference: number }> {
      if (input.status === 'cancelled') return { ...(await service.cancel(id, undefined, ctx)), fare_difference: 0 };
      let difference = 0;
      const outcome = await change(id, ctx, describeChange(input), async (before) => {
        const after = await updatedState(deps, before, input);
        difference = after.total_cents - before.total_cents;
        return after;
      });
      return { ...outcome, fare_difference: toYuan(difference) };
    },

    /** What an update would do (the booking after it and the fare difference), without writing it. */
    async quoteUpdate(id: number, input: BookingUpdateInput): Promise<{ booking: BookingView; fare_difference: number }> {
      const before = await load(id);
      if (before.status === 'cancelled') throw conflict(`Booking ${before.reference} is cancelled and cannot be changed`);
      const after = await updatedState(deps, before, input);
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
      return change(id, ctx, 'cancel', (before) => cancelling.cancelledState(before, reason));
    },

    async quoteCancellation(id: number): Promise<CancellationQuoteView> {
      return cancelling.quoteView(await load(id));
    },

    async history(id: number) {
      await load(id);
      return store.bookings.history(id);
    },

    /**
     * Cancels every pending booking whose hold had run out when the run began, releasing its seats (the
     * hold sweeper), in batches until none is left: a burst of holds must not keep seats for several runs.
     */
    async releaseExpiredHolds(): Promise<number> {
      const now = clock().toISOString();
      const skipped = new Set<number>();
      let released = 0;
      for (;;) {
        const ids = (await store.bookings.expiredHolds(now, holdReleaseBatch + skipped.size)).filter((id) => !skipped.has(id));
        if (!ids.length) return released;
        for (const id of ids) {
          try {
            await change(id, { actor: 'system' }, 'hold_expired', async (before) => {
              if (before.status !== 'pending') throw conflict('no longer pending');
              return cancelling.cancelledState(before, 'hold expired');
            });
            released++;
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            skipped.add(id);
          }
        }
      }
    },

    async hasPendingHolds(): Promise<boolean> {
      return (await store.bookings.expiredHolds(endOfTime, 1)).length > 0;
    },

    async exportCsv(query: BookingListQuery): Promise<string> {
      return bookingsCsv((await service.list(query)).items);
    },

  };
  return service;
}
