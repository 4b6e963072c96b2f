import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { DomainError, type DomainErrorKind } from '../../lib/domain/errors';
import { rememberTool } from '../../lib/mcp/known-tools';
import { toolMeta, type Language } from '../../lib/mcp/tools';
import { traced } from '../../lib/telemetry';

/** Tools that only read: safe to call any time, any number of times. */
export const reads = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const satisfies ToolAnnotations;

/** Tools that write bookings. `destructive`: undoes or replaces something; `idempotent`: a repeat changes nothing more. */
export function writes(options: { destructive: boolean; idempotent: boolean }): ToolAnnotations {
  return { readOnlyHint: false, destructiveHint: options.destructive, idempotentHint: options.idempotent, openWorldHint: false };
}

/** `_meta`: offered to an agent desk only (see lib/mcp/tools.ts for what each key means to the assistant). */
export const staffOnly = { [toolMeta.audience]: 'staff' } as const;

/** `_meta`: this argument takes an idempotency key, and what the assistant says once the write has run. */
export function writeMeta(done: Record<Language, string>, idempotencyKey?: string): Record<string, unknown> {
  return { [toolMeta.done]: done, ...(idempotencyKey && { [toolMeta.idempotencyKey]: idempotencyKey }) };
}

const labels: Record<DomainErrorKind, string> = {
  invalid: 'Invalid request',
  not_found: 'Not found',
  conflict: 'Conflict',
  sold_out: 'Sold out',
  stale: 'Changed meanwhile',
  forbidden: 'Not allowed',
  too_many: 'Too many',
};

/** A successful result: the value as structuredContent and the same JSON as text, for clients that read only text. */
export function ok(value: Record<string, unknown>): CallToolResult {
  return { structuredContent: value, content: [{ type: 'text', text: JSON.stringify(value) }] };
}

/**
 * The tool argument a domain field came from: the field's own name or its innermost part
 * (`change_flight.date` → `date`), renamed by the tool's `fields` (`date` → `new_date`).
 */
export function argumentOf(field: string, argumentNames: readonly string[], renamed: Record<string, string> = {}): string | undefined {
  const parts = [field, ...field.split(/[.[\]]+/).filter((part) => part && !/^\d+$/.test(part)).reverse()];
  for (const part of parts) {
    const name = renamed[part] ?? part;
    if (argumentNames.includes(name)) return name;
  }
  return undefined;
}

/**
 * A failure the model can act on ("Sold out: …", "Not found: …"); no structuredContent, so no
 * output schema applies. `_meta.argument` names the argument at fault, when there is one.
 */
export function failure(error: DomainError, argument?: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: `${labels[error.kind]}: ${error.message}` }], ...(argument ? { _meta: { argument } } : {}) };
}

const unexpected: CallToolResult = {
  isError: true,
  content: [{ type: 'text', text: 'Internal error: the flight booking system failed unexpectedly; try again later or tell the user.' }],
};

export interface ToolSpec<Input extends z.ZodObject, Output extends z.ZodObject> {
  title: string;
  description: string;
  input: Input;
  /** An object schema with no root id (a shared schema with .meta({ id }) becomes a $ref: inline it as z.object(X.shape)). */
  output: Output;
  annotations: ToolAnnotations;
  /** Declarations for the assistant beyond the annotations: staffOnly, writeMeta(…). */
  meta?: Record<string, unknown>;
  /** Domain field names the services use for what this tool calls otherwise, e.g. `{ date: 'new_date' }`. */
  fields?: Record<string, string>;
}

/**
 * Registers a tool whose handler returns its structured result or throws a DomainError. Domain
 * failures become `isError` results with a message; other errors are logged and reported without
 * their internals. Malformed arguments never reach the handler: the SDK answers them.
 */
export function tool<Input extends z.ZodObject, Output extends z.ZodObject>(
  server: McpServer,
  name: string,
  spec: ToolSpec<Input, Output>,
  handler: (args: z.output<Input>) => Promise<z.input<Output>>,
): void {
  rememberTool(server, name);
  server.registerTool(
    name,
    {
      title: spec.title,
      description: spec.description,
      inputSchema: spec.input,
      outputSchema: spec.output,
      annotations: { title: spec.title, ...spec.annotations },
      ...(spec.meta && { _meta: spec.meta }),
    },
    (async (args: z.output<Input>) => {
      try {
        return ok(await traced(`MCP tools/call ${name}`, 'internal', { 'mcp.tool': name }, () => handler(args)));
      } catch (error) {
        if (error instanceof DomainError) return failure(error, error.field === undefined ? undefined : argumentOf(error.field, Object.keys(spec.input.shape), spec.fields));
        console.error(`MCP tool ${name} failed:`, error);
        return unexpected;
      }
    }) as never,
  );
}
