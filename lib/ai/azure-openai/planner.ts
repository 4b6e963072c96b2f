/**
 * The Azure OpenAI planner: MCP tool schemas become function tools; the loop runs the model's read
 * tool calls (parallel ones together) until it answers. A write tool call is validated against the
 * tool's schema and becomes a proposal — code, not the model, decides when it runs. If the model
 * cannot be reached, the offline planner answers and says it is in offline mode.
 */
import type { ToolDescription, ToolResult } from '../../mcp-client/client';
import { allowedFor, isWriteTool, type Proposal, type Role, type WriteTool } from '../conversation';
import { offlinePlanner } from '../offline/dialogue-manager';
import { modelKind } from './client';
import { detectLanguage } from '../offline/normalise';
import type { Plan, PlanContext, Planner } from '../planner';
import { proposalText, say } from '../phrase-book';
import { num, recordOf } from '../results';
import { historyMessages, systemPrompt } from './prompt';
import { parseArguments, validateArguments, type ChatMessage, type FunctionTool, type ToolCall } from './schema';

const maxRounds = 6;

/** The tools offered to the model: the staff tools only in staff mode. */
function functionTools(tools: ToolDescription[], role: Role): FunctionTool[] {
  return tools
    .filter((tool) => allowedFor(role, tool.name))
    .map((tool) => ({ type: 'function', function: { name: tool.name, description: tool.description, parameters: tool.inputSchema } }));
}

/** The price or refund a write will mean, asked of the agents by code before the user is asked to agree. */
async function quote(tool: WriteTool, args: Record<string, unknown>, context: PlanContext): Promise<Pick<Proposal, 'price' | 'refund' | 'seats'>> {
  if (tool === 'cancel_booking') {
    const { isError, result } = await context.call('booking', 'quote_cancellation', { reference: args.reference, last_name: args.last_name });
    return isError ? {} : { refund: num(recordOf(result, 'quote')?.refund) };
  }
  if (tool === 'change_flight') {
    const { isError, result } = await context.call('booking', 'change_flight', { ...args, dry_run: true });
    return isError ? {} : { price: num(recordOf(result, 'quote')?.fare_difference) };
  }
  if (tool === 'change_seat') return { seats: [String(args.seat)] };
  if (tool === 'create_booking') {
    const passengers = Array.isArray(args.passengers) ? args.passengers.length : 1;
    const segments = Array.isArray(args.segments) ? (args.segments as Record<string, unknown>[]) : [];
    const fares = await Promise.all(
      segments.map((segment) => context.call('airline', 'check_availability', { flight_number: segment.flight_number, date: segment.date, cabin: segment.cabin ?? 'economy' })),
    );
    return { price: fares.reduce((sum, fare) => sum + num(recordOf(fare.result, 'fare')?.fare) * passengers, 0) };
  }
  return {};
}

type Outcome = { kind: 'answer'; content: string } | { kind: 'proposal'; proposal: Proposal; content: string | null } | { kind: 'filtered' };

async function converse(state: Parameters<Planner>[0], text: string, context: PlanContext): Promise<Outcome> {
  const tools = await context.listTools();
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const offered = functionTools(tools, state.role);
  const messages: ChatMessage[] = [{ role: 'system', content: systemPrompt(context.now, state.role) }, ...historyMessages(state), { role: 'user', content: text }];
  for (let round = 0; round < maxRounds; round++) {
    const reply = await context.complete({ messages, tools: offered });
    if (reply.filtered) return { kind: 'filtered' };
    if (!reply.tool_calls?.length) return { kind: 'answer', content: reply.content ?? '' };
    messages.push({ role: 'assistant', content: reply.content, tool_calls: reply.tool_calls });
    const write = reply.tool_calls.find((call) => isWriteTool(call.function.name));
    const results = await Promise.all(reply.tool_calls.map((call) => (call === write ? proposeCheck(call, byName) : run(call, byName, state.role, context))));
    if (write) {
      const checked = results[reply.tool_calls.indexOf(write)]!;
      if (!checked.isError) {
        const args = checked.result as Record<string, unknown>;
        const tool = write.function.name as WriteTool;
        const proposal: Proposal = {
          id: context.newId(), agent: 'booking', tool, arguments: args, summary: summarise(tool, args), expiresAt: context.expiresAt,
          ...(await quote(tool, args, context)),
        };
        return { kind: 'proposal', proposal, content: reply.content };
      }
    }
    reply.tool_calls.forEach((call, i) => messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(results[i]) }));
  }
  throw new Error(`the model did not answer within ${maxRounds} rounds`);
}

function summarise(tool: WriteTool, args: Record<string, unknown>): string {
  return `${tool} ${JSON.stringify(args)}`;
}

/** A write call's arguments, validated; on success `result` holds them (without any idempotency key: code adds its own). */
async function proposeCheck(call: ToolCall, byName: Map<string, ToolDescription>): Promise<ToolResult> {
  const parsed = parseArguments(call);
  if (!parsed.ok) return { isError: true, result: parsed.error };
  const { idempotency_key: _ignored, ...args } = parsed.value;
  const schema = byName.get(call.function.name)?.inputSchema;
  const problem = schema && validateArguments(withoutKey(schema), args);
  return problem ? { isError: true, result: problem } : { isError: false, result: args };
}

/** The schema without idempotency_key: code supplies the key when the proposal is accepted. */
function withoutKey(schema: Record<string, unknown>): Record<string, unknown> {
  const { idempotency_key: _key, ...properties } = (schema.properties ?? {}) as Record<string, unknown>;
  const required = Array.isArray(schema.required) ? schema.required.filter((name) => name !== 'idempotency_key') : undefined;
  return { ...schema, properties, ...(required && { required }) };
}

/** A read tool call; a write never runs here (a second write in the same turn is refused: one proposal at a time). */
async function run(call: ToolCall, byName: Map<string, ToolDescription>, role: Role, context: PlanContext): Promise<ToolResult> {
  const tool = byName.get(call.function.name);
  if (!tool || !allowedFor(role, tool.name)) return { isError: true, result: `unknown tool ${call.function.name}` };
  if (isWriteTool(tool.name)) return { isError: true, result: 'one change at a time: propose this one after the user has answered the first' };
  const parsed = parseArguments(call);
  if (!parsed.ok) return { isError: true, result: parsed.error };
  return context.call(tool.agent, tool.name, parsed.value);
}

export const azurePlanner: Planner = async (state, text, context): Promise<Plan> => {
  const language = detectLanguage(text);
  let outcome: Outcome;
  try {
    outcome = await converse(state, text, context);
  } catch {
    const offline = await offlinePlanner(state, text, context);
    return { ...offline, reply: `${say('offline', offline.language)}\n${offline.reply}` };
  }
  const base = { language, options: state.options, task: state.task, planner: modelKind() ?? 'azure-openai' };
  if (outcome.kind === 'filtered') return { ...base, reply: say('contentFiltered', language), awaiting: null, proposal: undefined };
  if (outcome.kind === 'answer') return { ...base, reply: outcome.content, awaiting: 'input', proposal: undefined };
  const { proposal } = outcome;
  const confirm = proposalText.confirmChange[language];
  return { ...base, reply: [outcome.content, confirm].filter(Boolean).join('\n'), awaiting: 'confirmation', proposal };
};
