/**
 * The booking assistant: the user-facing conversation API. Travellers use it anonymously, like a chat
 * widget (it reveals a booking only with its reference and surname); an agent desk uses the same API
 * under assistant/desk with a function key, where the assistant may also find bookings by name.
 * Either way it writes only after a confirmation, and a conversation belongs to the routes that started it.
 */
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

  http(`${prefix}-conversation-create`, {
    methods: ['POST'],
    route: `${base}/conversations`,
    authLevel,
    handler: async () => {
      const conversation = await conversations.start(role);
      return json(conversation, { status: 201, headers: { location: `/api/${base}/conversations/${conversation.id}` } });
    },
  });

  http(`${prefix}-conversation-get`, {
    methods: ['GET'],
    route: `${base}/conversations/{id}`,
    authLevel,
    handler: async (request) => {
      const { id } = parse(ConversationParams, request.params, 'params', 404);
      return json(await conversations.get(id, role));
    },
  });

  http(`${prefix}-conversation-message`, {
    methods: ['POST'],
    route: `${base}/conversations/{id}/messages`,
    authLevel,
    handler: async (request) => {
      const { id } = parse(ConversationParams, request.params, 'params', 404);
      const { text } = parse(MessageBody, await readJson(request), 'body');
      return json(await conversations.message(id, text, role));
    },
  });

  http(`${prefix}-conversation-confirm`, {
    methods: ['POST'],
    route: `${base}/conversations/{id}/confirm`,
    authLevel,
    handler: async (request) => {
      const { id } = parse(ConversationParams, request.params, 'params', 404);
      const { accept } = parse(ConfirmBody, await readJson(request), 'body');
      return json(await conversations.confirm(id, accept, role));
    },
  });

  http(`${prefix}-chat`, {
    methods: ['POST'],
    route: `${base}/chat`,
    authLevel,
    handler: async (request) => {
      const { text, conversation_id } = parse(ChatBody, await readJson(request), 'body');
      return json(await conversations.chat(text, role, conversation_id));
    },
  });
}
