import { airportByCode } from '../domain/airports';
import type { BookingView } from '../domain/booking-schemas';
import type { Booking } from '../domain/bookings';
import type { Flight } from '../domain/flights';
import { currency, toYuan } from '../domain/money';
import { addDays } from '../domain/time';
import { airlineOf } from '../flights/airlines';
import { withSeconds } from '../flights/view';

export function etagOf(booking: Pick<Booking, 'version'>): string {
  return `"${booking.version}"`;
}

/** The booking resource: passengers and segments, plus the legacy flat fields for the first of each. */
export function bookingView(booking: Booking, flights: Map<number, Flight>): BookingView {
  const segments = booking.segments.map((segment, s) => {
    const flight = flights.get(segment.flight_id)!;
    return {
      position: s + 1,
      flight_id: flight.id,
      flight_number: flight.flight_number,
      airline: airlineOf(flight.airline_code).name_zh,
      departure_airport: flight.departure_airport,
      arrival_airport: flight.arrival_airport,
      date: segment.flight_date,
      departure_time: withSeconds(flight.departure_time),
      arrival_date: addDays(segment.flight_date, flight.arrival_day_offset),
      arrival_time: withSeconds(flight.arrival_time),
      cabin: segment.cabin,
      fare: toYuan(segment.fare_cents),
      seats: booking.passengers.map((p, i) => ({ passenger: i + 1, name: p.name, seat: segment.seats[i] ?? '' })),
    };
  });
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  return {
    id: booking.id,
    reference: booking.reference,
    title: booking.title,
    status: booking.status,
    version: booking.version,
    currency,
    total_price: toYuan(booking.total_cents),
    hold_expires_at: booking.hold_expires_at,
    contact: { email: booking.contact_email, phone: booking.contact_phone },
    passengers: booking.passengers.map((p, i) => ({ position: i + 1, name: p.name, type: p.type, email: p.email, phone: p.phone })),
    segments,
    cancellation:
      booking.status === 'cancelled' && booking.cancelled_at
        ? { cancelled_at: booking.cancelled_at, reason: booking.cancellation_reason, fee: toYuan(booking.fee_cents ?? 0), refund: toYuan(booking.refund_cents ?? 0) }
        : null,
    created_at: booking.created_at,
    updated_at: booking.updated_at,
    passenger_name: booking.passengers[0]!.name,
    flight_number: first.flight_number,
    departure_date: first.date,
    departure_time: first.departure_time,
    arrival_date: last.arrival_date,
    arrival_time: last.arrival_time,
    departure_airport: first.departure_airport,
    arrival_airport: last.arrival_airport,
    seat_number: first.seats[0]?.seat || null,
    price: toYuan(booking.total_cents),
  };
}

/** A default title like the legacy system's: "张三 PEK→SHA 2026-12-01". */
export function defaultTitle(names: string[], flights: Flight[], date: string): string {
  const route = [flights[0]!.departure_airport, ...flights.map((f) => f.arrival_airport)].join('→');
  const who = names.length > 2 ? `${names[0]} +${names.length - 1}` : names.join(', ');
  return `${who} ${route} ${date}`;
}

export function cityOf(code: string): string {
  return airportByCode(code)?.city_en ?? code;
}
