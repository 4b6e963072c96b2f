import { cabins, seatsOf, type Cabin, type Seat, type SeatPosition } from './aircraft';
import type { PassengerType } from './bookings';

export type SeatPreference = Extract<SeatPosition, 'window' | 'aisle'>;

export interface SeatRequest {
  /** An explicit seat such as 12A; it must exist in the cabin and be free. */
  seat?: string;
  preference?: SeatPreference;
  passengerType: PassengerType;
}

export type SeatChoice = { ok: true; seats: string[] } | { ok: false; seat: string; reason: 'not_in_cabin' | 'taken' | 'exit_row' | 'full' };

/** The aircraft a seat map is drawn for; the economy capacity sizes the generic map of an unknown type. */
export interface Seating {
  aircraft_type: string;
  cabins: Partial<Record<Cabin, { capacity: number }>> & { economy: { capacity: number } };
}

export function cabinSeats(seating: Seating, cabin: Cabin): Seat[] {
  return seatsOf(seating.aircraft_type, cabin, seating.cabins.economy.capacity);
}

/** The cabin on sale that holds a seat number (economy when none is named or no cabin on sale has it). */
export function cabinOfSeat(seating: Seating, seat: string | null | undefined): Cabin {
  return (seat && cabins.find((cabin) => seating.cabins[cabin] && findSeat(seating, cabin, seat))) || 'economy';
}

export function findSeat(seating: Seating, cabin: Cabin, seat: string): Seat | undefined {
  const wanted = seat.trim().toUpperCase();
  return cabinSeats(seating, cabin).find((s) => s.seat === wanted);
}

/**
 * Seats for a party on one flight: requested seats when they exist and are free, otherwise the
 * frontmost free seat matching the preference, then any free seat. Children and infants never
 * get exit rows. Deterministic, so a retry after a clash picks the next free seat.
 */
export function chooseSeats(seating: Seating, cabin: Cabin, taken: ReadonlySet<string>, requests: SeatRequest[]): SeatChoice {
  const used = new Set(taken);
  const seats: string[] = [];
  const seatsInCabin = cabinSeats(seating, cabin);
  for (const request of requests) {
    if (request.seat) {
      const seat = findSeat(seating, cabin, request.seat);
      if (!seat) return { ok: false, seat: request.seat, reason: 'not_in_cabin' };
      if (used.has(seat.seat)) return { ok: false, seat: seat.seat, reason: 'taken' };
      if (seat.exit_row && request.passengerType !== 'adult') return { ok: false, seat: seat.seat, reason: 'exit_row' };
      used.add(seat.seat);
      seats.push(seat.seat);
      continue;
    }
    const allowed = seatsInCabin.filter((s) => !used.has(s.seat) && (request.passengerType === 'adult' || !s.exit_row));
    const pick = allowed.find((s) => s.position === request.preference) ?? allowed[0];
    if (!pick) return { ok: false, seat: '', reason: 'full' };
    used.add(pick.seat);
    seats.push(pick.seat);
  }
  return { ok: true, seats };
}
