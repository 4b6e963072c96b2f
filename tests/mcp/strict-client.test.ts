import { describe, expect, it } from 'vitest';
import { daysFromToday, useHost } from '../support/host';
import { mcpUrl } from './support';

/** A raw JSON-RPC client, as a Python MCP client posts: what the protocol promises, not what the SDK forgives. */
const host = useHost();

async function rpc(agent: 'airline' | 'booking', method: string, params: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(mcpUrl(host, agent), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'x-functions-key': host.key },
    body: JSON.stringify({ jsonrpc: '2.0', id: 7, method, params }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('MCP servers as the specification says', () => {
  it('an unknown tool is a JSON-RPC error -32602, not a tool result', async () => {
    const { body } = await rpc('airline', 'tools/call', { name: 'book_a_rocket', arguments: {} });
    expect(body.result).toBeUndefined();
    expect(body).toMatchObject({ jsonrpc: '2.0', id: 7, error: { code: -32602 } });
  });

  it('passengers given as the string "2" is refused; the number 2 is taken', async () => {
    const args = { origin: '北京', destination: '上海', date: daysFromToday(5) };
    const asText = await rpc('airline', 'tools/call', { name: 'search_flights', arguments: { ...args, passengers: '2' } });
    expect(JSON.stringify(asText.body)).toMatch(/passengers/);
    expect((asText.body.result as { isError?: boolean } | undefined)?.isError ?? 'error' in asText.body).toBe(true);
    const asNumber = await rpc('airline', 'tools/call', { name: 'search_flights', arguments: { ...args, passengers: 2 } });
    expect((asNumber.body.result as { isError?: boolean }).isError).toBeFalsy();
    const recommended = await rpc('airline', 'tools/call', { name: 'recommend_flights', arguments: { ...args, preference: 'cheapest', passengers: '2' } });
    expect((recommended.body.result as { isError?: boolean } | undefined)?.isError ?? 'error' in recommended.body).toBe(true);
  });
});
