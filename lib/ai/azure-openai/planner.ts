/**
 * The Azure OpenAI planner: MCP tool schemas become function tools; the loop runs the model's read
 * tool calls (parallel ones together) until it answers. A write tool call is validated against the
 * tool's schema and becomes a proposal — code, not the model, decides when it runs. If the model
 * cannot be reached, the offline planner answers and says it is in offline mode.
 */
import { policyOf, toolsFor, type ToolDescription, type ToolResult } from '../../mcp/tools';
import type { Proposal, Role } from '../conversation';
import { offlinePlanner } from '../offline/dialogue-manager';
import { modelKind } from './client';
import { detectLanguage } from '../offline/normalise';
import type { Plan, PlanContext, Planner, Step, ToolCall as AgentCall } from '../planner';
import { proposalText, say } from '../phrase-book';
import { num, recordOf } from '../results';
import { historyMessages, systemPrompt } from './prompt';
import { parseArguments, validateArguments, type ChatMessage, type FunctionTool, type ToolCall } from './schema';

const maxRounds = 6;

/** The tools offered to the model: the staff tools only in staff mode. */
function functionTools(tools: ToolDescription[], role: Role): FunctionTool[] {
  return toolsFor(tools, role).map((tool) => ({ type: 'function', function: { name: tool.name, description: tool.description, parameters: tool.inputSchema } }));
}

/** The price or refund a write will mean, asked of the agents by code before the user is asked to agree. */
function* quote(tool: string, args: Record<string, unknown>, context: PlanContext): Step<Pick<Proposal, 'price' | 'refund' | 'seats'>> {
  if (tool === 'cancel_booking') {
    const { isError, result } = yield* context.call('booking', 'quote_cancellation', { reference: args.reference, last_name: args.last_name });
    return isError ? {} : { refund: num(recordOf(result, 'quote')?.refund) };
  }
  if (tool === 'change_flight') {
    const { isError, result } = yield* context.call('booking', 'change_flight', { ...args, dry_run: true });
    return isError ? {} : { price: num(recordOf(result, 'quote')?.fare_difference) };
  }
  if (tool === 'change_seat') return { seats: [String(args.seat)] };
  if (tool === 'create_booking') {
    const passengers = Array.isArray(args.passengers) ? args.passengers.length : 1;
    const segments = Array.isArray(args.segments) ? (args.segments as Record<string, unknown>[]) : [];
    const fares = yield* context.callAll(
      segments.map((segment) => ({ agent: 'airline', tool: 'check_availability', arguments: { flight_number: segment.flight_number, date: segment.date, cabin: segment.cabin ?? 'economy' } })),
    );
    return { price: fares.reduce((sum, fare) => sum + num(recordOf(fare.result, 'fare')?.fare) * passengers, 0) };
  }
  return {};
}

type Outcome = { kind: 'answer'; content: string } | { kind: 'proposal'; proposal: Proposal; content: string | null } | { kind: 'filtered' };

function* converse(state: Parameters<Planner>[0], text: string, context: PlanContext): Step<Outcome> {
  const offered = toolsFor(context.tools, state.role);
  const byName = new Map(offered.map((tool) => [tool.name, tool]));
  const messages: ChatMessage[] = [{ role: 'system', content: systemPrompt(context.now, state.role) }, ...historyMessages(state), { role: 'user', content: text }];
  for (let round = 0; round < maxRounds; round++) {
    const reply = yield* context.complete({ messages, tools: functionTools(offered, state.role) });
    if (reply.filtered) return { kind: 'filtered' };
    if (!reply.tool_calls?.length) return { kind: 'answer', content: reply.content ?? '' };
    messages.push({ role: 'assistant', content: reply.content, tool_calls: reply.tool_calls });
    const write = reply.tool_calls.find((call) => policyOf(byName.get(call.function.name)).needsConfirmation);
    const results = yield* answer(reply.tool_calls, write, byName, context);
    if (write) {
      const checked = results[reply.tool_calls.indexOf(write)]!;
      if (!checked.isError) {
        const args = checked.result as Record<string, unknown>;
        const tool = write.function.name;
        const proposal: Proposal = {
          id: context.newId(), agent: byName.get(tool)!.agent, tool, arguments: args, summary: summarise(tool, args), expiresAt: context.expiresAt,
          ...(yield* quote(tool, args, context)),
        };
        return { kind: 'proposal', proposal, content: reply.content };
      }
    }
    reply.tool_calls.forEach((call, i) => messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(results[i]) }));
  }
  throw new Error(`the model did not answer within ${maxRounds} rounds`);
}

/** The results of one round's tool calls, in order: the reads run together, the write is only checked. */
function* answer(calls: ToolCall[], write: ToolCall | undefined, byName: Map<string, ToolDescription>, context: PlanContext): Step<ToolResult[]> {
  const planned = calls.map((call) => (call === write ? proposeCheck(call, byName) : readCall(call, byName)));
  const reads = planned.filter((entry): entry is AgentCall => !('isError' in entry));
  const results = yield* context.callAll(reads);
  return planned.map((entry) => ('isError' in entry ? entry : results[reads.indexOf(entry)]!));
}

function summarise(tool: string, args: Record<string, unknown>): string {
  return `${tool} ${JSON.stringify(args)}`;
}

/** A write call's arguments, validated; on success `result` holds them (without the idempotency key the tool declares: code adds its own). */
function proposeCheck(call: ToolCall, byName: Map<string, ToolDescription>): ToolResult {
  const tool = byName.get(call.function.name);
  if (!tool) return { isError: true, result: `unknown tool ${call.function.name}` };
  const parsed = parseArguments(call);
  if (!parsed.ok) return { isError: true, result: parsed.error };
  const key = policyOf(tool).idempotencyKey;
  const args = withoutKey(parsed.value, key);
  const problem = validateArguments(withoutKeySchema(tool.inputSchema, key), args);
  return problem ? { isError: true, result: problem } : { isError: false, result: args };
}

function withoutKey(args: Record<string, unknown>, key: string | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([name]) => name !== key));
}

/** The schema without the idempotency key: code supplies it when the proposal is accepted. */
function withoutKeySchema(schema: Record<string, unknown>, key: string | undefined): Record<string, unknown> {
  const properties = withoutKey((schema.properties ?? {}) as Record<string, unknown>, key);
  const required = Array.isArray(schema.required) ? schema.required.filter((name) => name !== key) : undefined;
  return { ...schema, properties, ...(required && { required }) };
}

/** A read tool call to make, or why not: a write never runs here (a second write in the same turn is refused: one proposal at a time). */
function readCall(call: ToolCall, byName: Map<string, ToolDescription>): AgentCall | ToolResult {
  const tool = byName.get(call.function.name);
  if (!tool) return { isError: true, result: `unknown tool ${call.function.name}` };
  if (policyOf(tool).needsConfirmation) return { isError: true, result: 'one change at a time: propose this one after the user has answered the first' };
  const parsed = parseArguments(call);
  if (!parsed.ok) return { isError: true, result: parsed.error };
  return { agent: tool.agent, tool: tool.name, arguments: parsed.value };
}

export const azurePlanner: Planner = function* (state, text, context): Step<Plan> {
  const language = detectLanguage(text);
  let outcome: Outcome;
  try {
    outcome = yield* converse(state, text, context);
  } catch {
    const offline = yield* offlinePlanner(state, text, context);
    return { ...offline, reply: `${say('offline', offline.language)}\n${offline.reply}` };
  }
  const base = { language, options: state.options, task: state.task, planner: modelKind() ?? 'azure-openai' };
  if (outcome.kind === 'filtered') return { ...base, reply: say('contentFiltered', language), awaiting: null, proposal: undefined };
  if (outcome.kind === 'answer') return { ...base, reply: outcome.content, awaiting: 'input', proposal: undefined };
  const { proposal } = outcome;
  const confirm = proposalText.confirmChange[language];
  return { ...base, reply: [outcome.content, confirm].filter(Boolean).join('\n'), awaiting: 'confirmation', proposal };
};
