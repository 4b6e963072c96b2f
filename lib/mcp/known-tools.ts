import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

/** The tool names each server registered, so a call naming another can be answered as the protocol says. */
const toolNames = new WeakMap<McpServer, Set<string>>();

export function rememberTool(server: McpServer, name: string): void {
  const names = toolNames.get(server) ?? new Set<string>();
  names.add(name);
  toolNames.set(server, names);
}

/** The name of the tool a tools/call message asks for when the server has no such tool. */
export function unknownToolOf(server: McpServer, message: unknown): string | undefined {
  const call = message as { method?: unknown; params?: { name?: unknown } } | null;
  if (call?.method !== 'tools/call' || typeof call.params?.name !== 'string') return undefined;
  const names = toolNames.get(server);
  return names && !names.has(call.params.name) ? call.params.name : undefined;
}
