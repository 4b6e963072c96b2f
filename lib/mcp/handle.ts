import { HttpResponse, type HttpRequest } from '@azure/functions';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { config } from '../config';
import { readableBodyEncodingHeaders, unreadableBodyReason } from '../http/body-encoding';
import { unknownToolOf } from './known-tools';

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);
/** JSON-RPC's implementation-defined server error, as the SDK's transport uses for HTTP-level refusals. */
const serverError = -32000;

/** Browsers send Origin; a page from another site must not drive the agents (DNS rebinding). */
export function originAllowed(origin: string | null, allowed: readonly string[]): boolean {
  if (origin === null || allowed.includes(origin)) return true;
  try {
    return localHosts.has(new URL(origin).hostname);
  } catch {
    return false;
  }
}

function rpcError(status: number, code: number, message: string, headers: Record<string, string> = {}): HttpResponse {
  return new HttpResponse({ status, headers, jsonBody: { jsonrpc: '2.0', error: { code, message }, id: null } });
}

function parsed(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch {
    return undefined;
  }
}

/**
 * One MCP request over Streamable HTTP, stateless: a new server and transport per request, JSON
 * responses (no SSE stream, no session). Only POST carries messages; JSON-RPC batches are refused
 * as MCP 2025-06-18 and later have no batching.
 */
export async function handleMcp(request: HttpRequest, createServer: () => McpServer): Promise<HttpResponse> {
  const origin = request.headers.get('origin');
  if (!originAllowed(origin, config().mcpAllowedOrigins)) {
    return rpcError(403, serverError, `Forbidden: origin ${origin} is not allowed (MCP_ALLOWED_ORIGINS)`);
  }
  if (request.method !== 'POST') {
    return rpcError(405, serverError, 'Method not allowed: this stateless MCP endpoint takes POST only (no SSE stream, no sessions)', { allow: 'POST' });
  }
  const unreadable = unreadableBodyReason(request.headers);
  if (unreadable) return rpcError(415, ErrorCode.ParseError, `Unsupported Media Type: ${unreadable}`, readableBodyEncodingHeaders);
  const body = new Uint8Array(await request.arrayBuffer());
  const message = parsed(body);
  if (Array.isArray(message)) return rpcError(400, ErrorCode.InvalidRequest, 'Invalid Request: JSON-RPC batches are not supported; send one message per request');

  const server = createServer();
  // MCP 2025-11-25: an unknown tool is a protocol error (-32602); the SDK would answer it as a tool result.
  const unknownTool = unknownToolOf(server, message);
  if (unknownTool !== undefined) {
    await server.close();
    const id = (message as { id?: unknown }).id ?? null;
    return new HttpResponse({ status: 200, jsonBody: { jsonrpc: '2.0', id, error: { code: ErrorCode.InvalidParams, message: `Unknown tool: ${unknownTool}` } } });
  }
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  try {
    await server.connect(transport);
    const response = await transport.handleRequest(new Request(request.url, { method: 'POST', headers: Object.fromEntries(request.headers), body }));
    return new HttpResponse({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: response.body ? new Uint8Array(await response.arrayBuffer()) : undefined,
    });
  } finally {
    await server.close();
  }
}
