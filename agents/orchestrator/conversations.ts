import { randomUUID } from 'node:crypto';
import type { DurableClient, DurableOrchestrationStatus } from 'durable-functions';
import { noTokens, type Role, type TurnResult } from '../../lib/ai/conversation';
import { runsHere, watchStatus } from '../../lib/durable/changes';
import { HttpError } from '../../lib/http/problem';
import type { TurnGate } from '../../lib/limits/assistant-limits';
import { messageEvent, orchestratorName, type ConversationInput, type Inbound } from './conversation';
import { initialState, customStatusOf, type ConversationStatus } from './state';

/** How long a request waits for the orchestration to publish the reply to its message. */
const replyWaitMs = 60_000;
/** A message not answered by then is raised again: an event can be dropped while the instance restarts (continue-as-new); its id makes a repeat harmless. */
const resendAfterMs = 10_000;
/**
 * Polls start quick (a turn takes tens of milliseconds) and back off, so waiting callers do not load the
 * store; a status change announced in this process (the local stand-in) ends the wait at once.
 */
const pollMs = (attempt: number) => Math.min(20 * 2 ** attempt, 200);
/** While the instance runs in this process its statuses are announced as stored: only a safety read now and then. */
const announcedWaitMs = 1000;

const finished = new Set(['Completed', 'Failed', 'Terminated', 'Canceled']);

interface Conversation {
  status: DurableOrchestrationStatus;
  custom: ConversationStatus;
}

const notFound = (id: string) => new HttpError(404, `No conversation ${id}`, { errors: [{ field: 'params.id', message: 'unknown conversation' }] });

/** The instance's status; undefined when there is none (the durable client reports a 404 as an error). */
async function statusOfInstance(client: DurableClient, id: string, showInput = true): Promise<DurableOrchestrationStatus | undefined> {
  try {
    return await client.getStatus(id, { showInput });
  } catch (error) {
    if (/HTTP 404/.test((error as Error).message)) return undefined;
    throw error;
  }
}

/** The conversation, if it is one of this role's: a traveller's id never opens a desk conversation, nor the other way round. */
async function current(client: DurableClient, id: string, role: Role): Promise<Conversation> {
  const status = await statusOfInstance(client, id);
  const input = status?.input as ConversationInput | undefined;
  const custom = (status?.customStatus as ConversationStatus | null | undefined) ?? customStatusOf({ ...initialState(), ...input?.state });
  if (!status || status.name !== orchestratorName || custom.role !== role) throw notFound(id);
  if (finished.has(status.runtimeStatus)) throw new HttpError(410, `Conversation ${id} has ended (${status.runtimeStatus})`);
  return { status, custom };
}

/** Raises the message and returns the reply the orchestration published for it. */
async function send(client: DurableClient, id: string, inbound: Inbound): Promise<TurnResult> {
  const started = Date.now();
  const watch = watchStatus(id);
  try {
    let sent = 0;
    for (let attempt = 0; ; attempt++) {
      const waited = Date.now() - started;
      if (waited >= sent * resendAfterMs) {
        await client.raiseEvent(id, messageEvent, inbound);
        sent++;
      }
      const announced = await watch.next(runsHere(id) ? announcedWaitMs : pollMs(attempt));
      const status = announced ?? (await statusOfInstance(client, id, false));
      const reply = (status?.customStatus as ConversationStatus | null | undefined)?.replies?.find((entry) => entry.messageId === inbound.messageId);
      if (reply) return reply.result;
      if (!status || finished.has(status.runtimeStatus)) throw new HttpError(410, `Conversation ${id} has ended (${status?.runtimeStatus ?? 'purged'})`);
      if (Date.now() - started > replyWaitMs) throw new HttpError(503, 'The assistant is busy; try again shortly with the same message_id', { headers: { 'retry-after': '2' } });
    }
  } finally {
    watch.close();
  }
}

function view(id: string, status: Pick<DurableOrchestrationStatus, 'runtimeStatus' | 'createdTime' | 'lastUpdatedTime'>, custom: ConversationStatus) {
  const last = custom.replies.at(-1)?.result;
  return {
    id,
    status: status.runtimeStatus,
    created_at: status.createdTime,
    updated_at: status.lastUpdatedTime,
    language: custom.language,
    turn: custom.turn,
    awaiting: custom.proposal ? 'confirmation' : (last?.awaiting ?? null),
    proposal: custom.proposal ?? null,
    transcript: custom.transcript,
    usage: custom.usage ?? noTokens(),
  };
}

/**
 * A turn of a conversation that exists: a message id already answered gets its answer again (no new
 * turn, nothing counted); otherwise the gate (the traveller API's limits) may refuse it before it is raised.
 */
async function turn(client: DurableClient, id: string, role: Role, inbound: (custom: ConversationStatus) => Inbound, gate?: TurnGate): Promise<TurnResult> {
  const { custom } = await current(client, id, role);
  const message = inbound(custom);
  const answered = custom.replies.find((reply) => reply.messageId === message.messageId);
  if (answered) return answered.result;
  await gate?.(id, custom.usage ?? noTokens());
  return send(client, id, message);
}

/**
 * Conversations as the HTTP API sees them: each one a durable `conversation` orchestration, each
 * message an event, each reply found in the custom status under the message's id. A client may give
 * its own message id: sending it again returns the first answer.
 */
export const conversations = {
  async start(client: DurableClient, role: Role) {
    const id = randomUUID().replaceAll('-', '');
    const state = initialState(role);
    await client.startNew(orchestratorName, { instanceId: id, input: { state } satisfies ConversationInput });
    const now = new Date();
    return view(id, { runtimeStatus: 'Pending' as DurableOrchestrationStatus['runtimeStatus'], createdTime: now, lastUpdatedTime: now }, customStatusOf(state));
  },

  async get(client: DurableClient, id: string, role: Role) {
    const { status, custom } = await current(client, id, role);
    return view(id, status, custom);
  },

  message(client: DurableClient, id: string, text: string, role: Role, messageId: string = randomUUID(), gate?: TurnGate): Promise<TurnResult> {
    return turn(client, id, role, () => ({ messageId, text }), gate);
  },

  /** Accepts or declines the proposal pending now (a later proposal is not what the caller saw), or repeats the answer to the one just written. */
  confirm(client: DurableClient, id: string, accept: boolean, role: Role, messageId: string = randomUUID(), gate?: TurnGate): Promise<TurnResult> {
    return turn(client, id, role, (custom) => ({ messageId, accept, proposalId: custom.proposal?.id ?? custom.writtenProposalId }), gate);
  },

  /** One call: a message to the given conversation, or to a new one (after `admit`, when given, lets it start). */
  async chat(
    client: DurableClient, text: string, role: Role, conversationId?: string, messageId?: string, limits?: { admit: () => Promise<void>; gate: TurnGate },
  ): Promise<TurnResult & { conversation_id: string }> {
    if (!conversationId) await limits?.admit();
    const id = conversationId ?? (await conversations.start(client, role)).id;
    return { conversation_id: id, ...(await conversations.message(client, id, text, role, messageId, limits?.gate)) };
  },
};
