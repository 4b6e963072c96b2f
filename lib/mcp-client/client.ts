import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { config } from '../config';
import { traced, tracingFetch } from '../telemetry';

/** The two MCP servers the assistant coordinates. */
export const agents = { airline: 'AirlineAgent', booking: 'BookingAgent' } as const;
export type AgentName = keyof typeof agents;

export interface ToolDescription {
  agent: AgentName;
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

export interface ToolResult {
  isError: boolean;
  /** structuredContent when the tool gives it, else the text content parsed as JSON when it is JSON, else the text. */
  result: unknown;
}

function endpoint(agent: AgentName): URL {
  return new URL(`${config().publicBaseUrl}/mcp/${agent}`);
}

/** One short-lived MCP session over Streamable HTTP: the servers are stateless, so nothing is kept between calls. */
async function withClient<T>(agent: AgentName, use: (client: Client) => Promise<T>, signal?: AbortSignal): Promise<T> {
  // The MCP SDK loads with the first tool call, not at start.
  const { Client } = require('@modelcontextprotocol/sdk/client/index.js') as typeof import('@modelcontextprotocol/sdk/client/index.js');
  const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js') as typeof import('@modelcontextprotocol/sdk/client/streamableHttp.js');
  const key = process.env.FUNCTIONS_API_KEY;
  const transport = new StreamableHTTPClientTransport(endpoint(agent), {
    requestInit: { headers: key ? { 'x-functions-key': key } : {}, signal },
    fetch: tracingFetch,
  });
  const client = new Client({ name: 'flight-assistant', version: '1.0.0' });
  await client.connect(transport);
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

function textOf(content: unknown): string {
  if (!Array.isArray(content)) return '';
  return content
    .filter((part): part is { type: 'text'; text: string } => part?.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text)
    .join('\n');
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function listTools(agent: AgentName, signal?: AbortSignal): Promise<ToolDescription[]> {
  return withClient(
    agent,
    async (client) => {
      const { tools } = await client.listTools();
      return tools.map((tool) => ({ agent, name: tool.name, description: tool.description ?? '', inputSchema: tool.inputSchema as Record<string, unknown> }));
    },
    signal,
  );
}

export async function callTool(agent: AgentName, name: string, args: Record<string, unknown>, signal?: AbortSignal): Promise<ToolResult> {
  const attributes = { 'mcp.server': agents[agent], 'mcp.tool': name };
  return traced(`MCP ${agents[agent]} tools/call ${name}`, 'client', attributes, () => withClient(
    agent,
    async (client) => {
      const response = await client.callTool({ name, arguments: args }, undefined, { signal });
      const isError = response.isError === true;
      const structured = (response as { structuredContent?: unknown }).structuredContent;
      return { isError, result: structured ?? parseText(textOf(response.content)) };
    },
    signal,
  ));
}
