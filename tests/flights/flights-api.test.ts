import { describe, expect, it } from 'vitest';
import { daysFromToday, expectProblem, useHost } from '../support/host';

const host = useHost();
const tomorrow = daysFromToday(1);

interface Itinerary {
  type: string;
  stops: number;
  departure_airport: string;
  arrival_airport: string;
  departure_date: string;
  duration_minutes: number;
  total_fare: number;
  seats_left: number;
  flight_number: string;
  connection?: { airport: string; next_airport: string; minutes: number; change_airport: boolean };
  segments: { flight_number: string; departure_airport: string; arrival_airport: string; date: string; departure_time: string; arrival_date: string; arrival_time: string }[];
}

describe('flight search', () => {
  it('finds CA1001 between 北京 and 上海 tomorrow, by city names in Chinese', async () => {
    const response = await host.fetch(`/flights/search/${encodeURIComponent('北京')}/${encodeURIComponent('上海')}?date=${tomorrow}`);
    expect(response.status).toBe(200);
    const itineraries = (await response.json()) as Itinerary[];
    const ca1001 = itineraries.find((i) => i.flight_number === 'CA1001');
    expect(ca1001).toMatchObject({ type: 'direct', stops: 0, departure_airport: 'PEK', arrival_airport: 'SHA', departure_date: tomorrow });
    expect(ca1001!.segments[0]).toMatchObject({ departure_time: '08:30:00', arrival_time: '10:45:00' });
    expect(new Set(itineraries.map((i) => i.departure_airport))).toEqual(new Set(['PEK', 'PKX']));
    for (const itinerary of itineraries.filter((i) => i.stops === 0)) expect(['SHA', 'PVG']).toContain(itinerary.arrival_airport);
    expect(response.headers.get('x-total-count')).toBe(String(itineraries.length));
    const directs = itineraries.filter((i) => i.stops === 0);
    for (const connection of itineraries.filter((i) => i.stops === 1)) {
      const dominated = directs.some((d) => d.total_fare <= connection.total_fare && d.duration_minutes <= connection.duration_minutes);
      expect(dominated, `${connection.flight_number} is slower and dearer than a direct flight`).toBe(false);
    }
  });

  it('accepts English city names and airport codes alike', async () => {
    const byName = (await (await host.fetch(`/flights/search/Beijing/Shanghai?date=${tomorrow}&max_stops=0`)).json()) as Itinerary[];
    const byCode = (await (await host.fetch(`/flights/search/PEK/SHA?date=${tomorrow}&max_stops=0`)).json()) as Itinerary[];
    expect(byCode.length).toBeGreaterThan(0);
    expect(byCode.every((i) => i.departure_airport === 'PEK' && i.arrival_airport === 'SHA')).toBe(true);
    expect(byName.length).toBeGreaterThan(byCode.length);
  });

  it('sorts by price and prices the whole party', async () => {
    const response = await host.fetch(`/flights/search/PEK/SHA?date=${tomorrow}&sort=price&passengers=3&max_stops=0`);
    const itineraries = (await response.json()) as (Itinerary & { fare_per_passenger: number })[];
    const fares = itineraries.map((i) => i.total_fare);
    expect(fares).toEqual([...fares].sort((a, b) => a - b));
    for (const i of itineraries) expect(i.total_fare).toBeCloseTo(i.fare_per_passenger * 3, 2);
  });

  it('builds one-stop connections that respect connection times, ordered by departure', async () => {
    const response = await host.fetch(`/flights/search/KMG/URC?date=${tomorrow}`);
    expect(response.status).toBe(200);
    const itineraries = (await response.json()) as Itinerary[];
    const connections = itineraries.filter((i) => i.stops === 1);
    expect(connections.length).toBeGreaterThan(0);
    for (const c of connections) {
      expect(c.segments).toHaveLength(2);
      expect(c.segments[0]!.departure_airport).toBe('KMG');
      expect(c.segments[1]!.arrival_airport).toBe('URC');
      expect(c.connection!.minutes).toBeGreaterThanOrEqual(c.connection!.change_airport ? 180 : 60);
      expect(c.connection!.minutes).toBeLessThanOrEqual(24 * 60);
    }
    const noStops = (await (await host.fetch(`/flights/search/KMG/URC?date=${tomorrow}&max_stops=0`)).json()) as Itinerary[];
    expect(noStops.every((i) => i.stops === 0)).toBe(true);
  });

  it('filters by departure window', async () => {
    const itineraries = (await (await host.fetch(`/flights/search/PEK/SHA?date=${tomorrow}&depart_after=12:00&max_stops=0`)).json()) as Itinerary[];
    expect(itineraries.length).toBeGreaterThan(0);
    expect(itineraries.every((i) => i.segments[0]!.departure_time >= '12:00:00')).toBe(true);
  });
});

describe('the legacy system’s flat API', () => {
  it('lists flights with the seed fields and X-Total-Count, paged by skip/limit', async () => {
    const response = await host.fetch('/flights?skip=0&limit=5');
    expect(response.status).toBe(200);
    const flights = (await response.json()) as Record<string, unknown>[];
    expect(flights).toHaveLength(5);
    expect(Number(response.headers.get('x-total-count'))).toBeGreaterThan(100);
    for (const field of ['id', 'flight_number', 'airline', 'departure_airport', 'arrival_airport', 'departure_time', 'arrival_time', 'price', 'available_seats', 'aircraft_type', 'status', 'created_at', 'updated_at']) {
      expect(flights[0]).toHaveProperty(field);
    }
    const next = (await (await host.fetch('/flights?skip=5&limit=5')).json()) as { id: number }[];
    expect(next[0]!.id).not.toBe(flights[0]!.id);
  });

  it('answers GET /flights/{id}, /flights/number/{n} and /flights/search/{from}/{to} like the seed', async () => {
    const byNumber = (await (await host.fetch('/flights/number/CA1001')).json()) as Record<string, unknown>;
    expect(byNumber).toMatchObject({
      flight_number: 'CA1001',
      airline: '中国国际航空',
      departure_airport: 'PEK',
      arrival_airport: 'SHA',
      departure_time: '08:30:00',
      arrival_time: '10:45:00',
      price: 680,
      available_seats: 120,
      status: 'active',
    });
    const byId = (await (await host.fetch(`/flights/${byNumber.id}`)).json()) as Record<string, unknown>;
    expect(byId.flight_number).toBe('CA1001');
    const search = (await (await host.fetch(`/flights/search/PEK/SHA?date=${tomorrow}`)).json()) as Record<string, unknown>[];
    expect(search.some((f) => f.flight_number === 'CA1001' && f.price === 680 && typeof f.available_seats === 'number')).toBe(true);
  });

  it('creates a flight from the original flat body with 200, as the original API answered (staff key required)', async () => {
    const body = {
      flight_number: 'CA9901',
      airline: '中国国际航空',
      departure_airport: 'PEK',
      arrival_airport: 'CTU',
      departure_time: '09:00:00',
      arrival_time: '12:05:00',
      price: '1280.00',
      available_seats: 150,
      aircraft_type: 'A320',
    };
    expect((await host.fetch('/flights', { method: 'POST', json: body })).status).toBe(401);
    const response = await host.fetch('/flights', { method: 'POST', json: body, staff: true });
    expect(response.status).toBe(200);
    const flight = (await response.json()) as Record<string, unknown> & { cabins: Record<string, unknown> };
    expect(flight).toMatchObject({ flight_number: 'CA9901', airline_code: 'CA', price: 1280, available_seats: 150, duration_minutes: 185 });
    expect(flight.cabins.economy).toMatchObject({ fare: 1280, capacity: 150 });
    expect(response.headers.get('location')).toBe(`/api/flights/${flight.id}`);
    const duplicate = await host.fetch('/flights', { method: 'POST', json: body, staff: true });
    await expectProblem(duplicate, 409, 'body.flight_number');
  });
});

describe('staff flight management', () => {
  const full = {
    flight_number: 'MU9902',
    airline_code: 'MU',
    departure_airport: 'PVG',
    arrival_airport: 'NRT',
    departure_time: '09:00',
    arrival_time: '13:00',
    days_of_operation: [1, 3, 5],
    aircraft_type: 'A330-300',
    cabins: { economy: { fare: 2100, capacity: 200 }, business: { fare: 7800, capacity: 24 } },
  };

  it('creates, updates and deletes a full schedule, with durations across time zones', async () => {
    const created = await host.fetch('/flights', { method: 'POST', json: full, staff: true });
    expect(created.status).toBe(201);
    const flight = (await created.json()) as { id: number; duration_minutes: number; days_of_operation: number[] };
    expect(flight.duration_minutes).toBe(180);
    expect(flight.days_of_operation).toEqual([1, 3, 5]);
    const updated = await host.fetch(`/flights/${flight.id}?code=${host.key}`, { method: 'PUT', json: { ...full, status: 'cancelled' } });
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as { status: string }).status).toBe('cancelled');
    const deleted = await host.fetch(`/flights/${flight.id}`, { method: 'DELETE', staff: true });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ message: `Flight ${flight.id} deleted`, id: flight.id });
    await expectProblem(await host.fetch(`/flights/${flight.id}`), 404, 'params.id');
  });

  it('refuses capacities the aircraft cannot seat', async () => {
    const tooMany = { ...full, flight_number: 'MU9903', cabins: { economy: { fare: 2100, capacity: 999 } } };
    await expectProblem(await host.fetch('/flights', { method: 'POST', json: tooMany, staff: true }), 422, 'body.cabins.economy.capacity');
  });
});

describe('bad input gets a problem+json 4xx naming the field', () => {
  it.each([
    ['unknown airport', `/flights/search/XXX/SHA?date=${tomorrow}`, 404, 'params.from'],
    ['unknown city', `/flights/search/PEK/${encodeURIComponent('火星')}`, 404, 'params.to'],
    ['malformed date', '/flights/search/PEK/SHA?date=2026-13-45', 400, 'query.date'],
    ['past date', '/flights/search/PEK/SHA?date=2020-01-01', 422, 'query.date'],
    ['bad cabin', '/flights/search/PEK/SHA?cabin=premium', 400, 'query.cabin'],
    ['too many passengers', '/flights/search/PEK/SHA?passengers=10', 400, 'query.passengers'],
    ['negative limit', '/flights?limit=-1', 400, 'query.limit'],
    ['limit over 1000', '/flights?limit=1001', 400, 'query.limit'],
    ['wrong type', '/flights?min_price=cheap', 400, 'query.min_price'],
    ['unknown parameter', '/flights?colour=red', 400, 'query.colour'],
    ['bad sort', '/flights?sort=seat', 400, 'query.sort'],
    ['unknown flight number', '/flights/number/ZZ0000', 404, 'params.flight_number'],
    ['seat map of an unknown flight', `/flights/424242/seats?date=${daysFromToday(30)}`, 404, 'params.id'],
    ['seat map of a cabin the flight lacks', `/flights/1/seats?date=${daysFromToday(30)}&cabin=first`, 422, 'query.cabin'],
  ])('%s', async (_name, path, status, field) => {
    await expectProblem(await host.fetch(path), status, field);
  });

  it('malformed JSON, wrong types, wrong content type and oversized bodies', async () => {
    const post = (body: string, contentType = 'application/json') =>
      host.fetch('/flights', { method: 'POST', body, headers: { 'content-type': contentType }, staff: true });
    await expectProblem(await post('{"flight_number": '), 400, 'body');
    await expectProblem(await post(JSON.stringify({ flight_number: 42 })), 422, 'body.flight_number');
    await expectProblem(await post('flight_number=CA1', 'application/x-www-form-urlencoded'), 415);
    await expectProblem(await post(JSON.stringify({ pad: 'x'.repeat(70 * 1024) })), 413);
    const count = Number((await host.fetch('/flights?limit=1')).headers.get('x-total-count'));
    await expectProblem(await post(JSON.stringify({ flight_number: 'CA1', airline: 'Nope', departure_airport: 'PEK', arrival_airport: 'SHA', departure_time: '08:00', arrival_time: '10:00', price: 1 })), 422, 'body.airline');
    expect(Number((await host.fetch('/flights?limit=1')).headers.get('x-total-count'))).toBe(count);
  });

  it('wrong method is 405 with Allow; unknown route is 404; wrong key is 401', async () => {
    const response = await host.fetch('/flights', { method: 'PATCH' });
    await expectProblem(response, 405);
    expect(response.headers.get('allow')).toContain('GET');
    await expectProblem(await host.fetch('/nothing-here'), 404);
    await expectProblem(await host.fetch('/flights/1', { method: 'DELETE', headers: { 'x-functions-key': 'wrong' } }), 401);
  });
});

describe('system endpoints', () => {
  it('health reports each check and is healthy on the documented defaults (the offline planner is not a fault)', async () => {
    const response = await host.fetch('/health');
    expect(response.status).toBe(200);
    const health = (await response.json()) as { status: string; timestamp: string; checks: Record<string, { status: string }> };
    expect(health.status).toBe('healthy');
    expect(health.checks.database!.status).toBe('pass');
    expect(health.checks.migrations!.status).toBe('pass');
    expect(health.checks.storage!.status).toBe('pass');
    expect(health.checks.ai!.status).toBe('pass');
    expect(Date.parse(health.timestamp)).not.toBeNaN();
  });

  it('stats carry the seed fields', async () => {
    const stats = (await (await host.fetch('/stats')).json()) as Record<string, unknown>;
    for (const field of ['total_bookings', 'total_flights', 'confirmed_bookings', 'timestamp', 'routes', 'load_factors']) expect(stats).toHaveProperty(field);
    expect(stats.total_flights).toBeGreaterThan(100);
  });

  it('metrics are Prometheus text with counts and histograms by route and status', async () => {
    await host.fetch('/flights?limit=1');
    const text = await (await host.fetch('/metrics')).text();
    expect(text).toMatch(/http_requests_total\{route="flights",method="GET",status="200"\} \d+/);
    expect(text).toContain('http_request_duration_seconds_bucket{route="flights",method="GET",status="200",le="+Inf"}');
  });

  it('airport lookup by code or city in either language', async () => {
    const codes = async (q: string) => ((await (await host.fetch(`/airports?q=${encodeURIComponent(q)}`)).json()) as { code: string }[]).map((a) => a.code).sort();
    expect(await codes('北京')).toEqual(['PEK', 'PKX']);
    expect(await codes('shanghai')).toEqual(['PVG', 'SHA']);
    expect(await codes('CAN')).toEqual(['CAN']);
  });
});
