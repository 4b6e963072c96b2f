import type { TestHost } from '../support/host';

export interface BookingBody {
  id: number;
  reference: string;
  status: string;
  version: number;
  total_price: number;
  hold_expires_at: string | null;
  passengers: { position: number; name: string; type: string }[];
  segments: { flight_number: string; date: string; cabin: string; fare: number; seats: { passenger: number; seat: string }[] }[];
  cancellation: { fee: number; refund: number; reason: string | null } | null;
  seat_number: string | null;
  price: number;
}

let counter = 0;

/** A fresh daily A320 flight PEK→SHA with `capacity` economy seats, so each test owns its inventory. */
export async function createFlight(host: TestHost, capacity: number, extra: Record<string, unknown> = {}): Promise<{ id: number; flight_number: string }> {
  counter++;
  // A counter, not a random number: two random numbers in one file collided once in CI (409). A file's hosts share it.
  const flight_number = `HO${String(8000 + counter)}`;
  const response = await host.fetch('/flights', {
    method: 'POST',
    staff: true,
    json: {
      flight_number,
      airline_code: 'HO',
      departure_airport: 'PEK',
      arrival_airport: 'SHA',
      departure_time: '21:00',
      arrival_time: '23:15',
      aircraft_type: 'A320',
      cabins: { economy: { fare: 900, capacity }, business: { fare: 3000, capacity: 8 } },
      ...extra,
    },
  });
  if (response.status !== 201) throw new Error(`flight not created: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: number; flight_number: string };
}

export async function book(host: TestHost, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return host.fetch('/bookings', { method: 'POST', json: body, headers });
}

export async function bookingCount(host: TestHost): Promise<number> {
  return ((await (await host.fetch('/stats')).json()) as { total_bookings: number }).total_bookings;
}

export async function seatsLeft(host: TestHost, flightId: number, date: string, cabin = 'economy'): Promise<number> {
  const flight = (await (await host.fetch(`/flights/${flightId}?date=${date}`)).json()) as { cabins: Record<string, { seats_left: number }> };
  return flight.cabins[cabin]!.seats_left;
}
