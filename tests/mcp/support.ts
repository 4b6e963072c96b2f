import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import type { TestHost } from '../support/host';

export type Agent = 'airline' | 'booking';

export function mcpUrl(host: TestHost, agent: Agent): string {
  return `${host.baseUrl}/mcp/${agent}`;
}

/** An SDK client over Streamable HTTP with the function key, as VS Code or the orchestrator connect. */
export async function connect(host: TestHost, agent: Agent): Promise<Client> {
  const client = new Client({ name: 'flightbook-tests', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl(host, agent)), { requestInit: { headers: { 'x-functions-key': host.key } } });
  await client.connect(transport);
  return client;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

/** Compiles a tool's JSON Schema (throws when it is not valid JSON Schema). */
export function compile(schema: object) {
  expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  return ajv.compile(schema);
}

/** Calls a tool that must succeed; checks its structuredContent against the tool's outputSchema and its text copy. */
export async function callOk<T = Record<string, unknown>>(client: Client, tools: Tool[], name: string, args: Record<string, unknown>): Promise<T> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
  expect(result.isError, `${name}: ${text}`).toBeFalsy();
  const tool = tools.find((t) => t.name === name)!;
  const validate = compile(tool.outputSchema!);
  expect(validate(result.structuredContent), JSON.stringify(validate.errors)).toBe(true);
  expect(JSON.parse(text)).toEqual(result.structuredContent);
  return result.structuredContent as T;
}

/** Calls a tool that must fail as a tool result (isError), not a protocol error; returns its message. */
export async function callError(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError).toBe(true);
  expect(result.structuredContent).toBeUndefined();
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
}
