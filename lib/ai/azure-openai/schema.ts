/**
 * The model's I/O as schemas (TypeChat style): what we send, what we accept back. A reply that does
 * not fit is an error the loop reports to the model, never something it acts on.
 */
import type { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { JsonSchemaType } from '@modelcontextprotocol/sdk/validation';
import { z } from 'zod';

export const ToolCall = z.object({
  id: z.string(),
  type: z.literal('function').default('function'),
  function: z.object({ name: z.string(), arguments: z.string() }),
});
export type ToolCall = z.infer<typeof ToolCall>;

export const ModelReply = z.object({
  content: z.string().nullable().default(null),
  tool_calls: z.array(ToolCall).optional(),
  /** Azure's content filter stopped the prompt (HTTP 400 content_filter) or the completion (finish_reason content_filter). */
  filtered: z.enum(['prompt', 'completion']).optional(),
  /** The completion's token counts (its `usage`); absent when the server reports none or refused the prompt. */
  usage: z.object({ prompt_tokens: z.number().int().nonnegative(), completion_tokens: z.number().int().nonnegative() }).optional(),
});
export type ModelReply = z.infer<typeof ModelReply>;

export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface FunctionTool {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export interface ModelRequest {
  messages: ChatMessage[];
  tools: FunctionTool[];
}

/** A tool call's arguments: a JSON object, or the reason it is not one. */
export function parseArguments(call: ToolCall): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  try {
    const value: unknown = JSON.parse(call.function.arguments || '{}');
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { ok: true, value: value as Record<string, unknown> };
    return { ok: false, error: 'arguments must be a JSON object' };
  } catch {
    return { ok: false, error: 'arguments are not valid JSON' };
  }
}

/**
 * Checks arguments against the tool's MCP input schema (JSON Schema) before code acts on them, with the
 * MCP SDK's Ajv validator, which compiles JSON Schema patterns as the specification says (zod's
 * fromJSONSchema does not always). A fresh
 * validator per check: Ajv caches every schema it compiles, and these schemas are built per call.
 */
export function validateArguments(inputSchema: Record<string, unknown>, args: Record<string, unknown>): string | undefined {
  let check: ReturnType<AjvJsonSchemaValidator['getValidator']>;
  try {
    const { AjvJsonSchemaValidator } = require('@modelcontextprotocol/sdk/validation/ajv') as typeof import('@modelcontextprotocol/sdk/validation/ajv');
    check = new AjvJsonSchemaValidator().getValidator(inputSchema as JsonSchemaType);
  } catch {
    return undefined;
  }
  const result = check(args);
  return result.valid ? undefined : result.errorMessage;
}
