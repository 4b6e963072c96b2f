import type { Cabin } from '../domain/aircraft';
import type { BookingCreateInput, FlatBookingInput } from '../domain/booking-schemas';
import type { BookingState, PassengerType } from '../domain/bookings';
import { DomainError, conflict, invalid } from '../domain/errors';
import { passengerFareCents } from '../domain/fares';
import type { Flight } from '../domain/flights';
import { toCents } from '../domain/money';
import { cabinOfSeat, chooseSeats, type SeatPreference } from '../domain/seats';
import { addDays } from '../domain/time';
import { arrivalInstant, checkBookable, departureInstant, flightByNumber } from '../flights/bookable';
import type { Store } from '../store/store';
import { cityOf } from './view';

/** The legacy flat body as a full booking, refusing fields that contradict the flight. */
export function fromFlatBooking(body: FlatBookingInput, flight: Flight): BookingCreateInput {
  const expect = (field: keyof FlatBookingInput, actual: string | undefined, wanted: string) => {
    if (actual !== undefined && actual.toUpperCase() !== wanted.toUpperCase()) {
      throw invalid(field, `${field} ${actual} contradicts flight ${flight.flight_number} (${wanted})`);
    }
  };
  expect('departure_airport', body.departure_airport, flight.departure_airport);
  expect('arrival_airport', body.arrival_airport, flight.arrival_airport);
  expect('departure_time', body.departure_time, flight.departure_time);
  expect('arrival_time', body.arrival_time, flight.arrival_time);
  expect('arrival_date', body.arrival_date, addDays(body.departure_date, flight.arrival_day_offset));
  return {
    title: body.title,
    passengers: [{ name: body.passenger_name, type: 'adult' }],
    segments: [{ flight_number: body.flight_number, date: body.departure_date, cabin: body.cabin ?? cabinOfSeat(flight, body.seat_number), seats: body.seat_number ? [body.seat_number] : undefined }],
    hold: body.status === 'pending',
  };
}

export interface SegmentPlan {
  flight: Flight;
  date: string;
  cabin: Cabin;
  requested: (string | null)[];
  preference?: SeatPreference;
}

/** Checks the segments of a new booking: bookable flights that follow each other. */
export async function planSegments(store: Store, input: BookingCreateInput, now: Date): Promise<SegmentPlan[]> {
  const plans: SegmentPlan[] = [];
  for (const [i, segment] of input.segments.entries()) {
    const field = `segments[${i}]`;
    const flight = await flightByNumber(store, segment.flight_number, `${field}.flight_number`);
    checkBookable(flight, segment.date, segment.cabin, now, field);
    if ((segment.seats?.length ?? 0) > input.passengers.length) throw invalid(`${field}.seats`, 'More seats than passengers');
    const previous = plans[plans.length - 1];
    if (previous) {
      if (cityOf(previous.flight.arrival_airport) !== cityOf(flight.departure_airport)) {
        throw invalid(`${field}.flight_number`, `Segment ${i + 1} leaves from ${flight.departure_airport}, but segment ${i} arrives at ${previous.flight.arrival_airport}`);
      }
      if (departureInstant(flight, segment.date) <= arrivalInstant(previous.flight, previous.date)) {
        throw invalid(`${field}.date`, `Segment ${i + 1} leaves before segment ${i} arrives`);
      }
    }
    plans.push({ flight, date: segment.date, cabin: segment.cabin, requested: segment.seats ?? [], preference: segment.seat_preference });
  }
  return plans;
}

/** Seats for every passenger of one segment; explicit requests that fail are the caller's error. */
export async function seatsFor(
  store: Store,
  plan: SegmentPlan,
  passengers: { type: PassengerType }[],
  field: string,
  ownSeats: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const taken = new Set([...(await store.bookings.takenSeats(plan.flight.id, plan.date))].filter((seat) => !ownSeats.has(seat)));
  const choice = chooseSeats(
    plan.flight,
    plan.cabin,
    taken,
    passengers.map((p, i) => ({ seat: plan.requested[i] ?? undefined, preference: plan.preference, passengerType: p.type })),
  );
  if (choice.ok) return choice.seats;
  switch (choice.reason) {
    case 'not_in_cabin':
      throw invalid(field, `Seat ${choice.seat} does not exist in ${plan.cabin} on ${plan.flight.aircraft_type} (${plan.flight.flight_number})`);
    case 'exit_row':
      throw invalid(field, `Seat ${choice.seat} is in an exit row; only adults may sit there`);
    case 'taken':
      throw conflict(`Seat ${choice.seat} is already taken on ${plan.flight.flight_number} on ${plan.date}`, field);
    case 'full':
      throw new DomainError('sold_out', `No seats left in ${plan.cabin} on ${plan.flight.flight_number} on ${plan.date}`, field);
  }
}

export function segmentState(plan: SegmentPlan, seats: string[]): BookingState['segments'][number] {
  return { flight_id: plan.flight.id, flight_date: plan.date, cabin: plan.cabin, fare_cents: toCents(plan.flight.cabins[plan.cabin]!.fare), seats };
}

export function totalCents(state: Pick<BookingState, 'passengers' | 'segments'>): number {
  return state.segments.reduce((sum, s) => sum + state.passengers.reduce((t, p) => t + passengerFareCents(s.fare_cents, p.type), 0), 0);
}

export function paidByCabin(state: Pick<BookingState, 'passengers' | 'segments'>): Partial<Record<Cabin, number>> {
  const paid: Partial<Record<Cabin, number>> = {};
  for (const s of state.segments) {
    paid[s.cabin] = (paid[s.cabin] ?? 0) + state.passengers.reduce((t, p) => t + passengerFareCents(s.fare_cents, p.type), 0);
  }
  return paid;
}

