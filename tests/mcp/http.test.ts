import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { useHost } from '../support/host';
import { mcpUrl, type Agent } from './support';

const host = useHost({ env: { MCP_ALLOWED_ORIGINS: 'https://portal.example.com' } });
const agents: Agent[] = ['airline', 'booking'];
const accept = 'application/json, text/event-stream';
const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
};

function post(agent: Agent, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(mcpUrl(host, agent), {
    method: 'POST',
    headers: { 'x-functions-key': host.key, 'content-type': 'application/json', accept, ...headers },
    body,
  });
}

async function rpcError(response: Response, status: number, code: number): Promise<string> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { jsonrpc: string; id: null; error: { code: number; message: string } };
  expect(body).toMatchObject({ jsonrpc: '2.0', id: null, error: { code } });
  return body.error.message;
}

describe.each(agents)('the %s MCP endpoint over HTTP', (agent) => {
  it(`negotiates protocol revision ${LATEST_PROTOCOL_VERSION} statelessly, answering in JSON without a session`, async () => {
    expect(LATEST_PROTOCOL_VERSION).toBe('2025-11-25');
    const response = await post(agent, JSON.stringify(initialize));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('mcp-session-id')).toBeNull();
    const body = (await response.json()) as { result: { protocolVersion: string; capabilities: Record<string, unknown> } };
    expect(body.result.protocolVersion).toBe('2025-11-25');
    expect(Object.keys(body.result.capabilities).sort()).toEqual(['prompts', 'resources', 'tools']);
  });

  it('answers tools/list without an initialize first (each request stands alone)', async () => {
    const response = await post(agent, JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/list' }), { 'mcp-protocol-version': LATEST_PROTOCOL_VERSION });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: number; result: { tools: unknown[] } };
    expect(body.id).toBe(7);
    expect(body.result.tools.length).toBeGreaterThan(5);
  });

  it('requires the function key: 401 without it or with a wrong one', async () => {
    for (const key of [undefined, 'wrong']) {
      const response = await fetch(mcpUrl(host, agent), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, ...(key ? { 'x-functions-key': key } : {}) },
        body: JSON.stringify(initialize),
      });
      expect(response.status).toBe(401);
    }
  });

  it('answers GET and DELETE with 405 and a JSON-RPC error: no SSE stream, no sessions', async () => {
    for (const method of ['GET', 'DELETE']) {
      const response = await fetch(mcpUrl(host, agent), { method, headers: { 'x-functions-key': host.key, accept: 'text/event-stream' } });
      expect(response.headers.get('allow')).toBe('POST');
      expect(await rpcError(response, 405, -32000)).toMatch(/Method not allowed/);
    }
  });

  it('refuses JSON-RPC batches, broken JSON and non-JSON-RPC bodies with JSON-RPC errors, never a 500', async () => {
    expect(await rpcError(await post(agent, JSON.stringify([initialize])), 400, -32600)).toMatch(/batches are not supported/);
    expect(await rpcError(await post(agent, '[]'), 400, -32600)).toMatch(/batches/);
    expect(await rpcError(await post(agent, '{"jsonrpc": "2.0", "id": 1, "method":'), 400, -32700)).toMatch(/Parse error/);
    expect(await rpcError(await post(agent, ''), 400, -32700)).toMatch(/Parse error/);
    expect(await rpcError(await post(agent, JSON.stringify({ hello: 'world' })), 400, -32700)).toMatch(/Invalid JSON-RPC message/);
    expect(await rpcError(await post(agent, JSON.stringify(initialize), { 'content-type': 'text/plain' }), 415, -32000)).toMatch(/Content-Type/);
    expect(await rpcError(await post(agent, JSON.stringify(initialize), { accept: 'application/json' }), 406, -32000)).toMatch(/Not Acceptable/);
  });

  it('answers an unknown method with a JSON-RPC error in a 200 response', async () => {
    const response = await post(agent, JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'flights/teleport' }), { 'mcp-protocol-version': LATEST_PROTOCOL_VERSION });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 3, error: { code: -32601 } });
  });

  it('allows requests without Origin, from localhost and from MCP_ALLOWED_ORIGINS; 403 for other origins', async () => {
    for (const origin of ['http://localhost:6274', 'http://127.0.0.1:5173', 'https://portal.example.com']) {
      expect((await post(agent, JSON.stringify(initialize), { origin })).status, origin).toBe(200);
    }
    for (const origin of ['https://evil.example.com', 'null', 'http://localhost.evil.example.com']) {
      expect(await rpcError(await post(agent, JSON.stringify(initialize), { origin }), 403, -32000)).toMatch(/origin .* is not allowed/);
    }
  });
});
