import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Role, TurnResult } from '../../lib/ai/conversation';
import { durable } from '../../app/services';
import { finishedStatuses, type InstanceStatus } from '../../lib/durable';
import { HttpError } from '../../lib/http/problem';
import { orchestratorName, type Inbound } from './conversation';
import { initialState, type ConversationStatus } from './state';

/** How long a request waits for the orchestration to publish the reply to its message. */
const replyWaitMs = 60_000;

type ConversationInstance = InstanceStatus & { customStatus: ConversationStatus | null };

/** The conversation, if it is one of this role's: a traveller's id never opens a desk conversation, nor the other way round. */
async function current(id: string, role: Role): Promise<ConversationInstance> {
  const status = (await durable().getStatus(id, { showInput: false })) as ConversationInstance | undefined;
  const owner = status?.customStatus?.role ?? 'traveller';
  if (!status || status.name !== orchestratorName || owner !== role) throw new HttpError(404, `No conversation ${id}`, { errors: [{ field: 'params.id', message: 'unknown conversation' }] });
  if (finishedStatuses.includes(status.runtimeStatus)) throw new HttpError(410, `Conversation ${id} has ended (${status.runtimeStatus})`);
  return status;
}

/** Raises the event and returns the turn result the orchestration published for it. */
async function send(id: string, event: 'message' | 'confirm', inbound: Inbound): Promise<TurnResult> {
  let status = (await durable().raiseEvent(id, event, inbound)) as ConversationInstance;
  const deadline = Date.now() + replyWaitMs;
  while (status.customStatus?.messageId !== inbound.messageId) {
    if (Date.now() > deadline) throw new HttpError(503, 'The assistant is busy; try again shortly', { headers: { 'retry-after': '2' } });
    if (status.runtimeStatus === 'Failed') throw new Error(`Conversation ${id} failed: ${status.failure?.message}`);
    await sleep(100);
    status = (await durable().getStatus(id, { showInput: false })) as ConversationInstance;
  }
  return status.customStatus.result!;
}

function view(status: ConversationInstance) {
  const custom = status.customStatus;
  return {
    id: status.instanceId,
    status: status.runtimeStatus,
    created_at: status.createdTime,
    updated_at: status.lastUpdatedTime,
    language: custom?.language,
    turn: custom?.turn ?? 0,
    awaiting: custom?.result?.awaiting ?? null,
    proposal: custom?.proposal ?? null,
    transcript: custom?.transcript ?? [],
  };
}

/**
 * Conversations as the HTTP API sees them: each one a durable `conversation` orchestration, each
 * message an event, each reply the custom status the orchestration publishes for that message.
 */
export const conversations = {
  async start(role: Role) {
    const status = await durable().startNew(orchestratorName, { instanceId: randomUUID().replaceAll('-', ''), input: { state: initialState(role) } });
    return view(status as ConversationInstance);
  },

  async get(id: string, role: Role) {
    return view(await current(id, role));
  },

  async message(id: string, text: string, role: Role): Promise<TurnResult> {
    await current(id, role);
    return send(id, 'message', { messageId: randomUUID(), text });
  },

  /** Accepts or declines the proposal pending now (a later proposal is not what the caller saw). */
  async confirm(id: string, accept: boolean, role: Role): Promise<TurnResult> {
    const { customStatus } = await current(id, role);
    return send(id, 'confirm', { messageId: randomUUID(), accept, proposalId: customStatus?.proposal?.id });
  },

  /** One call: a message to the given conversation, or to a new one. */
  async chat(text: string, role: Role, conversationId?: string): Promise<TurnResult & { conversation_id: string }> {
    const id = conversationId ?? (await conversations.start(role)).id;
    return { conversation_id: id, ...(await conversations.message(id, text, role)) };
  },
};
