/**
 * The `conversation` orchestrator: one instance per conversation. It waits for `message` and
 * `confirm` events; a message goes to the planner (Azure OpenAI or offline), whose read tool calls
 * run as activities over MCP; a write becomes a proposal that only an accepted confirmation (the
 * confirm endpoint, or a yes in a message) executes, with the step's idempotency key. A proposal
 * races a timer of proposalTtlMs (15 minutes). Every turnsPerExecution turns the history restarts (continueAsNew).
 */
import { proposalTtlMs, type Action, type ConversationState, type Language, type TurnResult } from '../../lib/ai/conversation';
import { understand } from '../../lib/ai/offline/understanding';
import type { CallTool, PlanContext } from '../../lib/ai/planner';
import { doneText, say } from '../../lib/ai/phrase-book';
import { errorText, recordOf } from '../../lib/ai/results';
import type { OrchestrationContext, Task } from '../../lib/durable';
import type { ToolDescription, ToolResult } from '../../lib/mcp-client/client';
import { modelKind } from '../../lib/ai/azure-openai/client';
import { azurePlanner } from '../../lib/ai/azure-openai/planner';
import type { ModelReply } from '../../lib/ai/azure-openai/schema';
import { offlinePlanner } from '../../lib/ai/offline/dialogue-manager';
import { activityNames, mcpRetry, modelOptions, type CallInput } from './activities';
import { applyPlan, initialState, remember, customStatusOf, turnResult } from './state';

export const orchestratorName = 'conversation';
const turnsPerExecution = 25;

export interface ConversationInput {
  state?: ConversationState;
}

/** What the HTTP functions raise: a message, or a confirmation of one proposal. */
export interface Inbound {
  messageId: string;
  text?: string;
  accept?: boolean;
  proposalId?: string;
}

type Decision = 'accept' | 'decline' | 'plan';

/** Code decides what counts as a yes: the confirm endpoint for the pending proposal, or a yes/no message while one is pending. */
function decide(state: ConversationState, inbound: Inbound, now: Date): Decision {
  if (inbound.accept !== undefined) return inbound.proposalId === state.proposal?.id && inbound.accept ? 'accept' : 'decline';
  if (!state.proposal) return 'plan';
  const { intent } = understand(inbound.text ?? '', { now });
  return intent === 'confirm' ? 'accept' : intent === 'decline' ? 'decline' : 'plan';
}

function toolCaller(ctx: OrchestrationContext, actions: Action[]): CallTool {
  return async (agent, tool, args) => {
    const input: CallInput = { agent, tool, arguments: args };
    let outcome: ToolResult;
    try {
      outcome = await ctx.callActivity<ToolResult>(activityNames.call, input, mcpRetry);
    } catch (error) {
      outcome = { isError: true, result: (error as Error).message };
    }
    actions.push({ ...input, ...outcome });
    return outcome;
  };
}

async function execute(ctx: OrchestrationContext, state: ConversationState): Promise<{ state: ConversationState; result: TurnResult }> {
  const proposal = state.proposal!;
  const language = state.language;
  let action: Action;
  try {
    action = await ctx.callActivity<Action>(activityNames.write, proposal, mcpRetry);
  } catch (error) {
    action = { agent: proposal.agent, tool: proposal.tool, arguments: proposal.arguments, isError: true, result: (error as Error).message };
  }
  const reply = action.isError
    ? say('failed', language, { why: errorText(action.result) })
    : doneText[proposal.tool]![language](recordOf(action.result, 'booking') ?? {});
  const next: ConversationState = { ...state, proposal: undefined, task: undefined, options: [] };
  return { state: next, result: turnResult(next, reply, null, [action], 'offline') };
}

async function plan(ctx: OrchestrationContext, state: ConversationState, text: string): Promise<{ state: ConversationState; result: TurnResult }> {
  const actions: Action[] = [];
  const context: PlanContext = {
    now: ctx.currentUtcDateTime,
    call: toolCaller(ctx, actions),
    listTools: () => ctx.callActivity<ToolDescription[]>(activityNames.tools, null, mcpRetry),
    complete: (request) => ctx.callActivity<ModelReply>(activityNames.model, request, modelOptions()),
    newId: () => ctx.newGuid(),
    expiresAt: new Date(ctx.currentUtcDateTime.getTime() + proposalTtlMs).toISOString(),
  };
  const planner = modelKind() ? azurePlanner : offlinePlanner;
  const planned = await planner(state, text, context);
  const next = applyPlan(state, planned);
  return { state: next, result: turnResult(next, planned.reply, planned.awaiting, actions, planned.planner) };
}

async function respond(ctx: OrchestrationContext, state: ConversationState, inbound: Inbound) {
  const decision = decide(state, inbound, ctx.currentUtcDateTime);
  if (decision === 'accept') return execute(ctx, state);
  if (decision === 'decline') {
    const reply = inbound.accept !== undefined && !state.proposal ? say(state.expired ? 'expired' : 'nothingToConfirm', state.language) : say('declined', state.language);
    const next = { ...state, proposal: undefined, task: undefined };
    return { state: next, result: turnResult(next, reply, null, [], 'offline') };
  }
  return plan(ctx, state, inbound.text ?? '');
}

function userLine(inbound: Inbound, language: Language): string {
  if (inbound.text !== undefined) return inbound.text;
  const yes = language === 'zh' ? '[确认]' : '[confirm]';
  const no = language === 'zh' ? '[拒绝]' : '[decline]';
  return inbound.accept ? yes : no;
}

export async function conversation(ctx: OrchestrationContext<ConversationInput>): Promise<void> {
  // A conversation started before roles existed is a traveller's.
  let state: ConversationState = { ...initialState(), ...ctx.input?.state };
  ctx.setCustomStatus(customStatusOf(state));
  let message = ctx.waitForExternalEvent<Inbound>('message');
  let confirm = ctx.waitForExternalEvent<Inbound>('confirm');
  let expiry: { proposalId: string; timer: Task<void> } | undefined;
  for (let turns = 0; turns < turnsPerExecution; ) {
    if (state.proposal && expiry?.proposalId !== state.proposal.id) {
      expiry = { proposalId: state.proposal.id, timer: ctx.createTimer(new Date(state.proposal.expiresAt)) };
    }
    const waits: Task<unknown>[] = [message, confirm, ...(state.proposal && expiry ? [expiry.timer] : [])];
    const winner = await ctx.any(waits);
    const at = ctx.currentUtcDateTime.toISOString();
    if (winner.task === expiry?.timer) {
      const reply = say('expiredNow', state.language);
      state = remember({ ...state, expired: state.proposal, proposal: undefined }, [{ role: 'assistant', text: reply, at }]);
      ctx.setCustomStatus(customStatusOf(state));
      continue;
    }
    const inbound = (winner.task as Task<Inbound>).result!;
    if (winner.task === message) message = ctx.waitForExternalEvent<Inbound>('message');
    else confirm = ctx.waitForExternalEvent<Inbound>('confirm');
    const answered = await respond(ctx, { ...state, turn: state.turn + 1 }, inbound);
    state = remember(answered.state, [
      { role: 'user', text: userLine(inbound, answered.state.language), at },
      { role: 'assistant', text: answered.result.reply, at },
    ]);
    ctx.setCustomStatus(customStatusOf(state, inbound.messageId, answered.result));
    turns++;
  }
  ctx.continueAsNew({ state });
}
