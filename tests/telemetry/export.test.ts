import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, startHost, type TestHost } from '../support/host';
import { type Envelope, startIngestion } from './ingestion';
import { confirm, newConversation, send } from '../assistant/talk';

/** Asks the assistant for a booking and accepts its proposal. */
async function assistantBooking(host: TestHost, text: string) {
  const id = await newConversation(host);
  const proposed = await send(host, id, text);
  if (proposed.awaiting !== 'confirmation') throw new Error(`no proposal: ${proposed.reply}`);
  return confirm(host, id, true);
}

// A traveller whose name and contact data must never reach telemetry, in any form.
const passenger = { name: 'Lin Xiaoyu', email: 'lin.xiaoyu@example.com', phone: '+86 138 0013 8000' };
const chinese = '林晓雨';

describe('telemetry to Application Insights (OpenTelemetry, loopback ingestion endpoint)', () => {
  let ingestion: Awaited<ReturnType<typeof startIngestion>>;
  let host: TestHost;
  let envelopes: Envelope[] = [];
  let firstReply = '';

  beforeAll(async () => {
    ingestion = await startIngestion();
    host = await startHost({
      env: {
        APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString,
        NODE_EXTRA_CA_CERTS: ingestion.certFile,
        // Statsbeat (the SDK's own usage reports) goes to a fixed Microsoft endpoint: none here.
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        // The distro samples 5 traces a second by default (the host's seeding alone exceeds that): keep all here.
        OTEL_TRACES_SAMPLER: 'always_on',
        APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
        ...(process.env.DEBUG_TELEMETRY ? { APPLICATIONINSIGHTS_INSTRUMENTATION_LOGGING_LEVEL: 'INFO' } : {}),
      },
    });
    const flights = (await (await host.fetch('/flights?limit=50&status=active')).json()) as { flight_number: string; days_of_operation: number[] }[];
    const daily = flights.find((f) => f.days_of_operation.length === 7)!;
    const created = await host.fetch('/bookings', {
      method: 'POST',
      json: { passengers: [{ name: passenger.name, email: passenger.email, phone: passenger.phone }, { name: chinese }], segments: [{ flight_number: daily.flight_number, date: daysFromToday(3) }] },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const booking = (await created.json()) as { reference: string };
    expect((await host.fetch(`/bookings/search/${encodeURIComponent(passenger.name)}`, { staff: true })).status).toBe(200);
    expect((await host.fetch(`/bookings/search/${encodeURIComponent(chinese)}`, { staff: true })).status).toBe(200);
    expect((await host.fetch(`/bookings/reference/${booking.reference}?last_name=Lin`)).status).toBe(200);
    const conversation = (await (await host.fetch('/assistant/conversations', { method: 'POST', json: {} })).json()) as { id: string };
    const turn = await host.fetch(`/assistant/conversations/${conversation.id}/messages`, { method: 'POST', json: { text: '明天北京到上海的航班' } });
    expect(turn.status).toBe(200);
    firstReply = ((await turn.json()) as { reply: string }).reply;
    // A booking through the assistant: the passenger's name travels in the tools' arguments, never into telemetry.
    const booked = await assistantBooking(host, `帮我预订明天早上从北京到上海的航班，乘客${chinese}`);
    expect(booked.reply).toContain('预订成功');
    // The exporters send every few seconds; stopping the host flushes the rest.
    const deadline = Date.now() + 30_000;
    const received = (name: string) => ingestion.envelopes().some((e) => e.data?.baseType === 'RequestData' && e.data.baseData?.name === name);
    while (!received('POST /api/assistant/conversations/{id}/messages') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await host.stop(), host.output()).toBe(0);
    envelopes = ingestion.envelopes();
    if (process.env.DEBUG_TELEMETRY) console.log(host.output());
  }, 120_000);

  afterAll(async () => {
    await host?.stop();
    await ingestion?.stop();
  });

  const requests = () => envelopes.filter((e) => e.data?.baseType === 'RequestData');
  const dependenciesOf = (operationId: string) =>
    envelopes.filter((e) => e.data?.baseType === 'RemoteDependencyData' && e.tags?.['ai.operation.id'] === operationId);
  const requestsOf = (operationId: string) => requests().filter((e) => e.tags?.['ai.operation.id'] === operationId);
  const request = (name: string) => {
    const found = requests().find((e) => e.data?.baseData?.name === name);
    if (!found) throw new Error(`no request ${name} among ${requests().map((e) => e.data?.baseData?.name).join(', ')}`);
    return found;
  };

  it('exports each request under its route, with its SQL queries as dependencies under the same operation id', () => {
    const booking = request('POST /api/bookings');
    expect(booking.data?.baseData?.responseCode).toBe('201');
    const operationId = booking.tags!['ai.operation.id']!;
    expect(operationId).toMatch(/^[0-9a-f]{32}$/);
    const sql = dependenciesOf(operationId).map((e) => e.data?.baseData?.name);
    expect(sql).toContain('sqlite bookings.insert');
    expect(sql.every((name) => typeof name === 'string')).toBe(true);
  });

  it('a conversation turn is one operation: the request, the durable client call, the orchestration, its activity, the MCP tool call and the SQL queries', () => {
    const turn = request('POST /api/assistant/conversations/{id}/messages');
    const operationId = turn.tags!['ai.operation.id']!;
    const names = dependenciesOf(operationId).map((e) => String(e.data?.baseData?.name));
    const served = requestsOf(operationId).map((e) => String(e.data?.baseData?.name));
    // When the turn's work is missing from its operation, say where it went: which operations hold orchestration work, and what the turn answered.
    const elsewhere = () =>
      `turn ${operationId} answered ${JSON.stringify(firstReply)}; served here: ${served.join(', ')}; dependencies here: ${names.join(', ')}; elsewhere: ` +
      envelopes
        .filter((e) => /^(orchestration|activity):|^mcp tools\/call search_flights/.test(String(e.data?.baseData?.name)))
        .map((e) => `${String(e.data?.baseData?.name)}@${e.tags?.['ai.operation.id']}<${e.tags?.['ai.operation.parentId']}`)
        .join(', ');
    expect(names.some((name) => /raiseEvent\/message$/.test(name)), elsewhere()).toBe(true);
    expect(names, elsewhere()).toContain('mcp tools/call search_flights');
    expect(names.some((name) => /^sqlite flights\./.test(name)), elsewhere()).toBe(true);
    expect(served, elsewhere()).toEqual(expect.arrayContaining(['orchestration:conversation', 'activity:AirlineAgent']));
  });

  it('the confirmed booking is written under the confirm request’s operation', () => {
    const confirm = request('POST /api/assistant/conversations/{id}/confirm');
    const operationId = confirm.tags!['ai.operation.id']!;
    expect(requestsOf(operationId).map((e) => String(e.data?.baseData?.name))).toContain('activity:BookingAgent');
    const names = dependenciesOf(operationId).map((e) => String(e.data?.baseData?.name));
    expect(names).toEqual(expect.arrayContaining(['mcp tools/call create_booking', 'sqlite bookings.insert']));
  });

  it('sends no passenger name or contact data anywhere: paths become route templates, queries are dropped', () => {
    expect(requests().map((e) => e.data?.baseData?.name)).toContain('GET /api/bookings/search/{passenger_name}');
    const everything = ingestion.bodies.join('\n');
    for (const secret of [passenger.name, encodeURIComponent(passenger.name), 'Xiaoyu', chinese, encodeURIComponent(chinese), passenger.email, '13800138000', '138 0013', 'last_name=Lin']) {
      expect(everything.includes(secret), secret).toBe(false);
    }
  });
});
