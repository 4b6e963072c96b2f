/**
 * The booking assistant: the user-facing conversation API. Travellers use it anonymously, like a chat
 * widget (it reveals a booking only with its reference and surname); an agent desk uses the same API
 * under assistant/desk with a function key, where the assistant may also find bookings by name.
 * Either way it writes only after a confirmation, and a conversation belongs to the routes that started it.
 */
import * as df from 'durable-functions';
import { z } from 'zod';
import { conversations } from '../agents/orchestrator';
import { ChatBody, ConfirmBody, ConversationId, MessageBody, type Role } from '../lib/ai/conversation';
import { http, json, type AuthLevel } from '../lib/http/app';
import { parse, readJson } from '../lib/http/validate';

export const ConversationParams = z.object({ id: ConversationId });

/** The two faces of the API: function names start with `prefix`, routes with `base`. */
const variants: { role: Role; prefix: string; base: string; authLevel: AuthLevel }[] = [
  { role: 'traveller', prefix: 'assistant', base: 'assistant', authLevel: 'anonymous' },
  { role: 'staff', prefix: 'assistant-desk', base: 'assistant/desk', authLevel: 'function' },
];

for (const { role, prefix, base, authLevel } of variants) {
  /** Each route gets a durable client (the Durable Task extension's binding; the local host's stand-in locally). */
  const extraInputs = [df.input.durableClient()];

  http(`${prefix}-conversation-create`, {
    methods: ['POST'],
    route: `${base}/conversations`,
    authLevel,
    extraInputs,
    handler: async (_request, context) => {
      const conversation = await conversations.start(df.getClient(context), role);
      return json(conversation, { status: 201, headers: { location: `/api/${base}/conversations/${conversation.id}` } });
    },
  });

  http(`${prefix}-conversation-get`, {
    methods: ['GET'],
    route: `${base}/conversations/{id}`,
    authLevel,
    extraInputs,
    handler: async (request, context) => {
      const { id } = parse(ConversationParams, request.params, 'params', 404);
      return json(await conversations.get(df.getClient(context), id, role));
    },
  });

  http(`${prefix}-conversation-message`, {
    methods: ['POST'],
    route: `${base}/conversations/{id}/messages`,
    authLevel,
    extraInputs,
    handler: async (request, context) => {
      const { id } = parse(ConversationParams, request.params, 'params', 404);
      const { text, message_id } = parse(MessageBody, await readJson(request), 'body');
      return json(await conversations.message(df.getClient(context), id, text, role, message_id));
    },
  });

  http(`${prefix}-conversation-confirm`, {
    methods: ['POST'],
    route: `${base}/conversations/{id}/confirm`,
    authLevel,
    extraInputs,
    handler: async (request, context) => {
      const { id } = parse(ConversationParams, request.params, 'params', 404);
      const { accept, message_id } = parse(ConfirmBody, await readJson(request), 'body');
      return json(await conversations.confirm(df.getClient(context), id, accept, role, message_id));
    },
  });

  http(`${prefix}-chat`, {
    methods: ['POST'],
    route: `${base}/chat`,
    authLevel,
    extraInputs,
    handler: async (request, context) => {
      const { text, conversation_id, message_id } = parse(ChatBody, await readJson(request), 'body');
      return json(await conversations.chat(df.getClient(context), text, role, conversation_id, message_id));
    },
  });
}
