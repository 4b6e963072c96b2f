/** The shapes the CLI reads from the API: type-only imports of the server's documented views. */
export type { Itinerary } from '../lib/flights/search';
export type { BookingView, CancellationQuoteView } from '../lib/domain/booking-schemas';
export type { Airport } from '../lib/domain/airports';

export interface SeatMap {
  flight_number: string;
  date: string;
  cabin: string;
  seats_left: number;
  rows: { row: number; seats: { seat: string; position: string; available: boolean }[] }[];
}

export interface Stats {
  total_bookings: number;
  total_flights: number;
  confirmed_bookings: number;
  pending_bookings: number;
  cancelled_bookings: number;
  routes: { departure_airport: string; arrival_airport: string; bookings: number }[];
}
