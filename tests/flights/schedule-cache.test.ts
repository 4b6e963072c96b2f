import { describe, expect, it } from 'vitest';
import { daysFromToday, useHost } from '../support/host';

// Each worker process keeps flight schedules in memory between requests (lib/flights/schedule-cache.ts).
// A write served by one worker must be seen by every worker's next search: the cache is checked against
// the database's change stamp on every request.
describe('per-instance schedule cache across two worker processes', () => {
  const host = useHost({ env: { FUNCTIONS_WORKER_PROCESS_COUNT: '2' } });
  const date = daysFromToday(2);
  const flight = {
    flight_number: 'ZH9911',
    airline_code: 'ZH',
    departure_airport: 'PEK',
    arrival_airport: 'SHA',
    departure_time: '21:40',
    arrival_time: '23:55',
    days_of_operation: [1, 2, 3, 4, 5, 6, 7],
    aircraft_type: 'A320',
    cabins: { economy: { fare: 990, capacity: 150 } },
  };

  /** Direct PEK→SHA searches on fresh connections, so the primary hands them to both workers in turn. */
  async function searches(): Promise<string[][]> {
    return Promise.all(
      Array.from({ length: 8 }, async () => {
        const response = await host.fetch(`/flights/search/PEK/SHA?date=${date}&max_stops=0`, { headers: { connection: 'close' } });
        expect(response.status).toBe(200);
        const itineraries = (await response.json()) as { segments: { flight_number: string }[] }[];
        return itineraries.map((i) => i.segments[0]!.flight_number);
      }),
    );
  }
  const offered = async () => (await searches()).map((flights) => flights.includes(flight.flight_number));

  it('a flight added, then cancelled, through one worker is offered, then withdrawn, by every worker at once', async () => {
    expect(await offered()).toEqual(Array(8).fill(false)); // both workers now hold the listing
    const created = await host.fetch('/flights', { method: 'POST', json: flight, staff: true, headers: { connection: 'close' } });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect(await offered()).toEqual(Array(8).fill(true));
    const cancelled = await host.fetch(`/flights/${id}`, { method: 'PUT', json: { ...flight, status: 'cancelled' }, staff: true, headers: { connection: 'close' } });
    expect(cancelled.status).toBe(200);
    expect(await offered()).toEqual(Array(8).fill(false));
  }, 60_000);

  it('seats sold are never cached: a booking through one worker shows in every worker’s next search', async () => {
    const seatsOf = async () =>
      Promise.all(
        Array.from({ length: 6 }, async () => {
          const response = await host.fetch(`/flights/search/PEK/SHA?date=${date}&max_stops=0`, { headers: { connection: 'close' } });
          const itineraries = (await response.json()) as { seats_left?: number; segments: { flight_number: string }[] }[];
          return itineraries.find((i) => i.segments[0]!.flight_number === 'CA1001')?.seats_left;
        }),
      );
    const before = await seatsOf();
    expect(new Set(before).size).toBe(1);
    const booked = await host.fetch('/bookings', { method: 'POST', json: { passengers: [{ name: 'Chen Jing' }], segments: [{ flight_number: 'CA1001', date }] } });
    expect(booked.status).toBe(201);
    expect(await seatsOf()).toEqual(Array(6).fill(before[0]! - 1));
  }, 60_000);
});
