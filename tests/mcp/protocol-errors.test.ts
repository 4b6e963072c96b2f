import { randomUUID } from 'node:crypto';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ErrorCode, McpError, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, startHost, type TestHost } from '../support/host';
import { callError, callOk, connect, mcpUrl } from './support';

let host: TestHost;
let airline: Client;
let booking: Client;
const date = daysFromToday(11);

beforeAll(async () => {
  host = await startHost();
  [airline, booking] = await Promise.all([connect(host, 'airline'), connect(host, 'booking')]);
}, 60_000);

afterAll(async () => {
  await Promise.all([airline?.close(), booking?.close()]);
  await host?.stop();
});

describe('MCP as the 2025-11-25 specification says', () => {
  it('an unknown tool is a JSON-RPC error -32602 with the request id, not a tool result', async () => {
    const response = await fetch(mcpUrl(host, 'airline'), {
      method: 'POST',
      headers: { 'x-functions-key': host.key, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 41, method: 'tools/call', params: { name: 'book_me_a_unicorn', arguments: {} } }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: unknown; result?: unknown; error?: { code: number; message: string } };
    expect(body).toMatchObject({ id: 41, error: { code: -32602, message: expect.stringContaining('book_me_a_unicorn') } });
    expect(body.result).toBeUndefined();

    const thrown = await booking.callTool({ name: 'search_flights', arguments: {} }).then(() => undefined, (error: unknown) => error);
    expect(thrown).toBeInstanceOf(McpError);
    expect((thrown as McpError).code).toBe(ErrorCode.InvalidParams);
  });

  it('refuses a count sent as a string ("2"), accepts the number', async () => {
    const args = { origin: '北京', destination: '上海', date };
    expect(await callError(airline, 'search_flights', { ...args, passengers: '2' })).toMatch(/passengers/);
    expect(await callError(airline, 'search_flights', { ...args, max_stops: '0' })).toMatch(/max_stops/);
    expect(await callError(airline, 'recommend_flights', { ...args, preference: 'cheapest', passengers: '2' })).toMatch(/passengers/);
    const tools = (await airline.listTools()).tools;
    const found = await callOk<{ itineraries: { total_fare: number; fare_per_passenger: number }[] }>(airline, tools, 'search_flights', { ...args, passengers: 2 });
    expect(found.itineraries[0]!.total_fare).toBe(found.itineraries[0]!.fare_per_passenger * 2);
  });

  it('change_seat is honest: idempotent because a repeat changes nothing (same version, no history), destructive because it frees a seat', async () => {
    const tools: Tool[] = (await booking.listTools()).tools;
    expect(tools.find((t) => t.name === 'change_seat')!.annotations).toMatchObject({ readOnlyHint: false, idempotentHint: true, destructiveHint: true });
    const { booking: made } = await callOk<{ booking: { id: number; reference: string; version: number } }>(booking, tools, 'create_booking', {
      passengers: [{ name: 'Qian Duo' }],
      segments: [{ flight_number: 'CA1001', date }],
      idempotency_key: randomUUID(),
    });
    const change = { reference: made.reference, last_name: 'Qian', seat: '14D' };
    const first = (await booking.callTool({ name: 'change_seat', arguments: change })) as CallToolResult;
    const again = (await booking.callTool({ name: 'change_seat', arguments: change })) as CallToolResult;
    expect(first.isError).toBeFalsy();
    expect(again.structuredContent).toEqual(first.structuredContent);
    expect((first.structuredContent as { booking: { version: number } }).booking.version).toBe(made.version + 1);
    const history = (await (await host.fetch(`/bookings/${made.id}/history`, { staff: true })).json()) as unknown[];
    expect(history).toHaveLength(2);
  });
});
