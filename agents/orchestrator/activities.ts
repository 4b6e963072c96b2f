/**
 * The conversation's activities: the two agents, each answering an MCP tools/call (or tools/list)
 * JSON-RPC request in process with the McpServer that also serves /api/mcp/<agent>, and one chat
 * completion. Under the Durable Task extension (and the local host's stand-in) each call is
 * recorded in the orchestration's history, so a replay never runs it again. The MCP SDK and the
 * agents load with the first call, not at start (cold start): import(), which vitest resolves too.
 */
import * as df from 'durable-functions';
import type { ListToolsResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { complete } from '../../lib/ai/azure-openai/client';
import type { ModelRequest } from '../../lib/ai/azure-openai/schema';
import { agents, type AgentName } from '../../lib/mcp/tools';

export const modelActivity = 'ModelCompletion';

const servers = {
  airline: async () => (await import('../airline/server.js')).createAirlineServer,
  booking: async () => (await import('../booking/server.js')).createBookingServer,
} satisfies Record<AgentName, unknown>;

/** What the planners read of a tool: its name, description, argument schema, annotations and _meta. */
export function plannerView(tool: Tool) {
  return {
    name: tool.name,
    description: tool.description ?? '',
    inputSchema: tool.inputSchema as Record<string, unknown>,
    ...(tool.annotations && { annotations: tool.annotations }),
    ...(tool._meta && { _meta: tool._meta }),
  };
}

/**
 * tools/list answered with what the orchestration reads of each tool: every activity result stays in the
 * history and is parsed again by every replay, and the output schemas alone were two thirds of both lists (46 of 69 KB).
 */
const forHistory = (list: ListToolsResult) => ({ ...list, tools: list.tools.map(plannerView) });

const agent = (name: AgentName) => async (request: unknown) => {
  const answer = await (await import('../shared/in-process.js')).answerInProcess(await servers[name](), request);
  return 'tools' in answer ? forHistory(answer as ListToolsResult) : answer;
};

export const activityHandlers: Record<string, (input: any) => Promise<unknown>> = {
  [agents.airline]: agent('airline'),
  [agents.booking]: agent('booking'),
  [modelActivity]: (request: ModelRequest) => complete(request),
};

for (const [name, handler] of Object.entries(activityHandlers)) df.app.activity(name, { handler });
