import type { Cabin } from '../domain/aircraft';
import { cabinSeats } from '../domain/seats';
import { invalid } from '../domain/errors';
import type { Flight } from '../domain/flights';
import type { Store } from '../store/store';

/** The seats of one cabin of a flight on a date, row by row, each marked available or taken. */
export async function seatMapOf(store: Store, flight: Flight, date: string, cabin: Cabin) {
  if (!flight.cabins[cabin]) throw invalid('cabin', `Flight ${flight.flight_number} has no ${cabin} cabin`);
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
}
