/**
 * Every message gets its answer (issue 15), through the public conversation API of a real host over real
 * Azurite: messages arriving together, retries with the same message id, double confirmations and a
 * confirmation with nothing pending.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { useHost, type TestHost } from '../support/host';
import { bookingCount, bookingReferences, conversation, newConversation, send, type Reply } from './talk';

const host = useHost();

const destinations = ['上海', '广州', '深圳', '成都', '杭州', '西安', '重庆', '昆明', '厦门', '南京'];

/** A caller gives up after this long; the old engine made callers wait 60 s and more. */
const patienceMs = 20_000;

async function post(target: TestHost, id: string, route: 'messages' | 'confirm', body: unknown): Promise<Reply> {
  const response = await target.fetch(`/assistant/conversations/${id}/${route}`, { method: 'POST', json: body, signal: AbortSignal.timeout(patienceMs) });
  return { status: response.status, ...(await response.json()) } as Reply;
}

/** Each caller's reply is the one that follows its own message in the transcript, and every message appears once. */
async function expectAnsweredInOrder(id: string, texts: string[], replies: Reply[]): Promise<void> {
  const { body } = await conversation(host, id);
  for (const [index, text] of texts.entries()) {
    const positions = body.transcript.flatMap((entry, at) => (entry.role === 'user' && entry.text === text ? [at] : []));
    expect(positions, `"${text}" in the transcript once`).toHaveLength(1);
    expect(body.transcript[positions[0]! + 1], `the reply to "${text}"`).toEqual(expect.objectContaining({ role: 'assistant', text: replies[index]!.reply }));
  }
}

describe('messages arriving together', () => {
  test.each([2, 5, 10])('%i messages posted at once to one conversation: each caller gets its own reply, in the order they were processed', async (count) => {
    const id = await newConversation(host);
    const texts = destinations.slice(0, count).map((city) => `查询明天北京到${city}的航班`);
    const replies = await Promise.all(texts.map((text) => post(host, id, 'messages', { text, message_id: randomUUID() })));
    for (const reply of replies) expect(reply.status, JSON.stringify(reply)).toBe(200);
    for (const reply of replies) expect(reply.reply).toBeTruthy();
    await expectAnsweredInOrder(id, texts, replies);
    expect((await send(host, id, '谢谢')).status).toBe(200);
  }, 60_000);
});

describe('message ids', () => {
  test('a repeated message id gets the first answer and is not a second turn, also when the repeat arrives during the turn', async () => {
    const id = await newConversation(host);
    const messageId = randomUUID();
    const text = '查询明天北京到上海的航班';
    const [first, during] = await Promise.all([post(host, id, 'messages', { text, message_id: messageId }), post(host, id, 'messages', { text, message_id: messageId })]);
    const later = await post(host, id, 'messages', { text, message_id: messageId });
    for (const reply of [first, during, later]) expect(reply.status).toBe(200);
    expect(during.reply).toBe(first.reply);
    expect(later).toEqual(first);
    const { body } = await conversation(host, id);
    expect(body.transcript.filter((entry) => entry.role === 'user')).toHaveLength(1);
  }, 60_000);

  test('a malformed message id is a 400 naming the field', async () => {
    const id = await newConversation(host);
    const response = await host.fetch(`/assistant/conversations/${id}/messages`, { method: 'POST', json: { text: '你好', message_id: 'not an id!' } });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('message_id');
  });
});

describe('confirmations', () => {
  async function proposal(): Promise<string> {
    const id = await newConversation(host);
    const proposed = await send(host, id, '帮我预订明天早上从北京到上海的航班，乘客张三');
    expect(proposed.awaiting, JSON.stringify(proposed)).toBe('confirmation');
    return id;
  }

  test('two confirmations of one proposal at once: one booking, and both callers are told it and its reference', async () => {
    const before = await bookingCount(host);
    const id = await proposal();
    const replies = await Promise.all([post(host, id, 'confirm', { accept: true, message_id: randomUUID() }), post(host, id, 'confirm', { accept: true, message_id: randomUUID() })]);
    for (const reply of replies) expect(reply.status, JSON.stringify(reply)).toBe(200);
    expect(await bookingCount(host)).toBe(before + 1);
    const reference = (await bookingReferences(host)).find((ref) => replies[0]!.reply.includes(ref));
    expect(reference, replies[0]!.reply).toBeTruthy();
    for (const reply of replies) expect(reply.reply).toContain(reference);
  }, 60_000);

  test('the confirm button and a typed yes at once: one booking, and both answers name it', async () => {
    const before = await bookingCount(host);
    const id = await proposal();
    const replies = await Promise.all([post(host, id, 'confirm', { accept: true }), post(host, id, 'messages', { text: '确认' })]);
    for (const reply of replies) expect(reply.status, JSON.stringify(reply)).toBe(200);
    expect(await bookingCount(host)).toBe(before + 1);
    const reference = (await bookingReferences(host)).find((ref) => replies[0]!.reply.includes(ref));
    expect(reference, replies[0]!.reply).toBeTruthy();
    expect(replies[1]!.reply).toContain(reference);
  }, 60_000);

  test('/confirm with nothing pending is an ordinary answer, and the conversation goes on', async () => {
    const id = await newConversation(host);
    for (const accept of [true, false]) {
      const reply = await post(host, id, 'confirm', { accept });
      expect(reply.status, JSON.stringify(reply)).toBeLessThan(500);
      expect(reply.status).not.toBe(410);
    }
    const next = await send(host, id, '查询明天北京到上海的航班');
    expect(next.status, JSON.stringify(next)).toBe(200);
    expect((await conversation(host, id)).status).toBe(200);
  }, 60_000);
});
