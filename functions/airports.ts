import { z } from 'zod';
import { Airport, searchAirports } from '../lib/domain/airports';
import { json } from '../lib/http/app';
import { route } from '../lib/http/route';

export const AirportQuery = z.object({ q: z.string().trim().max(60).optional().describe('Code, city or airport name (zh/en)') }).strict();

route({
  name: 'airports-list',
  methods: ['GET'],
  path: 'airports',
  auth: 'anonymous',
  tag: 'flights',
  summary: 'Find airports by code, city or name',
  query: AirportQuery,
  responses: { 200: { description: 'Airports', schema: z.array(Airport) } },
  handler: async ({ query }) => json(searchAirports(query.q)),
});
