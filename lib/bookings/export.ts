import type { BookingView } from '../domain/booking-schemas';

const header = ['reference', 'status', 'title', 'passenger_name', 'passenger_type', 'flight_number', 'departure_date', 'departure_time', 'departure_airport', 'arrival_airport', 'cabin', 'seat_number', 'total_price', 'currency', 'created_at'];

/** Bookings as CSV: one line per passenger and segment; cells that a spreadsheet would run as formulas are quoted. */
export function bookingsCsv(items: BookingView[]): string {
  const rows = items.flatMap((b) =>
    b.segments.flatMap((s) =>
      b.passengers.map((p) => [b.reference, b.status, b.title, p.name, p.type, s.flight_number, s.date, s.departure_time, s.departure_airport, s.arrival_airport, s.cabin, s.seats[p.position - 1]?.seat ?? '', b.total_price, b.currency, b.created_at]),
    ),
  );
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: unknown): string {
  const text = String(value ?? '');
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
