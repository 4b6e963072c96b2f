/**
 * An agent answering MCP requests inside this process: a Client and the agent's McpServer joined by
 * the SDK's in-memory transport, connected once per process and shared by concurrent requests (JSON-RPC
 * ids keep them apart). The same server definition serves /api/mcp/<agent> over HTTP.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv-provider.js';
import type { JsonSchemaType, JsonSchemaValidator, jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult, type ListToolsResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { version } from '../../package.json';
import { traced } from '../../lib/telemetry';

/** What the agent activities take: a JSON-RPC tools/call (or tools/list) request as an MCP client sends it. */
export const AgentRequest = z.object({ jsonrpc: z.literal('2.0'), id: z.union([z.string(), z.number()]) }).and(z.union([CallToolRequestSchema, ListToolsRequestSchema]));
export type AgentRequest = z.infer<typeof AgentRequest>;
type ListToolsRequestParams = Extract<AgentRequest, { method: 'tools/list' }>['params'];

/** A protocol-level failure (malformed request, unknown tool) as a tool error the caller can read. */
function protocolError(error: unknown): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: error instanceof Error ? error.message : String(error) }] };
}

/** Compiles each tool's output schema once per process, not once per tools/list (compiling dominated a turn's CPU). */
class CompiledOnce implements jsonSchemaValidator {
  private readonly ajv = new AjvJsonSchemaValidator();
  private readonly compiled = new Map<string, JsonSchemaValidator<unknown>>();

  getValidator<T>(schema: JsonSchemaType): JsonSchemaValidator<T> {
    const key = JSON.stringify(schema);
    let validator = this.compiled.get(key);
    if (!validator) this.compiled.set(key, (validator = this.ajv.getValidator(schema)));
    return validator as JsonSchemaValidator<T>;
  }
}

const validator = new CompiledOnce();
const clients = new Map<() => McpServer, Promise<Client>>();

/** The process's client for an agent, connected on first use; a failed connection is retried by the next request. */
function clientOf(createServer: () => McpServer): Promise<Client> {
  let client = clients.get(createServer);
  if (!client) {
    client = (async () => {
      const connected = new Client({ name: 'conversation-orchestrator', version }, { jsonSchemaValidator: validator });
      const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
      await createServer().connect(serverSide);
      await connected.connect(clientSide);
      connected.onclose = () => clients.delete(createServer);
      return connected;
    })();
    client.catch(() => clients.delete(createServer));
    clients.set(createServer, client);
  }
  return client;
}

const lists = new Map<() => McpServer, Promise<ListToolsResult>>();

/**
 * An agent's tools/list: the same for the life of the process (the tools are code), so it is asked once —
 * converting every tool's schemas to JSON Schema took a fifth of a conversation's CPU when asked per
 * conversation. A paged request (with a cursor) is always passed on.
 */
function toolList(createServer: () => McpServer, client: Client, params: ListToolsRequestParams): Promise<ListToolsResult> {
  if (params?.cursor) return client.listTools(params);
  let list = lists.get(createServer);
  if (!list) {
    list = client.listTools(params);
    list.catch(() => lists.delete(createServer));
    lists.set(createServer, list);
  }
  return list;
}

export async function answerInProcess(createServer: () => McpServer, payload: unknown): Promise<CallToolResult | ListToolsResult> {
  const parsed = AgentRequest.safeParse(payload);
  if (!parsed.success) return protocolError(`not an MCP tools/call or tools/list request: ${parsed.error.issues[0]?.message}`);
  const request = parsed.data;
  try {
    const client = await clientOf(createServer);
    if (request.method === 'tools/list') return await toolList(createServer, client, request.params);
    const tool = request.params.name;
    // A dependency of the activity's operation, named after the tool only: its arguments hold passenger data.
    return (await traced(`mcp tools/call ${tool}`, 'client', { 'rpc.system': 'jsonrpc', 'rpc.method': 'tools/call', 'mcp.tool.name': tool }, () => client.callTool(request.params))) as CallToolResult;
  } catch (error) {
    return protocolError(error);
  }
}
