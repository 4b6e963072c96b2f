/** The conversation's I/O, each a durable activity: MCP tools/list and tools/call to the two agents. */
import type { ActivityContext, ActivityOptions } from '../../lib/durable';
import { callTool, listTools, type AgentName, type ToolDescription, type ToolResult } from '../../lib/mcp-client/client';
import { complete, completionBudgetMs } from '../../lib/ai/azure-openai/client';
import type { ModelReply, ModelRequest } from '../../lib/ai/azure-openai/schema';
import type { Proposal } from '../../lib/ai/conversation';

export const activityNames = { call: 'assistant-mcp-call', write: 'assistant-mcp-write', tools: 'assistant-mcp-tools', model: 'assistant-model' } as const;

/** Transport failures (host restarting, network) are retried; a tool's own error comes back as isError and is not. */
export const mcpRetry: ActivityOptions = { maxAttempts: 3, firstRetryIntervalMs: 500, backoffCoefficient: 2, timeoutMs: 30_000 };

/** The tools that take an idempotency key get the orchestration step's key: the same on every retry and replay. */
const keyed = new Set(['create_booking', 'cancel_booking']);

export interface CallInput {
  agent: AgentName;
  tool: string;
  arguments: Record<string, unknown>;
}

export async function callActivity(input: CallInput, ctx: ActivityContext): Promise<ToolResult> {
  return callTool(input.agent, input.tool, input.arguments, ctx.signal);
}

/** Runs an accepted proposal. */
export async function writeActivity(proposal: Proposal, ctx: ActivityContext): Promise<CallInput & ToolResult> {
  const args = keyed.has(proposal.tool) ? { ...proposal.arguments, idempotency_key: ctx.idempotencyKey } : proposal.arguments;
  const result = await callTool(proposal.agent, proposal.tool, args, ctx.signal);
  return { agent: proposal.agent, tool: proposal.tool, arguments: args, ...result };
}

export async function toolsActivity(_input: unknown, ctx: ActivityContext): Promise<ToolDescription[]> {
  const [airline, booking] = await Promise.all([listTools('airline', ctx.signal), listTools('booking', ctx.signal)]);
  return [...airline, ...booking];
}

export async function modelActivity(request: ModelRequest, ctx: ActivityContext): Promise<ModelReply> {
  return complete(request, ctx.signal);
}

/** No activity retry: the openai client retries itself (see lib/ai/azure-openai/client.ts); a failure falls back to offline. */
export function modelOptions(): ActivityOptions {
  return { maxAttempts: 1, timeoutMs: completionBudgetMs() };
}
