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

export const invalid = (field: string, message: string) => new DomainError('invalid', message, field);
export const notFound = (message: string, field?: string) => new DomainError('not_found', message, field);
export const conflict = (message: string, field?: string) => new DomainError('conflict', message, field);
