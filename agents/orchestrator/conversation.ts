/**
 * The `conversation` orchestration (Durable Functions): one instance per conversation. Every message
 * and every confirmation arrives as one `message` event, so they are answered one at a time in the
 * order they arrived; each reply is published in the custom status under its message id. A message goes
 * to the planner (Azure OpenAI or offline), whose model calls and tool calls are activities; a write
 * becomes a proposal that only an accepted confirmation (the confirm endpoint, or a yes in a message)
 * runs, with the proposal's id as its idempotency key. A pending proposal races a timer of proposalTtlMs (15 minutes)
 * created afresh for each wait (reusing one timer task across waits desynchronises the SDK's task ids:
 * azure-functions-durable-js issue 574). Every turnsPerExecution turns the history restarts (continue-as-new).
 */
import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';
import { addTokens, noTokens, proposalTtlMs, type Action, type Language, type TokenUsage, type TurnResult } from '../../lib/ai/conversation';
import { understand } from '../../lib/ai/offline/understanding';
import type { PlanContext, Step, StepTask } from '../../lib/ai/planner';
import { doneText, say } from '../../lib/ai/phrase-book';
import { plainError } from '../../lib/ai/plain-errors';
import { recordOf } from '../../lib/ai/results';
import { modelKind } from '../../lib/ai/azure-openai/client';
import { azurePlanner } from '../../lib/ai/azure-openai/planner';
import { offlinePlanner } from '../../lib/ai/offline/dialogue-manager';
import { policyOf, type ToolDescription } from '../../lib/mcp/tools';
import { callTools, catalogue, completion } from './steps';
import { applyPlan, initialState, remember, customStatusOf, turnResult, withReply, type ConversationRecord } from './state';

export const orchestratorName = 'conversation';
export const messageEvent = 'message';
export const turnsPerExecution = 25;

type Durable = OrchestrationContext['df'];

export interface ConversationInput {
  state?: Partial<ConversationRecord>;
}

/** What the HTTP functions raise: a message, or a confirmation of one proposal. */
export interface Inbound {
  messageId: string;
  text?: string;
  accept?: boolean;
  proposalId?: string;
}

interface Answer {
  state: ConversationRecord;
  result: TurnResult;
}

type Decision = 'accept' | 'decline' | 'already-written' | 'plan';

/** The model tokens one turn has used so far: kept outside the turn, so a turn that fails still counts what it spent. */
interface Meter {
  used: TokenUsage;
}

/** Code decides what counts as a yes: the confirm endpoint for the pending proposal, or a yes/no message while one is pending. */
function decide(state: ConversationRecord, inbound: Inbound, now: Date): Decision {
  if (inbound.accept !== undefined) {
    if (inbound.accept && inbound.proposalId !== undefined && inbound.proposalId === state.written?.proposalId) return 'already-written';
    return inbound.accept && state.proposal !== undefined && inbound.proposalId === state.proposal.id ? 'accept' : 'decline';
  }
  const { intent } = understand(inbound.text ?? '', { now });
  // A typed yes racing the confirm button (or a second yes) right after the write is told the same booking.
  if (!state.proposal) return intent === 'confirm' && state.written?.turn === state.turn - 1 ? 'already-written' : 'plan';
  return intent === 'confirm' ? 'accept' : intent === 'decline' ? 'decline' : 'plan';
}

/** Runs the accepted proposal: the tool's declared idempotency argument gets the proposal's id, the same on any retry. */
function* execute(ctx: Durable, tools: ToolDescription[], state: ConversationRecord): Step<Answer> {
  const proposal = state.proposal!;
  const policy = policyOf(tools.find((tool) => tool.name === proposal.tool));
  const args = policy.idempotencyKey ? { ...proposal.arguments, [policy.idempotencyKey]: proposal.id } : proposal.arguments;
  const actions: Action[] = [];
  const [outcome] = yield* callTools(ctx, [{ agent: proposal.agent, tool: proposal.tool, arguments: args }], actions);
  const reply = outcome!.isError
    ? say('failed', state.language, { why: plainError(outcome!.result, state.language) })
    : doneText(policy.done, proposal.tool, recordOf(outcome!.result, 'booking'), state.language);
  const next: ConversationRecord = { ...state, proposal: undefined, task: undefined, options: [] };
  const result = turnResult(next, reply, null, actions, 'offline');
  return { state: outcome!.isError ? next : { ...next, written: { proposalId: proposal.id, result, turn: state.turn } }, result };
}

function* plan(ctx: Durable, tools: ToolDescription[], state: ConversationRecord, text: string, meter: Meter): Step<Answer> {
  const actions: Action[] = [];
  const context: PlanContext = {
    now: ctx.currentUtcDateTime,
    tools,
    call: function* (agent, tool, args) {
      const [result] = yield* callTools(ctx, [{ agent, tool, arguments: args }], actions);
      return result!;
    },
    callAll: (calls) => callTools(ctx, calls, actions),
    complete: function* (request) {
      const reply = yield* completion(ctx, request);
      meter.used = addTokens(meter.used, reply.usage);
      return reply;
    },
    newId: () => ctx.newGuid(ctx.instanceId),
    expiresAt: new Date(ctx.currentUtcDateTime.getTime() + proposalTtlMs).toISOString(),
  };
  const planner = modelKind() ? azurePlanner : offlinePlanner;
  const planned = yield* planner(state, text, context);
  const next = applyPlan(state, planned);
  return { state: next, result: turnResult(next, planned.reply, planned.awaiting, actions, planned.planner) };
}

function* respond(ctx: Durable, tools: ToolDescription[], state: ConversationRecord, inbound: Inbound, meter: Meter): Step<Answer> {
  const decision = decide(state, inbound, ctx.currentUtcDateTime);
  if (decision === 'accept') return yield* execute(ctx, tools, state);
  // The booking's answer again, but this turn called no tool.
  if (decision === 'already-written') return { state, result: { ...state.written!.result, actions: [] } };
  if (decision === 'decline') {
    const reply = inbound.accept !== undefined && !state.proposal ? say(state.expired ? 'expired' : 'nothingToConfirm', state.language) : say('declined', state.language);
    const next = { ...state, proposal: undefined, task: undefined };
    return { state: next, result: turnResult(next, reply, null, [], 'offline') };
  }
  return yield* plan(ctx, tools, state, inbound.text ?? '', meter);
}

/** A turn that failed unexpectedly: an apology, the state as before the message, the conversation lives on. */
function apology(state: ConversationRecord): Answer {
  return { state, result: turnResult(state, say('unexpected', state.language), 'input', [], 'offline') };
}

function userLine(inbound: Inbound, language: Language): string {
  if (inbound.text !== undefined) return inbound.text;
  const yes = language === 'zh' ? '[确认]' : '[confirm]';
  const no = language === 'zh' ? '[拒绝]' : '[decline]';
  return inbound.accept ? yes : no;
}

/**
 * The pending message wait, until a message or the pending proposal's 15 minutes end it. The wait task
 * lives on across expiries (an external-event wait takes no task id); the timer is new for every wait.
 */
function* until(ctx: Durable, message: ReturnType<Durable['waitForExternalEvent']>, state: ConversationRecord): Step<'message' | 'expired'> {
  if (!state.proposal) {
    yield message;
    return 'message';
  }
  const expiry = ctx.createTimer(new Date(state.proposal.expiresAt));
  const first: StepTask = yield ctx.Task.any([message, expiry]);
  return first === expiry ? 'expired' : 'message';
}

export function* conversation(context: OrchestrationContext): Step<void> {
  const ctx = context.df;
  let state: ConversationRecord = { ...initialState(), ...ctx.getInput<ConversationInput | undefined>()?.state };
  ctx.setCustomStatus(customStatusOf(state));
  const tools = yield* catalogue(ctx);
  let message = ctx.waitForExternalEvent(messageEvent);
  for (let turns = 0; turns < turnsPerExecution; ) {
    const ended = yield* until(ctx, message, state);
    const at = ctx.currentUtcDateTime.toISOString();
    if (ended === 'expired') {
      state = remember({ ...state, expired: state.proposal, proposal: undefined }, [{ role: 'assistant', text: say('expiredNow', state.language), at }]);
      ctx.setCustomStatus(customStatusOf(state));
      continue;
    }
    const inbound = message.result as Inbound;
    message = ctx.waitForExternalEvent(messageEvent);
    if (state.replies.some((reply) => reply.messageId === inbound.messageId)) continue; // a retry: its answer is published already
    let answered: Answer;
    const meter: Meter = { used: noTokens() };
    try {
      answered = yield* respond(ctx, tools, { ...state, turn: state.turn + 1 }, inbound, meter);
    } catch (error) {
      if (!ctx.isReplaying) context.error(`conversation ${ctx.instanceId}: turn failed:`, error);
      answered = apology({ ...state, turn: state.turn + 1 });
    }
    const usage = meter.used;
    state = remember({ ...answered.state, usage: addTokens(state.usage ?? noTokens(), usage) }, [
      { role: 'user', text: userLine(inbound, answered.state.language), at },
      { role: 'assistant', text: answered.result.reply, at, usage },
    ]);
    state = withReply(state, { messageId: inbound.messageId, result: { ...answered.result, usage } });
    ctx.setCustomStatus(customStatusOf(state));
    turns++;
  }
  ctx.continueAsNew({ state } satisfies ConversationInput);
}

df.app.orchestration(orchestratorName, conversation);
