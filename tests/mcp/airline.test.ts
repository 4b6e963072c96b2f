import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, startHost, type TestHost } from '../support/host';
import { callError, callOk, compile, connect } from './support';

let host: TestHost;
let client: Client;
let tools: Tool[];
const date = daysFromToday(3);

beforeAll(async () => {
  host = await startHost();
  client = await connect(host, 'airline');
  tools = (await client.listTools()).tools;
}, 60_000);

afterAll(async () => {
  await client?.close();
  await host?.stop();
});

describe('AirlineAgent over MCP', () => {
  it('introduces itself with a name, the package version and zh/en instructions', () => {
    expect(client.getServerVersion()).toMatchObject({ name: 'airline-agent', version: '0.1.0' });
    expect(client.getInstructions()).toMatch(/search_flights/);
    expect(client.getInstructions()).toMatch(/航班/);
  });

  it('lists its six tools with valid JSON Schemas, descriptions and read-only annotations', () => {
    expect(tools.map((t) => t.name).sort()).toEqual(['check_availability', 'get_flight', 'get_seat_map', 'list_airports', 'recommend_flights', 'search_flights']);
    for (const tool of tools) {
      expect(tool.description!.length, tool.name).toBeGreaterThan(80);
      compile(tool.inputSchema);
      compile(tool.outputSchema!);
      expect(tool.outputSchema!.type).toBe('object');
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false });
      expect(tool.annotations!.title).toBeTruthy();
    }
  });

  it('list_airports resolves Chinese and English city names', async () => {
    const shanghai = await callOk<{ count: number; airports: { code: string }[] }>(client, tools, 'list_airports', { query: '上海' });
    expect(shanghai.airports.map((a) => a.code).sort()).toEqual(['PVG', 'SHA']);
    const beijing = await callOk<{ airports: { code: string }[] }>(client, tools, 'list_airports', { query: 'Beijing' });
    expect(beijing.airports.map((a) => a.code).sort()).toEqual(['PEK', 'PKX']);
    expect((await callOk<{ count: number }>(client, tools, 'list_airports', { query: 'Atlantis' })).count).toBe(0);
    expect((await callOk<{ count: number }>(client, tools, 'list_airports', {})).count).toBeGreaterThan(100);
    expect(await callError(client, 'list_airports', { query: 42 })).toMatch(/Input validation error/);
  });

  it('search_flights finds itineraries by city in zh or en, limited and sorted', async () => {
    const found = await callOk<{ date: string; total: number; itineraries: { flight_number: string; total_fare: number; passengers: number }[] }>(
      client, tools, 'search_flights', { origin: '北京', destination: 'Shanghai', date, passengers: 2, sort: 'price', max_stops: 0, limit: 5 },
    );
    expect(found.date).toBe(date);
    expect(found.itineraries).toHaveLength(5);
    expect(found.total).toBeGreaterThanOrEqual(5);
    const fares = found.itineraries.map((i) => i.total_fare);
    expect(fares).toEqual([...fares].sort((a, b) => a - b));
    expect(found.itineraries.every((i) => i.passengers === 2)).toBe(true);
  });

  it('search_flights reports unknown places and past dates as tool errors a model can act on', async () => {
    expect(await callError(client, 'search_flights', { origin: 'Atlantis', destination: '上海', date })).toMatch(/^Not found: Unknown airport or city "Atlantis"/);
    expect(await callError(client, 'search_flights', { origin: 'PEK', destination: 'SHA', date: daysFromToday(-2) })).toMatch(/^Invalid request: .* is in the past/);
    expect(await callError(client, 'search_flights', { origin: 'PEK', destination: 'SHA', date: '2025-02-30' })).toMatch(/Input validation error/);
    expect(await callError(client, 'search_flights', { origin: 'PEK', destination: 'SHA', date, surprise: true })).toMatch(/Input validation error/);
  });

  it('get_flight by number or id, and refuses both or neither', async () => {
    const byNumber = await callOk<{ id: number; flight_number: string; date: string; cabins: { economy: { seats_left: number } } }>(
      client, tools, 'get_flight', { flight_number: 'ca 1001', date },
    );
    expect(byNumber).toMatchObject({ flight_number: 'CA1001', date });
    const byId = await callOk<{ flight_number: string }>(client, tools, 'get_flight', { id: byNumber.id, date });
    expect(byId.flight_number).toBe('CA1001');
    expect(await callError(client, 'get_flight', { flight_number: 'ZZ9999' })).toMatch(/^Not found: Flight ZZ9999/);
    expect(await callError(client, 'get_flight', {})).toMatch(/exactly one of flight_number or id/);
    expect(await callError(client, 'get_flight', { flight_number: 'not a flight' })).toMatch(/Input validation error/);
  });

  it('check_availability gives seats left and the cabin fare, and explains why a flight cannot be sold', async () => {
    const business = await callOk<{ available: boolean; seats_left: number; fare: number; cabin: string }>(
      client, tools, 'check_availability', { flight_number: 'CA1001', date, cabin: 'business' },
    );
    expect(business).toMatchObject({ available: true, seats_left: 12, fare: 2380, cabin: 'business' });
    expect(await callError(client, 'check_availability', { flight_number: 'CA1001', date: daysFromToday(-1), cabin: 'economy' })).toMatch(/in the past/);
    expect(await callError(client, 'check_availability', { flight_number: 'CA1001', date, cabin: 'first' })).toMatch(/has no first cabin/);
    expect(await callError(client, 'check_availability', { flight_number: 'CA1001', date, cabin: 'premium' })).toMatch(/Input validation error/);
  });

  it('get_seat_map shows rows of seats with positions and availability', async () => {
    const map = await callOk<{ cabin: string; rows: { seats: { seat: string; position: string; available: boolean }[] }[]; seats_available: number }>(
      client, tools, 'get_seat_map', { flight_number: 'CA1001', date },
    );
    expect(map.cabin).toBe('economy');
    expect(map.rows[0]!.seats.map((s) => s.seat)).toEqual(['11A', '11B', '11C', '11D', '11E', '11F']);
    expect(map.rows[0]!.seats[0]).toMatchObject({ position: 'window', available: true });
    expect(await callError(client, 'get_seat_map', { flight_number: 'ZZ1', date })).toMatch(/^Not found/);
  });

  it('recommend_flights ranks at most five picks with reasons in both languages', async () => {
    const cheapest = await callOk<{ recommendations: { rank: number; reason_en: string; reason_zh: string; itinerary: { total_fare: number } }[] }>(
      client, tools, 'recommend_flights', { origin: '北京', destination: '上海', date, preference: 'cheapest' },
    );
    expect(cheapest.recommendations.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    const fares = cheapest.recommendations.map((r) => r.itinerary.total_fare);
    expect(fares).toEqual([...fares].sort((a, b) => a - b));
    expect(cheapest.recommendations[0]!.reason_en).toMatch(/^Lowest fare: /);
    expect(cheapest.recommendations[0]!.reason_zh).toMatch(/^价格最低：/);

    const direct = await callOk<{ recommendations: { itinerary: { stops: number } }[] }>(
      client, tools, 'recommend_flights', { origin: 'KMG', destination: 'URC', date, preference: 'direct_only' },
    );
    expect(direct.recommendations.every((r) => r.itinerary.stops === 0)).toBe(true);
    expect(await callError(client, 'recommend_flights', { origin: 'PEK', destination: 'SHA', date, preference: 'scenic' })).toMatch(/Input validation error/);
  });

  it('serves the airport list as a JSON resource and the book_trip prompt in zh and en', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(['airports://list']);
    const read = await client.readResource({ uri: 'airports://list' });
    const airports = JSON.parse((read.contents[0] as { text: string }).text) as { code: string }[];
    expect(airports.some((a) => a.code === 'PEK')).toBe(true);

    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['book_trip']);
    const zh = await client.getPrompt({ name: 'book_trip', arguments: { language: 'zh' } });
    expect((zh.messages[0]!.content as { text: string }).text).toMatch(/search_flights/);
    expect((zh.messages[0]!.content as { text: string }).text).toMatch(/订/);
    const en = await client.getPrompt({ name: 'book_trip', arguments: { language: 'en' } });
    expect((en.messages[0]!.content as { text: string }).text).toMatch(/^Help me book a flight/);
  });
});
