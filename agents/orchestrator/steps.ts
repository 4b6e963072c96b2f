/** The orchestration's durable steps as the planners use them: MCP requests to the agents and model calls, each an activity. */
import type { OrchestrationContext } from 'durable-functions';
import type { CallToolResult, ListToolsResult } from '@modelcontextprotocol/sdk/types.js';
import type { Action } from '../../lib/ai/conversation';
import type { ModelReply, ModelRequest } from '../../lib/ai/azure-openai/schema';
import type { Step, ToolCall } from '../../lib/ai/planner';
import { agents, toolResultOf, type AgentName, type ToolDescription, type ToolResult } from '../../lib/mcp/tools';
import { modelActivity, plannerView } from './activities';

type Durable = OrchestrationContext['df'];

/** The JSON-RPC request an MCP client sends for tools/call. */
export function toolsCall(tool: string, args: Record<string, unknown>) {
  return { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: tool, arguments: args } } as const;
}

const toolsList = { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} } as const;

/** A task's failure as the tool error the planners read (the host lost the activity, or it threw). */
const failed = (error: unknown): ToolResult => ({ isError: true, result: error instanceof Error ? error.message : String(error) });

/** Both agents' tools with their annotations and _meta: read once per execution. */
export function* catalogue(ctx: Durable): Step<ToolDescription[]> {
  const names = Object.keys(agents) as AgentName[];
  const lists: ListToolsResult[] = yield ctx.Task.all(names.map((agent) => ctx.callActivity(agents[agent], toolsList)));
  return lists.flatMap((list, i) => list.tools.map((tool) => ({ agent: names[i]!, ...plannerView(tool) })));
}

/** Tool calls, in parallel; each recorded in `actions` in the order asked. */
export function* callTools(ctx: Durable, calls: ToolCall[], actions: Action[]): Step<ToolResult[]> {
  if (!calls.length) return [];
  let results: ToolResult[];
  try {
    const responses: CallToolResult[] = yield ctx.Task.all(calls.map((call) => ctx.callActivity(agents[call.agent], toolsCall(call.tool, call.arguments))));
    results = responses.map(toolResultOf);
  } catch (error) {
    results = calls.map(() => failed(error));
  }
  calls.forEach((call, i) => actions.push({ ...call, ...results[i]! }));
  return results;
}

export function* completion(ctx: Durable, request: ModelRequest): Step<ModelReply> {
  return yield ctx.callActivity(modelActivity, request);
}
