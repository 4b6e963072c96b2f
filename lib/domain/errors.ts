import type { z } from 'zod';

/**
 * Failures a caller can act on. HTTP maps them to problem+json statuses; MCP returns them as
 * tool results with isError. `field` names the input at fault when there is one.
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'sold_out' | 'stale' | 'forbidden' | 'too_many';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly field?: string,
    /** For `too_many`: seconds until trying again can succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** A field's path as problem details name it: `passengers[0].name` (appended to `body`, `query` … by HTTP). */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '');
}

/** The field a zod issue is about; for unknown keys, the first unknown key. */
export function issueField(issue: z.core.$ZodIssue): string {
  return fieldPath(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path);
}

export const invalid = (field: string, message: string) => new DomainError('invalid', message, field);
export const notFound = (message: string, field?: string) => new DomainError('not_found', message, field);
export const conflict = (message: string, field?: string) => new DomainError('conflict', message, field);
