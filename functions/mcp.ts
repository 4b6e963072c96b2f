import { createAirlineServer } from '../agents/airline/server';
import { createBookingServer } from '../agents/booking/server';
import { http } from '../lib/http/app';
import { handleMcp } from '../lib/mcp/handle';

// The MCP endpoints (Streamable HTTP, stateless). GET and DELETE are registered so they get the
// JSON-RPC 405 of the spec rather than the platform's 404.

http('mcp-airline', {
  methods: ['POST', 'GET', 'DELETE'],
  route: 'mcp/airline',
  authLevel: 'function',
  handler: (request) => handleMcp(request, createAirlineServer),
});

http('mcp-booking', {
  methods: ['POST', 'GET', 'DELETE'],
  route: 'mcp/booking',
  authLevel: 'function',
  handler: (request) => handleMcp(request, createBookingServer),
});
