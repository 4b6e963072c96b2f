import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import { JsonRpcError, JsonRpcResponse } from '../lib/mcp/json-rpc';
import type { HttpRequest } from '@azure/functions';
import { McpHeaders } from '../lib/http/openapi/schemas';
import { route } from '../lib/http/route';

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

function mcpRoute(agent: 'airline' | 'booking'): void {
  route({
    name: `mcp-${agent}`,
    methods: ['POST', 'GET', 'DELETE'],
    path: `mcp/${agent}`,
    auth: 'function',
    tag: 'mcp',
    summary: `MCP server: ${agent} (JSON-RPC over Streamable HTTP, stateless)`,
    description: `One JSON-RPC message per POST: initialize, tools/list (the tools and their argument schemas), tools/call. Send \`accept: application/json, text/event-stream\`; answers are JSON.`,
    headers: McpHeaders,
    body: JSONRPCMessageSchema,
    readBody: 'handler', // the MCP transport reads and answers the JSON-RPC message itself
    responses: {
      200: { description: 'The JSON-RPC response (a result or an error)', schema: JsonRpcResponse },
      202: { description: 'A notification or response was accepted; no body' },
      400: { description: 'Not a valid JSON-RPC message, or a batch', schema: JsonRpcError },
      403: { description: 'Origin not allowed (MCP_ALLOWED_ORIGINS)', schema: JsonRpcError },
      406: { description: 'The accept header does not allow both application/json and text/event-stream', schema: JsonRpcError },
    },
    perMethod: Object.fromEntries(
      (['GET', 'DELETE'] as const).map((method) => [
        method,
        { summary: `Not supported by the stateless ${agent} MCP server`, description: 'No SSE stream and no sessions: POST only.', headers: undefined, body: undefined, responses: { 405: { description: 'Method not allowed', schema: JsonRpcError, headers: { allow: 'POST' } } } },
      ]),
    ),
    handler: ({ request }) => serve(agent)(request),
  });
}

mcpRoute('airline');
mcpRoute('booking');
