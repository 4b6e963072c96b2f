import type { BookingView } from '../domain/booking-schemas';
import type { Booking, BookingState } from '../domain/bookings';
import { DomainError, conflict, notFound } from '../domain/errors';
import type { Flight } from '../domain/flights';
import { DuplicateError, HoldLimitError, SeatTakenError, SoldOutError, VersionConflictError, type IdempotencyClaim, type Store, type WriteResult } from '../store/store';
import { bookingView, etagOf } from './view';

export type Actor = 'staff' | 'passenger' | 'assistant' | 'system';

export interface WriteContext {
  actor: Actor;
  /** From the Idempotency-Key header (REST) or the orchestration step (assistant). */
  idempotency?: { key: string; requestHash: string };
  /** From If-Match: the version the caller last saw. */
  ifMatch?: string;
  /** An anonymous caller's key (a hash of its address), whose open holds are limited. */
  client?: string;
}

export interface WriteOutcome {
  booking: BookingView;
  status: number;
  replayed: boolean;
}

/** What the parts of the booking service share: the store and the clock. */
export interface BookingDeps {
  store: Store;
  clock: () => Date;
}

const maxAttempts = 8;

/** What history records of a state: enough to see what changed, without search keys. */
export function summary(state: BookingState) {
  return {
    status: state.status,
    title: state.title,
    total_cents: state.total_cents,
    passengers: state.passengers.map((p) => ({ name: p.name, type: p.type })),
    segments: state.segments.map((s) => ({ flight_id: s.flight_id, date: s.flight_date, cabin: s.cabin, fare_cents: s.fare_cents, seats: s.seats })),
    ...(state.status === 'cancelled' ? { fee_cents: state.fee_cents, refund_cents: state.refund_cents, reason: state.cancellation_reason } : {}),
  };
}

/** JSON with object keys sorted, so two states built in different orders compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}

function sameState(before: Booking, after: BookingState): boolean {
  const current = Object.fromEntries(Object.keys(after).map((key) => [key, before[key as keyof BookingState]]));
  return canonical(current) === canonical(after);
}

/**
 * Reading bookings as views, and the idempotent write pipeline every change goes through: an
 * Idempotency-Key replays the first answer, If-Match guards the version, and clashes re-plan.
 */
export function bookingWrites({ store, clock }: BookingDeps) {
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
    if (!booking) throw notFound(`Booking ${id} not found`, 'id');
    return booking;
  }

  async function replayed(replay: { requestHash: string; statusCode: number; bookingId: number | null }, requestHash: string): Promise<WriteOutcome> {
    if (replay.requestHash !== requestHash) {
      throw conflict('This Idempotency-Key was already used with a different request', 'idempotency_key');
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
        if (error instanceof HoldLimitError) {
          const seconds = Math.max(1, Math.ceil((Date.parse(error.nextExpiry) - clock().getTime()) / 1000));
          throw new DomainError('too_many', `You already hold ${error.max} bookings; confirm or cancel one, or try again when one runs out`, 'hold', seconds);
        }
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
      throw new DomainError('stale', `Booking ${booking.reference} is at version ${booking.version}; your If-Match ${ctx.ifMatch} is stale`, 'if_match');
    }
  }

  /** Changes an existing booking through the pipeline; `next` computes the state after it. */
  async function change(id: number, ctx: WriteContext, action: string, next: (before: Booking) => Promise<BookingState>): Promise<WriteOutcome> {
    return write(ctx, 200, async (claim) => {
      const before = await load(id);
      checkVersion(before, ctx);
      if (before.status === 'cancelled') throw conflict(`Booking ${before.reference} is cancelled and cannot be changed`);
      const after = await next(before);
      // A change to what the booking already is writes nothing: no version, no history, the same answer (idempotent).
      if (sameState(before, after)) return { kind: 'written', booking: before };
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

  return { flightsOf, view, load, write, change };
}

export type BookingWrites = ReturnType<typeof bookingWrites>;
