import type { Cabin } from '../domain/aircraft';
import type { Booking, HistoryEntry, PassengerType } from '../domain/bookings';
import { toCents, toYuan } from '../domain/money';
import type { Flight, FlightStatus, Schedule } from '../domain/flights';

/** Row shapes and mapping shared by the SQLite and Azure SQL stores (same column names in both). */
export interface FlightRow {
  id: number;
  flight_number: string;
  airline_code: string;
  departure_airport: string;
  arrival_airport: string;
  departure_time: string;
  arrival_time: string;
  arrival_day_offset: number;
  duration_minutes: number;
  days_mask: number;
  aircraft_type: string;
  status: string;
  economy_fare_cents: number;
  economy_capacity: number;
  business_fare_cents: number | null;
  business_capacity: number;
  first_fare_cents: number | null;
  first_capacity: number;
  created_at: string | Date;
  updated_at: string | Date;
}

export const cabinColumns: Record<Cabin, { fare: string; capacity: string }> = {
  economy: { fare: 'economy_fare_cents', capacity: 'economy_capacity' },
  business: { fare: 'business_fare_cents', capacity: 'business_capacity' },
  first: { fare: 'first_fare_cents', capacity: 'first_capacity' },
};

export function daysToMask(days: number[]): number {
  return days.reduce((mask, day) => mask | (1 << (day - 1)), 0);
}

export function maskToDays(mask: number): number[] {
  return [1, 2, 3, 4, 5, 6, 7].filter((day) => mask & (1 << (day - 1)));
}

export function weekdayBit(weekday: number): number {
  return 1 << (weekday - 1);
}

export function timestamp(value: string | Date): string {
  return typeof value === 'string' ? value : value.toISOString();
}

export function flightFromRow(row: FlightRow): Flight {
  const cabin = (fare: number | null, capacity: number) => (fare === null ? undefined : { fare: toYuan(fare), capacity });
  return {
    id: row.id,
    flight_number: row.flight_number,
    airline_code: row.airline_code,
    departure_airport: row.departure_airport,
    arrival_airport: row.arrival_airport,
    departure_time: row.departure_time.slice(0, 5),
    arrival_time: row.arrival_time.slice(0, 5),
    arrival_day_offset: row.arrival_day_offset,
    duration_minutes: row.duration_minutes,
    days_of_operation: maskToDays(row.days_mask),
    aircraft_type: row.aircraft_type,
    status: row.status as FlightStatus,
    cabins: {
      economy: { fare: toYuan(row.economy_fare_cents), capacity: row.economy_capacity },
      ...(row.business_fare_cents === null ? {} : { business: cabin(row.business_fare_cents, row.business_capacity) }),
      ...(row.first_fare_cents === null ? {} : { first: cabin(row.first_fare_cents, row.first_capacity) }),
    },
    created_at: timestamp(row.created_at),
    updated_at: timestamp(row.updated_at),
  };
}

export const flightColumns = [
  'flight_number', 'airline_code', 'departure_airport', 'arrival_airport', 'departure_time', 'arrival_time',
  'arrival_day_offset', 'duration_minutes', 'days_mask', 'aircraft_type', 'status',
  'economy_fare_cents', 'economy_capacity', 'business_fare_cents', 'business_capacity', 'first_fare_cents', 'first_capacity',
] as const;

/** Column values for an insert or update of a flight. */
export function flightValues(input: Schedule & { duration_minutes: number }): Record<(typeof flightColumns)[number], string | number | null> {
  return {
    flight_number: input.flight_number,
    airline_code: input.airline_code,
    departure_airport: input.departure_airport,
    arrival_airport: input.arrival_airport,
    departure_time: input.departure_time,
    arrival_time: input.arrival_time,
    arrival_day_offset: input.arrival_day_offset,
    duration_minutes: input.duration_minutes,
    days_mask: daysToMask(input.days_of_operation),
    aircraft_type: input.aircraft_type,
    status: input.status,
    economy_fare_cents: toCents(input.cabins.economy.fare),
    economy_capacity: input.cabins.economy.capacity,
    business_fare_cents: input.cabins.business ? toCents(input.cabins.business.fare) : null,
    business_capacity: input.cabins.business?.capacity ?? 0,
    first_fare_cents: input.cabins.first ? toCents(input.cabins.first.fare) : null,
    first_capacity: input.cabins.first?.capacity ?? 0,
  };
}

export interface BookingRow {
  id: number;
  reference: string;
  title: string;
  status: string;
  contact_email: string | null;
  contact_phone: string | null;
  /** BIGINT in Azure SQL, which the driver returns as a string. */
  total_cents: number | string;
  hold_expires_at: string | Date | null;
  cancelled_at: string | Date | null;
  cancellation_reason: string | null;
  fee_cents: number | string | null;
  refund_cents: number | string | null;
  version: number;
  created_by: string;
  created_at: string | Date;
  updated_at: string | Date;
}

export interface PassengerRow {
  id: number;
  booking_id: number;
  position: number;
  name: string;
  search_key: string;
  type: string;
  email: string | null;
  phone: string | null;
}

export interface SegmentRow {
  id: number;
  booking_id: number;
  position: number;
  flight_id: number;
  flight_date: string | Date;
  cabin: string;
  fare_cents: number;
}

export interface SeatRow {
  segment_id: number;
  passenger_id: number;
  seat: string;
}

export interface HistoryRow {
  id: number;
  at: string | Date;
  actor: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

function dateOnly(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

function optionalTimestamp(value: string | Date | null): string | null {
  return value === null ? null : timestamp(value);
}

/** Assembles bookings from their rows (passengers, segments and seats of many bookings at once). */
export function bookingsFromRows(bookings: BookingRow[], passengers: PassengerRow[], segments: SegmentRow[], seats: SeatRow[]): Booking[] {
  const seatOf = new Map(seats.map((seat) => [`${seat.segment_id}|${seat.passenger_id}`, seat.seat]));
  return bookings.map((row) => {
    const own = passengers.filter((p) => p.booking_id === row.id).sort((a, b) => a.position - b.position);
    const legs = segments.filter((s) => s.booking_id === row.id).sort((a, b) => a.position - b.position);
    return {
      id: row.id,
      reference: row.reference,
      title: row.title,
      status: row.status as Booking['status'],
      contact_email: row.contact_email,
      contact_phone: row.contact_phone,
      total_cents: Number(row.total_cents),
      hold_expires_at: optionalTimestamp(row.hold_expires_at),
      cancelled_at: optionalTimestamp(row.cancelled_at),
      cancellation_reason: row.cancellation_reason,
      fee_cents: row.fee_cents === null ? null : Number(row.fee_cents),
      refund_cents: row.refund_cents === null ? null : Number(row.refund_cents),
      version: row.version,
      created_by: row.created_by,
      created_at: timestamp(row.created_at),
      updated_at: timestamp(row.updated_at),
      passengers: own.map((p) => ({ name: p.name, search_key: p.search_key, type: p.type as PassengerType, email: p.email, phone: p.phone })),
      segments: legs.map((s) => ({
        flight_id: s.flight_id,
        flight_date: dateOnly(s.flight_date),
        cabin: s.cabin as Cabin,
        fare_cents: s.fare_cents,
        seats: own.map((p) => seatOf.get(`${s.id}|${p.id}`) ?? ''),
      })),
    };
  });
}

export function historyFromRow(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    at: timestamp(row.at),
    actor: row.actor,
    action: row.action,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
  };
}
