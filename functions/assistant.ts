/**
 * The booking assistant: the user-facing conversation API. Travellers use it anonymously, like a chat
 * widget (it reveals a booking only with its reference and surname); an agent desk uses the same API
 * under assistant/desk with a function key, where the assistant may also find bookings by name.
 * Either way it writes only after a confirmation, and a conversation belongs to the routes that started it.
 * The anonymous face is limited per client address and per conversation (lib/limits): 429 with Retry-After.
 */
import type { HttpRequest } from '@azure/functions';
import * as df from 'durable-functions';
import { z } from 'zod';
import { conversations } from '../agents/orchestrator';
import { ChatBody, ConfirmBody, ConversationId, MessageBody, type Role } from '../lib/ai/conversation';
import { json, type AuthLevel } from '../lib/http/app';
import { clientAddress } from '../lib/http/client-address';
import { assistantLimits } from '../lib/limits/assistant-limits';
import { Conversation, TurnResult } from '../lib/http/openapi/schemas';
import { route } from '../lib/http/route';

export const ConversationParams = z.object({ id: ConversationId });

/** The two faces of the API: function names start with `prefix`, routes with `base`. */
const variants: { role: Role; prefix: string; base: string; auth: AuthLevel; audience: string }[] = [
  { role: 'traveller', prefix: 'assistant', base: 'assistant', auth: 'anonymous', audience: '' },
  { role: 'staff', prefix: 'assistant-desk', base: 'assistant/desk', auth: 'function', audience: ' (agent desk, staff: may find bookings by passenger name)' },
];

/** The traveller API's limits for this request's client; the desk (keyed, staff) is not limited. */
function limitsFor(role: Role, request: HttpRequest) {
  if (role !== 'traveller') return undefined;
  const limits = assistantLimits();
  const client = clientAddress(request);
  return { admit: () => limits.admitConversation(client), gate: limits.turnGate(client) };
}

for (const { role, prefix, base, auth, audience } of variants) {
  /** Each route gets a durable client (the Durable Task extension's binding; the local host's stand-in locally). */
  const extraInputs = [df.input.durableClient()];
  const limited = role === 'traveller' ? [429] as const : [];

  route({
    name: `${prefix}-conversation-create`,
    methods: ['POST'],
    path: `${base}/conversations`,
    auth,
    extraInputs,
    tag: 'assistant',
    summary: `Start a conversation with the booking assistant${audience}`,
    responses: { 201: { description: 'The new conversation', schema: Conversation, headers: { location: 'URL of the conversation' } } },
    problems: [...limited],
    handler: async ({ context, request }) => {
      await limitsFor(role, request)?.admit();
      const conversation = await conversations.start(df.getClient(context), role);
      return json(conversation, { status: 201, headers: { location: `/api/${base}/conversations/${conversation.id}` } });
    },
  });

  route({
    name: `${prefix}-conversation-get`,
    methods: ['GET'],
    path: `${base}/conversations/{id}`,
    auth,
    extraInputs,
    tag: 'assistant',
    summary: `A conversation: transcript, pending proposal${audience}`,
    params: ConversationParams,
    invalidParams: 404,
    responses: { 200: { description: 'The conversation', schema: Conversation } },
    problems: [404, 410],
    handler: async ({ params, context }) => json(await conversations.get(df.getClient(context), params.id, role)),
  });

  route({
    name: `${prefix}-conversation-message`,
    methods: ['POST'],
    path: `${base}/conversations/{id}/messages`,
    auth,
    extraInputs,
    tag: 'assistant',
    summary: `Send a message (zh or en) and get the reply${audience}`,
    description: 'e.g. 「帮我预订明天早上从北京到上海的航班，乘客张三」. A write is only proposed; it happens after POST …/confirm.',
    params: ConversationParams,
    invalidParams: 404,
    body: MessageBody,
    responses: { 200: { description: 'The reply', schema: TurnResult } },
    problems: [404, 410, ...limited, 503],
    handler: async ({ params, body, context, request }) =>
      json(await conversations.message(df.getClient(context), params.id, body.text, role, body.message_id, limitsFor(role, request)?.gate)),
  });

  route({
    name: `${prefix}-conversation-confirm`,
    methods: ['POST'],
    path: `${base}/conversations/{id}/confirm`,
    auth,
    extraInputs,
    tag: 'assistant',
    summary: `Accept or decline the pending proposal${audience}`,
    params: ConversationParams,
    invalidParams: 404,
    body: ConfirmBody,
    responses: { 200: { description: 'The outcome', schema: TurnResult } },
    problems: [404, 410, ...limited, 503],
    handler: async ({ params, body, context, request }) =>
      json(await conversations.confirm(df.getClient(context), params.id, body.accept, role, body.message_id, limitsFor(role, request)?.gate)),
  });

  route({
    name: `${prefix}-chat`,
    methods: ['POST'],
    path: `${base}/chat`,
    auth,
    extraInputs,
    tag: 'assistant',
    summary: `One-call chat: starts a conversation unless conversation_id is given${audience}`,
    body: ChatBody,
    responses: { 200: { description: 'The reply', schema: TurnResult.extend({ conversation_id: z.string() }) } },
    problems: [404, 410, ...limited, 503],
    handler: async ({ body, context, request }) =>
      json(await conversations.chat(df.getClient(context), body.text, role, body.conversation_id, body.message_id, limitsFor(role, request))),
  });
}
