/**
 * The booking assistant: the user-facing conversation API (anonymous, like a chat widget; it
 * reveals a booking only with its reference and surname, and writes only after a confirmation).
 */
import { z } from 'zod';
import { conversations } from '../agents/orchestrator';
import { ChatBody, ConfirmBody, ConversationId, MessageBody } from '../lib/ai/conversation';
import { http, json } from '../lib/http/app';
import { parse, readJson } from '../lib/http/validate';

export const ConversationParams = z.object({ id: ConversationId });

http('assistant-conversation-create', {
  methods: ['POST'],
  route: 'assistant/conversations',
  authLevel: 'anonymous',
  handler: async () => {
    const conversation = await conversations.start();
    return json(conversation, { status: 201, headers: { location: `/api/assistant/conversations/${conversation.id}` } });
  },
});

http('assistant-conversation-get', {
  methods: ['GET'],
  route: 'assistant/conversations/{id}',
  authLevel: 'anonymous',
  handler: async (request) => {
    const { id } = parse(ConversationParams, request.params, 'params', 404);
    return json(await conversations.get(id));
  },
});

http('assistant-conversation-message', {
  methods: ['POST'],
  route: 'assistant/conversations/{id}/messages',
  authLevel: 'anonymous',
  handler: async (request) => {
    const { id } = parse(ConversationParams, request.params, 'params', 404);
    const { text } = parse(MessageBody, await readJson(request), 'body');
    return json(await conversations.message(id, text));
  },
});

http('assistant-conversation-confirm', {
  methods: ['POST'],
  route: 'assistant/conversations/{id}/confirm',
  authLevel: 'anonymous',
  handler: async (request) => {
    const { id } = parse(ConversationParams, request.params, 'params', 404);
    const { accept } = parse(ConfirmBody, await readJson(request), 'body');
    return json(await conversations.confirm(id, accept));
  },
});

http('assistant-chat', {
  methods: ['POST'],
  route: 'assistant/chat',
  authLevel: 'anonymous',
  handler: async (request) => {
    const { text, conversation_id } = parse(ChatBody, await readJson(request), 'body');
    return json(await conversations.chat(text, conversation_id));
  },
});
