/**
 * The model planner against an OpenAI-compatible server (OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_MODEL: Ollama,
 * vLLM, DeepSeek, Qwen): the /v1/chat/completions shape with a Bearer key and the model in the body, the same
 * tool calling and confirmation as Azure OpenAI, and the offline fallback when the server is down.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { say } from '../../lib/ai/phrase-book';
import { daysFromToday, startHost, type TestHost } from '../support/host';
import { callTools, closedPort, startFakeAzureOpenAI, type ChatRequest, type FakeAzureOpenAI } from './fake-azure-openai';
import { bookingCount, confirm, newConversation, send } from './talk';

const model = 'qwen-plus';
const apiKey = 'sk-compatible-test';
const date = daysFromToday(1);

let fake: FakeAzureOpenAI;
let compatible: TestHost;
let down: TestHost;

const modelEnv = (baseUrl: string) => ({ OPENAI_BASE_URL: baseUrl, OPENAI_API_KEY: apiKey, OPENAI_MODEL: model, AZURE_OPENAI_TIMEOUT_MS: '1000' });

beforeAll(async () => {
  fake = await startFakeAzureOpenAI({ apiKey, deployment: model });
  [compatible, down] = await Promise.all([
    startHost({ env: modelEnv(`${fake.url}/v1`) }),
    startHost({ env: modelEnv(`http://127.0.0.1:${await closedPort()}/v1`) }),
  ]);
}, 90_000);

afterAll(async () => {
  await Promise.all([compatible?.stop(), down?.stop(), fake?.close()]);
});

afterEach(() => {
  const unscripted = fake.unscripted;
  fake.reset();
  expect(unscripted, 'requests the test did not script').toBe(0);
});

describe('OpenAI-compatible endpoint (OPENAI_BASE_URL)', () => {
  test('speaks /v1/chat/completions with a Bearer key and the model name; a proposed booking is written only on the yes', async () => {
    fake.script(
      callTools({ name: 'search_flights', arguments: { origin: '上海', destination: '北京', date } }),
      (req: ChatRequest) => {
        const search = JSON.parse(req.body.messages.filter((m) => m.role === 'tool').at(-1)!.content!) as { result: { itineraries: { type: string; flight_number: string }[] } };
        const direct = search.result.itineraries.find((i) => i.type === 'direct')!;
        return callTools({ name: 'create_booking', arguments: { passengers: [{ name: '王五' }], segments: [{ flight_number: direct.flight_number, date, cabin: 'economy' }], hold: false } });
      },
    );
    const before = await bookingCount(compatible);
    const id = await newConversation(compatible);
    const proposed = await send(compatible, id, '帮我订明天上海到北京的机票，乘客王五');
    expect(proposed).toMatchObject({ status: 200, planner: 'openai', awaiting: 'confirmation', proposal: { tool: 'create_booking' } });
    expect(fake.requests.map((r) => ({ path: r.path, apiKey: r.apiKey, model: r.body.model }))).toEqual([
      { path: '/v1/chat/completions', apiKey, model },
      { path: '/v1/chat/completions', apiKey, model },
    ]);
    expect(fake.requests[0]!.body.tools!.map((t) => t.function.name)).toContain('create_booking');
    expect(await bookingCount(compatible)).toBe(before);

    const booked = await confirm(compatible, id, true);
    expect(booked.status).toBe(200);
    expect(booked.actions.map((a) => [a.tool, a.isError])).toEqual([['create_booking', false]]);
    expect(await bookingCount(compatible)).toBe(before + 1);
  }, 60_000);

  test('with the server down the offline planner answers, says so, and the booking still completes', async () => {
    const before = await bookingCount(down);
    const id = await newConversation(down);
    const proposed = await send(down, id, '帮我订明天上海到北京的机票，乘客赵六');
    expect(proposed).toMatchObject({ status: 200, planner: 'offline', awaiting: 'confirmation' });
    expect(proposed.reply.startsWith(say('offline', 'zh'))).toBe(true);
    await confirm(down, id, true);
    expect(await bookingCount(down)).toBe(before + 1);
  }, 60_000);
});
