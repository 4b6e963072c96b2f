/**
 * An agent answering one MCP request inside this process: a Client and the agent's McpServer joined by
 * the SDK's in-memory transport. The same server definition serves /api/mcp/<agent> over HTTP.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult, type ListToolsResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { version } from '../../package.json';

/** What the agent activities take: a JSON-RPC tools/call (or tools/list) request as an MCP client sends it. */
export const AgentRequest = z.object({ jsonrpc: z.literal('2.0'), id: z.union([z.string(), z.number()]) }).and(z.union([CallToolRequestSchema, ListToolsRequestSchema]));
export type AgentRequest = z.infer<typeof AgentRequest>;

/** A protocol-level failure (malformed request, unknown tool) as a tool error the caller can read. */
function protocolError(error: unknown): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: error instanceof Error ? error.message : String(error) }] };
}

export async function answerInProcess(createServer: () => McpServer, payload: unknown): Promise<CallToolResult | ListToolsResult> {
  const parsed = AgentRequest.safeParse(payload);
  if (!parsed.success) return protocolError(`not an MCP tools/call or tools/list request: ${parsed.error.issues[0]?.message}`);
  const request = parsed.data;
  const server = createServer();
  const client = new Client({ name: 'conversation-orchestrator', version });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  try {
    await server.connect(serverSide);
    await client.connect(clientSide);
    if (request.method === 'tools/list') return await client.listTools(request.params);
    return (await client.callTool(request.params)) as CallToolResult;
  } catch (error) {
    return protocolError(error);
  } finally {
    await client.close();
    await server.close();
  }
}
