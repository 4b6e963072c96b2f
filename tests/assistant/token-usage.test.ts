/**
 * Model tokens per turn, from the outside: the loopback OpenAI-compatible server reports `usage` on each
 * completion; each turn shows the sum of its completions, the conversation its total, and a conversation
 * over ASSISTANT_TOKENS_PER_CONVERSATION gets 429 with Retry-After before any model call.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { daysFromToday, startHost, type TestHost } from '../support/host';
import { answer, callTools, startFakeAzureOpenAI, withUsage, type ChatRequest, type FakeAzureOpenAI } from './fake-azure-openai';
import { conversation, newConversation, send } from './talk';

const model = 'qwen-plus';
const apiKey = 'sk-usage-test';
const date = daysFromToday(1);

let fake: FakeAzureOpenAI;
let host: TestHost;

beforeAll(async () => {
  fake = await startFakeAzureOpenAI({ apiKey, deployment: model });
  host = await startHost({ env: { OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: apiKey, OPENAI_MODEL: model, ASSISTANT_TOKENS_PER_CONVERSATION: '2500' } });
}, 90_000);

afterAll(async () => {
  await Promise.all([host?.stop(), fake?.close()]);
});

/** What the server reported for these requests, summed. */
const reported = (requests: ChatRequest[]) => ({
  prompt_tokens: requests.reduce((sum, r) => sum + r.usage!.prompt_tokens, 0),
  completion_tokens: requests.reduce((sum, r) => sum + r.usage!.completion_tokens, 0),
});

describe('token usage on each turn, and the per-conversation token budget', () => {
  test('each turn shows the tokens its completions reported; past the budget the next message is refused with 429 and no model call', async () => {
    const id = await newConversation(host);
    fake.script(withUsage(answer('您好，请问您想去哪里？'), { prompt_tokens: 700, completion_tokens: 50 }));
    const first = await send(host, id, '你好');
    expect(first).toMatchObject({ status: 200, planner: 'openai' });
    expect(first.usage).toEqual(reported(fake.requests));

    fake.script(
      withUsage(callTools({ name: 'search_flights', arguments: { origin: '上海', destination: '北京', date } }), { prompt_tokens: 800, completion_tokens: 30 }),
      withUsage(answer('明天上海到北京有这些航班。'), { prompt_tokens: 900, completion_tokens: 60 }),
    );
    const second = await send(host, id, '明天上海到北京有什么航班');
    expect(second.status).toBe(200);
    expect(fake.requests).toHaveLength(3);
    expect(second.usage).toEqual(reported(fake.requests.slice(1)));

    const { body } = await conversation(host, id);
    const view = body as unknown as { usage: unknown; transcript: { role: string; usage?: unknown }[] };
    expect(view.usage).toEqual(reported(fake.requests));
    expect(view.transcript.filter((entry) => entry.role === 'assistant').map((entry) => entry.usage)).toEqual([first.usage, second.usage]);

    // 2540 tokens used of 2500: refused before the model is asked.
    const response = await host.fetch(`/assistant/conversations/${id}/messages`, { method: 'POST', json: { text: '第一班' } });
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await response.json()).toMatchObject({ status: 429, limit: 'tokens-per-conversation' });
    expect(fake.requests).toHaveLength(3);
    expect((await conversation(host, id)).body).toEqual(body);

    // A new conversation has its own budget.
    fake.script(answer('您好！'));
    expect((await send(host, await newConversation(host), '你好')).status).toBe(200);
  }, 60_000);
});
