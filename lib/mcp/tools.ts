/**
 * The agents' tools as the assistant sees them (MCP tools/list), what a tools/call returned, and what
 * a tool may do. What a tool may do is declared once, on the tool: its MCP annotations say whether it
 * only reads, its `_meta` whether it is for staff, which argument carries the idempotency key and
 * what to say when it has run. A tool that declares nothing is a write that needs the user's yes.
 */
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';

/** The two MCP servers the assistant coordinates, by the name of the activity that serves each. */
export const agents = { airline: 'AirlineAgent', booking: 'BookingAgent' } as const;
export type AgentName = keyof typeof agents;

export type Language = 'zh' | 'en';

/** The `_meta` keys this app's tools declare (namespaced, as MCP asks of `_meta` keys). */
export const toolMeta = {
  /** 'staff': offered only to an agent desk (it reveals bookings without a reference and surname). */
  audience: 'flightbooking/audience',
  /** The argument that takes an idempotency key: one key per accepted proposal. */
  idempotencyKey: 'flightbooking/idempotency-key',
  /** What to tell the user once the write has run, per language: {reference} and {booking} are filled in. */
  done: 'flightbooking/done',
} as const;

export interface ToolDescription {
  agent: AgentName;
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
  annotations?: ToolAnnotations;
  _meta?: Record<string, unknown>;
}

export interface ToolResult {
  isError: boolean;
  /** structuredContent when the tool gives it, else the text content parsed as JSON when it is JSON, else the text. */
  result: unknown;
}

export interface ToolPolicy {
  /** Anything but a tool that declares readOnlyHint: true. */
  writes: boolean;
  /** A write runs only after the user accepted it as a proposal. */
  needsConfirmation: boolean;
  staffOnly: boolean;
  idempotencyKey?: string;
  done?: Record<Language, string>;
}

const isText = (value: unknown): value is Record<Language, string> =>
  typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).zh === 'string' && typeof (value as Record<string, unknown>).en === 'string';

/** What a tool may do, from its declaration; an unknown tool, or one that declares nothing, writes and needs a yes. */
export function policyOf(tool: ToolDescription | undefined): ToolPolicy {
  const writes = tool?.annotations?.readOnlyHint !== true;
  const meta = tool?._meta ?? {};
  const key = meta[toolMeta.idempotencyKey];
  const done = meta[toolMeta.done];
  return {
    writes,
    needsConfirmation: writes,
    staffOnly: meta[toolMeta.audience] === 'staff',
    ...(typeof key === 'string' && { idempotencyKey: key }),
    ...(isText(done) && { done }),
  };
}

/** The tools a conversation of this role may use: the staff tools only at an agent desk. */
export function toolsFor(tools: ToolDescription[], role: 'traveller' | 'staff'): ToolDescription[] {
  return role === 'staff' ? tools : tools.filter((tool) => !policyOf(tool).staffOnly);
}

function textOf(content: CallToolResult['content'] | undefined): string {
  return (content ?? [])
    .filter((part): part is { type: 'text'; text: string } => part.type === 'text' && typeof part.text === 'string')
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

/** An MCP tools/call result as the planners read it. */
export function toolResultOf(response: CallToolResult): ToolResult {
  return { isError: response.isError === true, result: response.structuredContent ?? parseText(textOf(response.content)) };
}
