/**
 * The conversation's activities: the two agents, each answering an MCP tools/call (or tools/list)
 * JSON-RPC request in process with the McpServer that also serves /api/mcp/<agent>, and one chat
 * completion. Under the Durable Task extension (and the local host's stand-in) each call is
 * recorded in the orchestration's history, so a replay never runs it again. The MCP SDK, the agents
 * and the model client load on the first call, not at start (cold start), as in functions/mcp.ts.
 */
import * as df from 'durable-functions';
import type { ModelRequest } from '../../lib/ai/azure-openai/schema';
import { agents, type AgentName } from '../../lib/mcp/tools';

export const modelActivity = 'ModelCompletion';

const servers: Record<AgentName, () => () => import('@modelcontextprotocol/sdk/server/mcp.js').McpServer> = {
  airline: () => (require('../airline/server') as typeof import('../airline/server')).createAirlineServer,
  booking: () => (require('../booking/server') as typeof import('../booking/server')).createBookingServer,
};

const agent = (name: AgentName) => (request: unknown) =>
  (require('../shared/in-process') as typeof import('../shared/in-process')).answerInProcess(servers[name](), request);

export const activityHandlers: Record<string, (input: any) => Promise<unknown>> = {
  [agents.airline]: agent('airline'),
  [agents.booking]: agent('booking'),
  [modelActivity]: (request: ModelRequest) => (require('../../lib/ai/azure-openai/client') as typeof import('../../lib/ai/azure-openai/client')).complete(request),
};

for (const [name, handler] of Object.entries(activityHandlers)) df.app.activity(name, { handler });
