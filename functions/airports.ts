import { z } from 'zod';
import { searchAirports } from '../lib/domain/airports';
import { http, json } from '../lib/http/app';
import { parseQuery } from '../lib/http/validate';

export const AirportQuery = z.object({ q: z.string().trim().max(60).optional().describe('Code, city or airport name (zh/en)') }).strict();

http('airports-list', {
  methods: ['GET'],
  route: 'airports',
  authLevel: 'anonymous',
  handler: async (request) => {
    const { q } = parseQuery(AirportQuery, request);
    return json(searchAirports(q));
  },
});
