/**
 * The booking assistant: the user-facing conversation API (anonymous, like a chat widget; it
 * reveals a booking only with its reference and surname, and writes only after a confirmation).
 * Each conversation is a durable `conversation` orchestration; a message is an event, and the
 * reply is the custom status the orchestration publishes for that message.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { initialState, orchestratorName, type ConversationStatus, type Inbound } from '../agents/orchestrator';
import { ChatBody, ConfirmBody, ConversationId, MessageBody, type TurnResult } from '../lib/ai/conversation';
import { durable, finishedStatuses, type InstanceStatus } from '../lib/durable';
import { http, json } from '../lib/http/app';
import { HttpError } from '../lib/http/problem';
import { parse, readJson } from '../lib/http/validate';

export const ConversationParams = z.object({ id: ConversationId });
const replyWaitMs = 60_000;

async function conversationStatus(id: string): Promise<InstanceStatus & { customStatus: ConversationStatus }> {
  const status = await durable().getStatus(id, { showInput: false });
  if (!status || status.name !== orchestratorName) throw new HttpError(404, `No conversation ${id}`);
  if (finishedStatuses.includes(status.runtimeStatus)) throw new HttpError(410, `Conversation ${id} has ended (${status.runtimeStatus})`);
  return status as InstanceStatus & { customStatus: ConversationStatus };
}

/** Raises the event and returns the turn result the orchestration published for it. */
async function send(id: string, event: 'message' | 'confirm', inbound: Inbound): Promise<TurnResult> {
  let status = await durable().raiseEvent(id, event, inbound);
  const deadline = Date.now() + replyWaitMs;
  while ((status.customStatus as ConversationStatus | null)?.messageId !== inbound.messageId) {
    if (Date.now() > deadline) throw new HttpError(503, 'The assistant is busy; try again shortly', { headers: { 'retry-after': '2' } });
    if (status.runtimeStatus === 'Failed') throw new Error(`Conversation ${id} failed: ${status.failure?.message}`);
    await sleep(100);
    status = (await durable().getStatus(id, { showInput: false }))!;
  }
  return (status.customStatus as ConversationStatus).result!;
}

async function start(): Promise<InstanceStatus> {
  return durable().startNew(orchestratorName, { instanceId: randomUUID().replaceAll('-', ''), input: { state: initialState() } });
}

function view(status: InstanceStatus & { customStatus: ConversationStatus }) {
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

http('assistant-conversation-create', {
  methods: ['POST'],
  route: 'assistant/conversations',
  authLevel: 'anonymous',
  handler: async () => {
    const status = await start();
    return json(view(status as InstanceStatus & { customStatus: ConversationStatus }), { status: 201, headers: { location: `/api/assistant/conversations/${status.instanceId}` } });
  },
});

http('assistant-conversation-get', {
  methods: ['GET'],
  route: 'assistant/conversations/{id}',
  authLevel: 'anonymous',
  handler: async (request) => {
    const { id } = parse(ConversationParams, request.params, 'params', 404);
    return json(view(await conversationStatus(id)));
  },
});

http('assistant-conversation-message', {
  methods: ['POST'],
  route: 'assistant/conversations/{id}/messages',
  authLevel: 'anonymous',
  handler: async (request) => {
    const { id } = parse(ConversationParams, request.params, 'params', 404);
    const { text } = parse(MessageBody, await readJson(request), 'body');
    await conversationStatus(id);
    return json(await send(id, 'message', { messageId: randomUUID(), text }));
  },
});

http('assistant-conversation-confirm', {
  methods: ['POST'],
  route: 'assistant/conversations/{id}/confirm',
  authLevel: 'anonymous',
  handler: async (request) => {
    const { id } = parse(ConversationParams, request.params, 'params', 404);
    const { accept } = parse(ConfirmBody, await readJson(request), 'body');
    const { customStatus } = await conversationStatus(id);
    return json(await send(id, 'confirm', { messageId: randomUUID(), accept, proposalId: customStatus?.proposal?.id }));
  },
});

http('assistant-chat', {
  methods: ['POST'],
  route: 'assistant/chat',
  authLevel: 'anonymous',
  handler: async (request) => {
    const { text, conversation_id } = parse(ChatBody, await readJson(request), 'body');
    const id = conversation_id ?? (await start()).instanceId;
    await conversationStatus(id);
    return json({ conversation_id: id, ...(await send(id, 'message', { messageId: randomUUID(), text })) });
  },
});
