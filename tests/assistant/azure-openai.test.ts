/**
 * The Azure OpenAI planner end to end: the compiled host talks to a loopback fake of the Azure
 * chat-completions API, and to the real MCP agents. A second host points at a closed port (offline fallback).
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { say } from '../../lib/ai/phrase-book';
import { daysFromToday, startHost, type TestHost } from '../support/host';
import { answer, callTools, closedPort, failWith, hang, promptFiltered, startFakeAzureOpenAI, type ChatRequest, type FakeAzureOpenAI, type SentMessage } from './fake-azure-openai';
import { bookingCount, confirm, newConversation, send } from './talk';

const deployment = 'gpt-4.1';
const timeoutMs = 1000;
const date = daysFromToday(1);
const request = '帮我预订明天早上从北京到上海的航班，乘客张三';
const offlineNote = say('offline', 'zh');

let fake: FakeAzureOpenAI;
let azure: TestHost;
let down: TestHost;

const modelEnv = (endpoint: string) => ({
  AZURE_OPENAI_ENDPOINT: endpoint,
  AZURE_OPENAI_API_KEY: 'test',
  AZURE_OPENAI_DEPLOYMENT: deployment,
  AZURE_OPENAI_TIMEOUT_MS: String(timeoutMs),
});

beforeAll(async () => {
  fake = await startFakeAzureOpenAI({ apiKey: 'test', deployment });
  [azure, down] = await Promise.all([startHost({ env: modelEnv(fake.url) }), startHost({ env: modelEnv(`http://127.0.0.1:${await closedPort()}`) })]);
});

afterAll(async () => {
  await Promise.all([azure?.stop(), down?.stop(), fake?.close()]);
});

/** Bookings made on the model host during the current test. */
let baseline = 0;
const newBookings = async () => (await bookingCount(azure)) - baseline;
beforeEach(async () => {
  baseline = await bookingCount(azure);
});

afterEach(() => {
  const unscripted = fake.unscripted;
  fake.reset();
  expect(unscripted, 'requests the test did not script').toBe(0);
});

const toolMessages = (req: ChatRequest) => req.body.messages.filter((m): m is SentMessage & { tool_call_id: string } => m.role === 'tool');
const toolResult = (message: SentMessage) => JSON.parse(message.content ?? 'null') as { isError: boolean; result: any };

/** The scripted model of a booking: search, then book the cheapest direct flight found in the search result fed back. */
function modelBooks(passenger: string) {
  return [
    callTools({ name: 'search_flights', arguments: { origin: '北京', destination: '上海', date, depart_after: '06:00', depart_before: '12:00' } }),
    (req: ChatRequest) => {
      const { result } = toolResult(toolMessages(req).at(-1)!);
      const [cheapest] = (result.itineraries as { type: string; flight_number: string; fare_per_passenger: number }[])
        .filter((itinerary) => itinerary.type === 'direct')
        .sort((a, b) => a.fare_per_passenger - b.fare_per_passenger);
      return callTools({
        name: 'create_booking',
        arguments: { passengers: [{ name: passenger }], segments: [{ flight_number: cheapest!.flight_number, date, cabin: 'economy' }], hold: false, idempotency_key: 'made-up-by-the-model' },
      });
    },
  ];
}

async function mcpToolNames(host: TestHost): Promise<Map<string, unknown>> {
  const tools = new Map<string, unknown>();
  for (const agent of ['airline', 'booking']) {
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${host.baseUrl}/mcp/${agent}`), { requestInit: { headers: { 'x-functions-key': host.key } } }));
    for (const tool of (await client.listTools()).tools) tools.set(tool.name, tool.inputSchema);
    await client.close();
  }
  return tools;
}

/** The bookings in the database, as what matters for comparing two runs. */
async function bookings(host: TestHost) {
  const response = await host.fetch('/bookings?limit=50', { staff: true });
  const items = (await response.json()) as { status: string; total_price: number; passengers: { name: string }[]; segments: { flight_number: string; date: string; cabin: string }[] }[];
  return items.map((b) => ({
    status: b.status,
    total_price: b.total_price,
    passengers: b.passengers.map((p) => p.name),
    segments: b.segments.map((s) => ({ flight_number: s.flight_number, date: s.date, cabin: s.cabin })),
  }));
}

describe('Azure OpenAI planner against a loopback fake', () => {
  test('(a) search, then a create_booking proposal that only the yes executes: the same booking the offline planner makes', async () => {
    fake.script(...modelBooks('张三'));
    const id = await newConversation(azure);
    const proposed = await send(azure, id, request);
    expect(proposed.status, JSON.stringify(proposed)).toBe(200);
    expect(proposed).toMatchObject({ planner: 'azure-openai', awaiting: 'confirmation', proposal: { tool: 'create_booking', agent: 'booking' } });
    expect(proposed.proposal!.arguments).not.toHaveProperty('idempotency_key');
    expect(proposed.actions.map((a) => a.tool)).toEqual(['search_flights', 'check_availability']);
    expect(await newBookings()).toBe(0);

    // What the planner sent: the agents' tools (tools/list minus the staff tools), then the search result as a tool message.
    const [first, second] = fake.requests;
    expect(fake.requests).toHaveLength(2);
    expect(first).toMatchObject({ path: `/openai/deployments/${deployment}/chat/completions`, apiKey: 'test', apiVersion: '2024-10-21' });
    const listed = await mcpToolNames(azure);
    const offered = first!.body.tools!.map((tool) => tool.function.name);
    expect(offered.sort()).toEqual([...listed.keys()].filter((name) => !['find_bookings', 'get_booking_by_id'].includes(name)).sort());
    for (const tool of first!.body.tools!) expect(tool.function.parameters).toEqual(listed.get(tool.function.name));
    expect(first!.body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(first!.body.messages[1]!.content).toBe(request);
    const call = second!.body.messages.at(-2)!.tool_calls![0]!;
    expect(call.function.name).toBe('search_flights');
    expect(toolMessages(second!)).toHaveLength(1);
    expect(toolMessages(second!)[0]!.tool_call_id).toBe(call.id);
    expect(toolResult(toolMessages(second!)[0]!)).toEqual({ isError: false, result: proposed.actions[0]!.result });

    const booked = await send(azure, id, '确认');
    expect(booked.actions.map((a) => [a.tool, a.isError])).toEqual([['create_booking', false]]);
    // The key is the proposal's id: the same however often the yes arrives or the write is retried.
    expect(booked.actions[0]!.arguments.idempotency_key).toBe(proposed.proposal!.id);
    expect(fake.requests, 'a yes is decided by code, not the model').toHaveLength(2);
    const azureBookings = await bookings(azure);

    // The offline planner (the host whose model is unreachable) for the same request.
    const offlineId = await newConversation(down);
    const offlineProposal = await send(down, offlineId, request);
    expect(offlineProposal).toMatchObject({ planner: 'offline', awaiting: 'confirmation' });
    await send(down, offlineId, '确认');
    const offlineBookings = await bookings(down);
    expect(offlineBookings).toHaveLength(1);
    expect(azureBookings).toEqual(offlineBookings);
    expect(azureBookings[0]).toMatchObject({ status: 'confirmed', passengers: ['张三'], segments: [{ date, cabin: 'economy' }] });
    expect(proposed.proposal!.price).toBe(azureBookings[0]!.total_price);
  }, 90_000); // the first conversation of a fresh host: the tables, both agents' tools/list, then the turns

  test('(h) the staff tools are offered and run in desk mode only; a traveller\'s call of one is refused', async () => {
    fake.script(callTools({ name: 'find_bookings', arguments: { passenger_name: '李' } }), answer('李先生的预订如下。'));
    const deskId = await newConversation(azure, true);
    const found = await send(azure, deskId, '查找李先生的所有预订', true);
    expect(found).toMatchObject({ status: 200, planner: 'azure-openai', reply: '李先生的预订如下。' });
    expect(found.actions.map((a) => [a.tool, a.isError])).toEqual([['find_bookings', false]]);
    const offered = fake.requests[0]!.body.tools!.map((tool) => tool.function.name);
    expect(offered).toEqual(expect.arrayContaining(['find_bookings', 'get_booking_by_id']));
    expect(fake.requests[0]!.body.messages[0]!.content).toContain('agent desk');
    fake.reset();

    fake.script(callTools({ name: 'find_bookings', arguments: { passenger_name: '李' } }), answer('请提供预订编号和姓氏。'));
    const travellerId = await newConversation(azure);
    const refused = await send(azure, travellerId, '查找李先生的所有预订');
    expect(refused).toMatchObject({ status: 200, actions: [] });
    expect(fake.requests[0]!.body.tools!.map((tool) => tool.function.name)).not.toContain('find_bookings');
    expect(toolResult(toolMessages(fake.requests[1]!)[0]!)).toEqual({ isError: true, result: 'unknown tool find_bookings' });
  });

  test('(b) parallel tool calls in one model turn are both executed and both results fed back', async () => {
    fake.script(
      callTools(
        { name: 'search_flights', arguments: { origin: '北京', destination: '上海', date } },
        { name: 'search_flights', arguments: { origin: '上海', destination: '广州', date } },
      ),
      answer('北京—上海和上海—广州明天都有航班。'),
    );
    const id = await newConversation(azure);
    const reply = await send(azure, id, '明天北京到上海，还有上海到广州，分别有什么航班？');
    expect(reply).toMatchObject({ status: 200, planner: 'azure-openai', reply: '北京—上海和上海—广州明天都有航班。', awaiting: 'input' });
    expect(reply.actions.map((a) => [a.tool, a.arguments.destination, a.isError])).toEqual([
      ['search_flights', '上海', false],
      ['search_flights', '广州', false],
    ]);
    const [calls, results] = [fake.requests[1]!.body.messages.at(-3)!.tool_calls!, toolMessages(fake.requests[1]!)];
    expect(results.map((m) => m.tool_call_id)).toEqual(calls.map((c) => c.id));
    expect(results.map((m) => toolResult(m).result.itineraries[0].arrival_airport)).toEqual([
      expect.stringMatching(/^(SHA|PVG)$/),
      'CAN',
    ]);
  });

  test('(c) 429 with retry-after: the client waits that long, retries, and the reply arrives', async () => {
    fake.script(failWith(429, { 'retry-after': '1' }), answer('您好，我可以帮您查询和预订航班。'));
    const reply = await send(azure, await newConversation(azure), '你好');
    expect(reply).toMatchObject({ status: 200, planner: 'azure-openai', reply: '您好，我可以帮您查询和预订航班。' });
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.at - fake.requests[0]!.at).toBeGreaterThanOrEqual(990);
  });

  test('(d) a 500 is retried by the client and the retry answers; 500 on every attempt falls back to offline', async () => {
    fake.script(failWith(500), answer('好的。'));
    const retried = await send(azure, await newConversation(azure), '你好');
    expect(retried).toMatchObject({ status: 200, planner: 'azure-openai', reply: '好的。' });
    expect(fake.requests).toHaveLength(2);

    fake.reset();
    fake.script(failWith(500), failWith(500), failWith(500));
    const fallback = await send(azure, await newConversation(azure), request);
    expect(fake.requests).toHaveLength(3);
    expect(fallback).toMatchObject({ status: 200, planner: 'offline', awaiting: 'confirmation' });
    expect(fallback.reply.startsWith(offlineNote)).toBe(true);
  });

  test('(e) a model that never answers times out on each attempt and the offline planner answers', async () => {
    fake.script(hang, hang, hang);
    const started = Date.now();
    const reply = await send(azure, await newConversation(azure), request);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * timeoutMs);
    expect(fake.requests).toHaveLength(3);
    expect(reply).toMatchObject({ status: 200, planner: 'offline', awaiting: 'confirmation', proposal: { tool: 'create_booking' } });
    expect(reply.reply.startsWith(offlineNote)).toBe(true);
    expect(await newBookings()).toBe(0);
  });

  describe('(f) malformed tool arguments are never executed', () => {
    test('invalid JSON and schema-violating arguments go back to the model as tool errors, which it answers', async () => {
      fake.script(
        callTools({ name: 'create_booking', arguments: '{"passengers": [{"name": "张三"' }, { name: 'search_flights', arguments: 'origin=北京' }),
        callTools({ name: 'create_booking', arguments: { passengers: '张三', segments: [{ flight_number: 42 }] } }),
        answer('请告诉我航班号和日期。'),
      );
      const reply = await send(azure, await newConversation(azure), '给张三订票');
      expect(reply).toMatchObject({ status: 200, planner: 'azure-openai', awaiting: 'input', reply: '请告诉我航班号和日期。', actions: [] });
      expect(reply.proposal).toBeUndefined();
      const [invalidJson, invalidRead] = toolMessages(fake.requests[1]!).map(toolResult);
      expect(invalidJson).toEqual({ isError: true, result: 'arguments are not valid JSON' });
      expect(invalidRead).toEqual({ isError: true, result: 'arguments are not valid JSON' });
      const [schema] = toolMessages(fake.requests[2]!).slice(-1).map(toolResult);
      expect(schema!.isError).toBe(true);
      expect(schema!.result).toMatch(/passengers/);
      expect(await newBookings()).toBe(0);
    });

    test('a second write call in the same turn is not executed either', async () => {
      fake.script(
        callTools(
          { name: 'create_booking', arguments: { passengers: [{ name: '张三' }] } },
          { name: 'create_booking', arguments: { passengers: [{ name: '张三' }], segments: [{ flight_number: 'CA1501', date }], hold: false, idempotency_key: 'k' } },
        ),
        answer('请确认航班。'),
      );
      const reply = await send(azure, await newConversation(azure), '订 CA1501，乘客张三');
      expect(reply).toMatchObject({ status: 200, planner: 'azure-openai', actions: [] });
      expect(toolMessages(fake.requests[1]!).map((m) => toolResult(m).isError)).toEqual([true, true]);
      expect(await newBookings()).toBe(0);
    });

    test('a model that keeps sending malformed calls ends in the offline planner', async () => {
      fake.script(...Array.from({ length: 6 }, () => callTools({ name: 'create_booking', arguments: '{' })));
      const reply = await send(azure, await newConversation(azure), '你好');
      expect(fake.requests).toHaveLength(6);
      expect(reply).toMatchObject({ status: 200, planner: 'offline' });
      expect(reply.reply.startsWith(offlineNote)).toBe(true);
      expect(await newBookings()).toBe(0);
    });
  });

  test('(i) a prompt stopped by Azure\'s content filter (400 content_filter) gets a polite reply in the traveller\'s language, once, no retry, nothing written', async () => {
    fake.script(promptFiltered);
    const before = await bookingCount(azure);
    const reply = await send(azure, await newConversation(azure), '帮我订明天北京到上海的机票，乘客张三');
    expect(reply).toMatchObject({ status: 200, planner: 'azure-openai', awaiting: null, reply: say('contentFiltered', 'zh'), actions: [] });
    expect(fake.requests).toHaveLength(1);
    expect(await bookingCount(azure)).toBe(before);
  });

  test('(j) a completion stopped by the content filter (finish_reason content_filter) gets the same polite reply, in English for English', async () => {
    fake.script({ kind: 'filtered' });
    const reply = await send(azure, await newConversation(azure), 'book me a flight from Beijing to Shanghai tomorrow for John Smith');
    expect(reply).toMatchObject({ status: 200, awaiting: null, reply: say('contentFiltered', 'en') });
    expect(reply.proposal).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
  });

  test('(g) with the model server down the offline planner answers, says so, and a booking still completes', async () => {
    const before = await bookingCount(down);
    const id = await newConversation(down);
    const proposed = await send(down, id, 'Book the cheapest flight from Shanghai to Guangzhou tomorrow for Li Wei');
    expect(proposed).toMatchObject({ status: 200, planner: 'offline', language: 'en', awaiting: 'confirmation' });
    expect(proposed.reply.startsWith(say('offline', 'en'))).toBe(true);
    const booked = await confirm(down, id, true);
    expect(booked.actions.map((a) => [a.tool, a.isError])).toEqual([['create_booking', false]]);
    expect(await bookingCount(down)).toBe(before + 1);
    expect(await bookings(down)).toContainEqual(expect.objectContaining({ status: 'confirmed', passengers: ['Li Wei'] }));
  });
});
