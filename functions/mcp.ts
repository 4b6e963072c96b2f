import type { HttpRequest } from '@azure/functions';
import { http } from '../lib/http/app';

// The MCP endpoints (Streamable HTTP, stateless). GET and DELETE are registered so they get the
// JSON-RPC 405 of the spec rather than the platform's 404. The MCP SDK and the agents load on the
// first MCP request, not at start (cold start: most requests never need them).

const serve = (agent: 'airline' | 'booking') => (request: HttpRequest) => {
  const { handleMcp } = require('../lib/mcp/handle') as typeof import('../lib/mcp/handle');
  const create =
    agent === 'airline'
      ? (require('../agents/airline/server') as typeof import('../agents/airline/server')).createAirlineServer
      : (require('../agents/booking/server') as typeof import('../agents/booking/server')).createBookingServer;
  return handleMcp(request, create);
};

http('mcp-airline', {
  methods: ['POST', 'GET', 'DELETE'],
  route: 'mcp/airline',
  authLevel: 'function',
  handler: serve('airline'),
});

http('mcp-booking', {
  methods: ['POST', 'GET', 'DELETE'],
  route: 'mcp/booking',
  authLevel: 'function',
  handler: serve('booking'),
});
