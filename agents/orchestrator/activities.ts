/**
 * The conversation's activities: the two agents, each answering an MCP tools/call (or tools/list)
 * JSON-RPC request in process with the McpServer that also serves /api/mcp/<agent>, and one chat
 * completion. Under the Durable Task extension (and the local host's stand-in) each call is
 * recorded in the orchestration's history, so a replay never runs it again. The MCP SDK and the
 * agents load with the first call, not at start (cold start): import(), which vitest resolves too.
 */
import * as df from 'durable-functions';
import { complete } from '../../lib/ai/azure-openai/client';
import type { ModelRequest } from '../../lib/ai/azure-openai/schema';
import { agents, type AgentName } from '../../lib/mcp/tools';

export const modelActivity = 'ModelCompletion';

const servers = {
  airline: async () => (await import('../airline/server.js')).createAirlineServer,
  booking: async () => (await import('../booking/server.js')).createBookingServer,
} satisfies Record<AgentName, unknown>;

const agent = (name: AgentName) => async (request: unknown) => (await import('../shared/in-process.js')).answerInProcess(await servers[name](), request);

export const activityHandlers: Record<string, (input: any) => Promise<unknown>> = {
  [agents.airline]: agent('airline'),
  [agents.booking]: agent('booking'),
  [modelActivity]: (request: ModelRequest) => complete(request),
};

for (const [name, handler] of Object.entries(activityHandlers)) df.app.activity(name, { handler });
