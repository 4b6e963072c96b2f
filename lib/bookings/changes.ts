import type { Cabin } from '../domain/aircraft';
import type { BookingUpdateInput } from '../domain/booking-schemas';
import type { Booking, BookingState } from '../domain/bookings';
import { invalid } from '../domain/errors';
import { nameSearchKey } from '../domain/passenger-names';
import { checkBookable, flightByNumber } from '../flights/bookable';
import { seatsFor, segmentState, totalCents } from './plan';
import { cityOf } from './view';
import type { BookingDeps } from './write';

/** The state an update leads to, computed without writing: names corrected, flight moved, seats chosen, fares repriced. */
export async function updatedState({ store, clock }: BookingDeps, before: Booking, input: BookingUpdateInput): Promise<BookingState> {
  const seats = [...(input.seats ?? []), ...(input.seat_number ? [{ segment: 1, passenger: 1, seat: input.seat_number }] : [])];
  const names = [...(input.passengers ?? []), ...(input.passenger_name ? [{ position: 1, name: input.passenger_name }] : [])];
  const move = input.change_flight ?? (input.flight_number || input.departure_date ? { segment: 1, flight_number: input.flight_number, date: input.departure_date, cabin: undefined } : undefined);
  const after: BookingState = structuredClone(before);
  if (input.title) after.title = input.title;
  if (input.contact?.email) after.contact_email = input.contact.email;
  if (input.contact?.phone) after.contact_phone = input.contact.phone;
  for (const { position, name } of names) {
    const passenger = after.passengers[position - 1];
    if (!passenger) throw invalid('passengers', `There is no passenger ${position}`);
    passenger.name = name;
    passenger.search_key = nameSearchKey(name);
  }
  if (move) {
    const index = move.segment - 1;
    const old = after.segments[index];
    if (!old) throw invalid('change_flight.segment', `There is no segment ${move.segment}`);
    const oldFlight = (await store.flights.get(old.flight_id))!;
    const flight = move.flight_number ? await flightByNumber(store, move.flight_number, 'change_flight.flight_number') : oldFlight;
    const date = move.date ?? old.flight_date;
    const cabin: Cabin = move.cabin ?? old.cabin;
    if (cityOf(flight.departure_airport) !== cityOf(oldFlight.departure_airport) || cityOf(flight.arrival_airport) !== cityOf(oldFlight.arrival_airport)) {
      throw invalid('change_flight.flight_number', `${flight.flight_number} flies ${flight.departure_airport}→${flight.arrival_airport}; a change must keep the route ${oldFlight.departure_airport}→${oldFlight.arrival_airport}`);
    }
    if (flight.id === old.flight_id && date === old.flight_date && cabin === old.cabin) throw invalid('change_flight', 'That is the flight the booking already has');
    checkBookable(flight, date, cabin, clock(), 'change_flight');
    const plan = { flight, date, cabin, requested: [] };
    after.segments[index] = segmentState(plan, await seatsFor(store, plan, after.passengers, 'change_flight'));
  }
  for (const change of seats) {
    const segment = after.segments[change.segment - 1];
    if (!segment) throw invalid('seats', `There is no segment ${change.segment}`);
    if (!after.passengers[change.passenger - 1]) throw invalid('seats', `There is no passenger ${change.passenger}`);
    const flight = (await store.flights.get(segment.flight_id))!;
    const requested = segment.seats.map((seat, i) => (i === change.passenger - 1 ? change.seat : seat));
    const own = new Set(before.segments[change.segment - 1]?.flight_id === segment.flight_id ? before.segments[change.segment - 1]!.seats : []);
    segment.seats = await seatsFor(store, { flight, date: segment.flight_date, cabin: segment.cabin, requested }, after.passengers, 'seats', own);
  }
  after.total_cents = totalCents(after);
  if (input.status === 'confirmed' && before.status === 'pending') Object.assign(after, { status: 'confirmed', hold_expires_at: null });
  return after;
}

/** The history action of an update: what kinds of change it makes. */
export function describeChange(input: BookingUpdateInput): string {
  const parts = [
    (input.seats?.length || input.seat_number) && 'seat_change',
    (input.change_flight || input.flight_number || input.departure_date) && 'flight_change',
    (input.passengers?.length || input.passenger_name) && 'name_correction',
    (input.title || input.contact) && 'details',
    input.status === 'confirmed' && 'confirm',
  ].filter(Boolean);
  return parts.join('+') || 'update';
}
