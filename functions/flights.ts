import { z } from 'zod';
import { FlightListQuery, IsoDate, SearchQuery } from '../lib/domain/flights';
import { http, json } from '../lib/http/app';
import { parseParams, parseQuery, readJson } from '../lib/http/validate';
import { isFlatFlightBody } from '../lib/flights/service';
import { services } from '../app/services';

export const FlightIdParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
export const DateQuery = z.object({ date: IsoDate.optional() }).strict();
export const FlightNumberParams = z.object({ flight_number: z.string().trim().min(3).max(8) });
export const RouteParams = z.object({ from: z.string().trim().min(1).max(60), to: z.string().trim().min(1).max(60) });

http('flights-list', {
  methods: ['GET'],
  route: 'flights',
  authLevel: 'anonymous',
  handler: async (request) => {
    const query = parseQuery(FlightListQuery, request);
    const { items, total } = await (await services()).flights.list(query);
    return json(items, { headers: { 'x-total-count': String(total) } });
  },
});

http('flights-get', {
  methods: ['GET'],
  route: 'flights/{id:int}',
  authLevel: 'anonymous',
  handler: async (request) => {
    const { id } = parseParams(FlightIdParams, request);
    const { date } = parseQuery(DateQuery, request);
    return json(await (await services()).flights.get(id, date));
  },
});

http('flights-by-number', {
  methods: ['GET'],
  route: 'flights/number/{flight_number}',
  authLevel: 'anonymous',
  handler: async (request) => {
    const { flight_number } = parseParams(FlightNumberParams, request);
    const { date } = parseQuery(DateQuery, request);
    return json(await (await services()).flights.getByNumber(flight_number, date));
  },
});

http('flights-search', {
  methods: ['GET'],
  route: 'flights/search/{from}/{to}',
  authLevel: 'anonymous',
  handler: async (request) => {
    const { from, to } = parseParams(RouteParams, request);
    const query = parseQuery(SearchQuery, request);
    const { date, itineraries } = await (await services()).flights.search(from, to, query);
    return json(itineraries, { headers: { 'x-total-count': String(itineraries.length), 'x-search-date': date } });
  },
});

http('flights-create', {
  methods: ['POST'],
  route: 'flights',
  authLevel: 'function',
  handler: async (request) => {
    const body = await readJson(request);
    const flight = await (await services()).flights.create(body);
    // The original flat API answered its creates with 200; its clients check for exactly that.
    return json(flight, { status: isFlatFlightBody(body) ? 200 : 201, headers: { location: `/api/flights/${flight.id}` } });
  },
});

http('flights-update', {
  methods: ['PUT'],
  route: 'flights/{id:int}',
  authLevel: 'function',
  handler: async (request) => {
    const { id } = parseParams(FlightIdParams, request);
    return json(await (await services()).flights.update(id, await readJson(request)));
  },
});

http('flights-delete', {
  methods: ['DELETE'],
  route: 'flights/{id:int}',
  authLevel: 'function',
  handler: async (request) => {
    const { id } = parseParams(FlightIdParams, request);
    await (await services()).flights.remove(id);
    return json({ message: `Flight ${id} deleted`, id });
  },
});
