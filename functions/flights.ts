import { z } from 'zod';
import { DeletedMessage, FlightCreateBody, FlightListQuery, FlightView, IsoDate, SearchQuery } from '../lib/domain/flights';
import { filledText } from '../lib/domain/text';
import { isFlatFlightBody } from '../lib/flights/service';
import { Itinerary } from '../lib/flights/search';
import { json } from '../lib/http/app';
import { serviceRoute } from './route';

export const FlightIdParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
export const DateQuery = z.object({ date: IsoDate.optional() }).strict();
export const FlightNumberParams = z.object({ flight_number: z.string().trim().min(3).max(8) });
export const RouteParams = z.object({ from: filledText().min(1).max(60), to: filledText().min(1).max(60) });
export const totalCount = { 'x-total-count': 'Number of matches before skip/limit' };
/** The flight service parses the body itself: the full schedule or the legacy flat body, each naming its own fields. */
const asSent = (body: unknown) => body;

serviceRoute({
  name: 'flights-list',
  methods: ['GET'],
  path: 'flights',
  auth: 'anonymous',
  tag: 'flights',
  summary: 'List flights',
  description: 'Flight schedules with seats left on `date`, filtered by route, airline, price, departure window, cabin and status.',
  query: FlightListQuery,
  responses: { 200: { description: 'Flights', schema: z.array(FlightView), headers: totalCount } },
  problems: [404],
  handler: async ({ query }, { flights }) => {
    const { items, total } = await flights.list(query);
    return json(items, { headers: { 'x-total-count': String(total) } });
  },
});

serviceRoute({
  name: 'flights-get',
  methods: ['GET'],
  path: 'flights/{id:int}',
  auth: 'anonymous',
  tag: 'flights',
  summary: 'Get a flight by id',
  params: FlightIdParams,
  query: DateQuery,
  responses: { 200: { description: 'The flight with its seats left on `date`', schema: FlightView } },
  problems: [404],
  handler: async ({ params, query }, { flights }) => json(await flights.get(params.id, query.date)),
});

serviceRoute({
  name: 'flights-by-number',
  methods: ['GET'],
  path: 'flights/number/{flight_number}',
  auth: 'anonymous',
  tag: 'flights',
  summary: 'Get a flight by flight number',
  params: FlightNumberParams,
  query: DateQuery,
  responses: { 200: { description: 'The flight with its seats left on `date`', schema: FlightView } },
  problems: [404],
  handler: async ({ params, query }, { flights }) => json(await flights.getByNumber(params.flight_number, query.date)),
});

serviceRoute({
  name: 'flights-search',
  methods: ['GET'],
  path: 'flights/search/{from}/{to}',
  auth: 'anonymous',
  tag: 'flights',
  summary: 'Search itineraries between two cities or airports',
  description: '`from` and `to` take IATA codes or city names in Chinese or English (北京, Shanghai). Direct flights and one-stop connections.',
  params: RouteParams,
  query: SearchQuery,
  responses: {
    200: { description: 'Itineraries', schema: z.array(Itinerary), headers: { ...totalCount, 'x-search-date': 'The date searched' } },
  },
  problems: [404, 422],
  handler: async ({ params, query }, { flights }) => {
    const { date, itineraries } = await flights.search(params.from, params.to, query);
    return json(itineraries, { headers: { 'x-total-count': String(itineraries.length), 'x-search-date': date } });
  },
});

serviceRoute({
  name: 'flights-create',
  methods: ['POST'],
  path: 'flights',
  auth: 'function',
  tag: 'flights',
  summary: 'Create a flight schedule (staff)',
  description: 'The full schedule body, or the legacy flat body (`price`, `available_seats`).',
  body: FlightCreateBody,
  parseBody: asSent,
  responses: {
    200: { description: 'Created from the original flat body (the original API answered 200)', schema: FlightView, headers: { location: 'URL of the new flight' } },
    201: { description: 'Created from the full schedule body', schema: FlightView, headers: { location: 'URL of the new flight' } },
  },
  problems: [409, 422],
  handler: async ({ body }, { flights }) => {
    const flight = await flights.create(body);
    // The original flat API answered its creates with 200; its clients check for exactly that.
    return json(flight, { status: isFlatFlightBody(body) ? 200 : 201, headers: { location: `/api/flights/${flight.id}` } });
  },
});

serviceRoute({
  name: 'flights-update',
  methods: ['PUT'],
  path: 'flights/{id:int}',
  auth: 'function',
  tag: 'flights',
  summary: 'Replace a flight schedule (staff)',
  params: FlightIdParams,
  body: FlightCreateBody,
  parseBody: asSent,
  responses: { 200: { description: 'Updated', schema: FlightView } },
  problems: [404, 409, 422],
  handler: async ({ params, body }, { flights }) => json(await flights.update(params.id, body)),
});

serviceRoute({
  name: 'flights-delete',
  methods: ['DELETE'],
  path: 'flights/{id:int}',
  auth: 'function',
  tag: 'flights',
  summary: 'Delete a flight without bookings (staff)',
  params: FlightIdParams,
  responses: { 200: { description: 'Deleted (a JSON message, as the original API answered)', schema: DeletedMessage } },
  problems: [404, 409],
  handler: async ({ params }, { flights }) => {
    await flights.remove(params.id);
    return json({ message: `Flight ${params.id} deleted`, id: params.id });
  },
});
