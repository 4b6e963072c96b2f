/**
 * The traveller API's limits, from the outside: real host, real Azurite counters, real HTTP from two
 * client addresses (127.0.0.1 and 127.0.0.2 are both this machine's loopback). Small limits here; the
 * defaults are production's (lib/config.ts).
 */
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TurnResult } from '../../lib/ai/conversation';
import { useHost } from '../support/host';

const host = useHost({
  env: {
    ASSISTANT_TURNS_PER_MINUTE_PER_CONVERSATION: '3',
    ASSISTANT_TURNS_PER_MINUTE_PER_CLIENT: '5',
    ASSISTANT_CONVERSATIONS_PER_MINUTE_PER_CLIENT: '3',
  },
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/** One request to the host's API from the given local address. */
function call(from: string, method: string, path: string, json?: unknown): Promise<Answer> {
  const url = new URL(`${host.baseUrl}${path}`);
  const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: url.port, path: url.pathname, method, localAddress: from, headers: payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {} },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

const alice = '127.0.0.1';
const bob = '127.0.0.2';

const start = async (from: string) => call(from, 'POST', '/assistant/conversations');
const say = async (from: string, id: string, text: string, message_id?: string) => call(from, 'POST', `/assistant/conversations/${id}/messages`, { text, message_id });
const view = async (id: string) => (await call(alice, 'GET', `/assistant/conversations/${id}`)).body;

function expectTooMany(answer: Answer, limit: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(429);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status: 429, limit });
  const retryAfter = Number(answer.headers['retry-after']);
  // The window is the current minute: Retry-After is what is left of it.
  const left = Math.ceil((60_000 - (Date.now() % 60_000)) / 1000);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(Math.abs(retryAfter - left)).toBeLessThanOrEqual(2);
}

describe('limits of the anonymous assistant API (per minute, shared through Table Storage)', () => {
  // Every step below must fall in one minute window: start early in a minute.
  beforeAll(async () => {
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 40_000) await sleep(left + 200);
  }, 50_000); // up to 40.2 s of waiting for the next minute

  let first: string;

  test('the fourth turn of a conversation in a minute gets 429 with Retry-After, and the conversation is unchanged', async () => {
    const created = await start(alice);
    expect(created.status).toBe(201);
    first = created.body.id;
    for (const [i, text] of ['你好', '明天北京到上海', '有什么航班'].entries()) {
      const reply = await say(alice, first, text, `m${i}`);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect((reply.body as TurnResult).usage).toEqual({ prompt_tokens: 0, completion_tokens: 0 });
    }
    const before = await view(first);
    expect(before.turn).toBe(3);

    expectTooMany(await say(alice, first, '第一班'), 'turns-per-conversation');
    expectTooMany(await call(alice, 'POST', `/assistant/conversations/${first}/confirm`, { accept: true }), 'turns-per-conversation');
    expect(await view(first)).toEqual(before);

    // A retry of a message already answered is its first answer again, not a new turn.
    const retried = await say(alice, first, '有什么航班', 'm2');
    expect(retried.status).toBe(200);
    expect(retried.body.reply).toBe(before.transcript.at(-1).text);
  }, 60_000);

  test("another conversation has its own count, but the client's limit spans all of its conversations; another client is unaffected", async () => {
    const second = (await start(alice)).body.id as string;
    expect((await say(alice, second, '你好')).status).toBe(200); // alice's 4th turn this minute
    expect((await say(alice, second, '明天北京到上海')).status).toBe(200); // 5th
    expectTooMany(await say(alice, second, '有什么航班'), 'turns-per-client');
    expect((await view(second)).turn).toBe(2);

    const bobs = await start(bob);
    expect(bobs.status).toBe(201);
    const reply = await say(bob, bobs.body.id, '你好');
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  }, 60_000);

  test('a client may start only so many conversations a minute, also through the one-call chat', async () => {
    expect((await start(alice)).status).toBe(201); // alice's 3rd
    expectTooMany(await start(alice), 'conversations-per-client');
    expectTooMany(await call(alice, 'POST', '/assistant/chat', { text: '你好' }), 'conversations-per-client');
    expect((await start(bob)).status).toBe(201);
  }, 60_000);

  test('the agent desk (function key) is not limited', async () => {
    const desk = await host.fetch('/assistant/desk/conversations', { method: 'POST', staff: true });
    expect(desk.status).toBe(201);
  }, 30_000);
});
