import type { Cabin } from './aircraft';

export type BookingStatus = 'pending' | 'confirmed' | 'cancelled';
export type PassengerType = 'adult' | 'child' | 'infant';

export interface PassengerState {
  name: string;
  /** Normalised name forms for fuzzy search (see passenger-names.ts). */
  search_key: string;
  type: PassengerType;
  email: string | null;
  phone: string | null;
}

export interface SegmentState {
  flight_id: number;
  flight_date: string;
  cabin: Cabin;
  fare_cents: number;
  /** One seat per passenger, in passenger order. */
  seats: string[];
}

/** Everything about a booking that a change can move; the store persists it as one transaction. */
export interface BookingState {
  title: string;
  status: BookingStatus;
  contact_email: string | null;
  contact_phone: string | null;
  total_cents: number;
  hold_expires_at: string | null;
  cancelled_at: string | null;
  cancellation_reason: string | null;
  fee_cents: number | null;
  refund_cents: number | null;
  passengers: PassengerState[];
  segments: SegmentState[];
}

export interface Booking extends BookingState {
  id: number;
  reference: string;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface HistoryEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface InventoryKey {
  flight_id: number;
  flight_date: string;
  cabin: Cabin;
}

/** Seats a state holds per flight, date and cabin: none once cancelled. */
export function inventoryHeld(state: BookingState): Map<string, InventoryKey & { count: number }> {
  const held = new Map<string, InventoryKey & { count: number }>();
  if (state.status === 'cancelled') return held;
  for (const segment of state.segments) {
    const key = `${segment.flight_id}|${segment.flight_date}|${segment.cabin}`;
    const entry = held.get(key) ?? { flight_id: segment.flight_id, flight_date: segment.flight_date, cabin: segment.cabin, count: 0 };
    entry.count += state.passengers.length;
    held.set(key, entry);
  }
  return held;
}

export interface InventoryDelta extends InventoryKey {
  delta: number;
}

/** How seats sold must move to go from one state to another; releases come first. */
export function inventoryDeltas(before: BookingState | undefined, after: BookingState): InventoryDelta[] {
  const was = before ? inventoryHeld(before) : new Map<string, InventoryKey & { count: number }>();
  const will = inventoryHeld(after);
  const deltas: InventoryDelta[] = [];
  for (const key of new Set([...was.keys(), ...will.keys()])) {
    const entry = (will.get(key) ?? was.get(key))!;
    const delta = (will.get(key)?.count ?? 0) - (was.get(key)?.count ?? 0);
    if (delta !== 0) deltas.push({ flight_id: entry.flight_id, flight_date: entry.flight_date, cabin: entry.cabin, delta });
  }
  return deltas.sort((a, b) => a.delta - b.delta);
}

export interface SeatHold {
  segment: number;
  passenger: number;
  flight_id: number;
  flight_date: string;
  seat: string;
}

/** Seat assignments a state holds (segment and passenger by position, 0-based): none once cancelled. */
export function seatsHeld(state: BookingState): SeatHold[] {
  if (state.status === 'cancelled') return [];
  return state.segments.flatMap((segment, s) =>
    segment.seats.map((seat, p) => ({ segment: s, passenger: p, flight_id: segment.flight_id, flight_date: segment.flight_date, seat })),
  );
}
