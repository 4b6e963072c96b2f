import { describe, expect, it } from 'vitest';
import { daysFromToday, useHost } from '../support/host';
import { patchedScript, requirePython, runPython } from './python';

/**
 * The original system's own test suite (tests/clients/original/test_mcp_server.py, a verbatim copy),
 * run unchanged except for the base URL, the staff key in its session headers and its 2024 travel
 * date moved into the future.
 */
const host = useHost();

/** Flight numbers this file has not used yet (random ones collided now and then: 409). */
let flightsMade = 0;
const freshFlightNumber = () => `TE${1000 + ++flightsMade}`;
const travelDate = daysFromToday(30);

describe.runIf(requirePython())('the original system’s Python clients', () => {
  it('test_mcp_server.py passes 12 of 12', () => {
    const script = patchedScript('test_mcp_server.py', [
      { find: '"http://localhost:8000"', replace: JSON.stringify(host.baseUrl), count: 2 },
      {
        find: 'self.session = requests.Session()\n',
        replace: `self.session = requests.Session()\n        self.session.headers["x-functions-key"] = ${JSON.stringify(host.key)}\n`,
        count: 1,
      },
      { find: '"2024-08-15"', replace: JSON.stringify(travelDate), count: 4 },
    ]);
    const { status, output } = runPython(script, ['--unittest']);
    // unittest.main(exit=False) exits 0 even when tests fail: the summary decides.
    expect(status, output).toBe(0);
    expect(output, output).toMatch(/Ran 12 tests in [\d.]+s\s+OK\s*$/);
  }, 150_000);

  it('what the suite wrote is what the original API would have stored', async () => {
    const flight = (await (await host.fetch('/flights/number/TEST001')).json()) as Record<string, unknown>;
    expect(flight).toMatchObject({ flight_number: 'TEST001', airline: '测试航空', airline_code: 'TE', aircraft_type: 'B737-800', price: 599 });
    const bookings = (await (await host.fetch(`/bookings/search/${encodeURIComponent('测试用户')}`, { staff: true })).json()) as Record<string, unknown>[];
    expect(bookings).toContainEqual(expect.objectContaining({ flight_number: 'TEST001', seat_number: '12A', departure_date: travelDate }));
  });
});

describe('the original flat API, as its clients call it', () => {
  const flat = (flight_number: string, extra: Record<string, unknown>) => ({
    flight_number,
    airline: '测试航空',
    departure_airport: 'PEK',
    arrival_airport: 'SHA',
    departure_time: '09:00:00',
    arrival_time: '11:20:00',
    price: '599.00',
    available_seats: 100,
    status: 'active',
    ...extra,
  });

  it.each([
    ['Airbus A320', 'A320'],
    ['波音737-800', 'B737-800'],
    ['B738', 'B737-800'],
    ['boeing 787-9', 'B787-9'],
  ])('normalises the aircraft name %s to %s', async (name, type) => {
    const number = freshFlightNumber();
    const response = await host.fetch('/flights', { method: 'POST', staff: true, json: flat(number, { aircraft_type: name }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ aircraft_type: type, airline: '测试航空' });
  });

  it.each([
    ['null', null, 'unspecified'],
    ['an unknown type', 'Tupolev Tu-154', 'Tupolev Tu-154'],
  ])('gives %s a generic seat map sized by its capacity, and books the original sample seats in it', async (_name, aircraft, stored) => {
    const number = freshFlightNumber();
    const created = await host.fetch('/flights', { method: 'POST', staff: true, json: flat(number, { aircraft_type: aircraft, available_seats: 60 }) });
    expect(created.status).toBe(200);
    const flight = (await created.json()) as { id: number; aircraft_type: string };
    expect(flight.aircraft_type).toBe(stored);
    const map = (await (await host.fetch(`/flights/${flight.id}/seats?date=${travelDate}`)).json()) as { rows: { seats: { seat: string }[] }[] };
    expect(map.rows.flatMap((row) => row.seats)).toHaveLength(60);
    const booked = await host.fetch('/bookings', {
      method: 'POST',
      json: { passenger_name: '测试用户', flight_number: number, departure_date: travelDate, seat_number: '15B', price: '599.00' },
    });
    expect(booked.status).toBe(200);
    expect(await booked.json()).toMatchObject({ seat_number: '15B', segments: [expect.objectContaining({ cabin: 'economy' })] });
  });

  it('an original-style seat in the business rows books business: the seat names its cabin', async () => {
    const booked = await host.fetch('/bookings', {
      method: 'POST',
      json: { passenger_name: '王五', flight_number: 'CA1001', departure_date: travelDate, seat_number: '2C' },
    });
    expect(booked.status).toBe(200);
    expect(await booked.json()).toMatchObject({ seat_number: '2C', segments: [expect.objectContaining({ cabin: 'business' })] });
  });

  it('an airline text whose flight-number prefix belongs to another airline is a 422 naming body.airline', async () => {
    const response = await host.fetch('/flights', { method: 'POST', staff: true, json: flat('CA7777', { airline: '另一家航空' }) });
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toContain('body.airline');
  });

  it('DELETE /flights/{id} answers 200 with a JSON message', async () => {
    const created = (await (await host.fetch('/flights', { method: 'POST', staff: true, json: flat('TE0042', {}) })).json()) as { id: number };
    const deleted = await host.fetch(`/flights/${created.id}`, { method: 'DELETE', staff: true });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ message: `Flight ${created.id} deleted`, id: created.id });
  });

  it('search results carry the original flight fields', async () => {
    const results = (await (await host.fetch(`/flights/search/PEK/SHA?date=${travelDate}`)).json()) as Record<string, unknown>[];
    expect(results.length).toBeGreaterThan(0);
    for (const field of ['id', 'flight_number', 'airline', 'status', 'aircraft_type', 'price', 'created_at', 'updated_at']) {
      expect(results[0], field).toHaveProperty(field);
    }
  });
});
