import { createHash } from 'node:crypto';
import type { HttpRequest } from '@azure/functions';
import type { Actor, WriteContext } from '../bookings/service';
import { HttpError } from './problem';

/**
 * The write context of a request: who acts, its Idempotency-Key (with a hash of the request, so a
 * reused key with another body is caught) and its If-Match.
 */
export function writeContext(request: HttpRequest, actor: Actor, body: unknown = null): WriteContext {
  const key = request.headers.get('idempotency-key') ?? undefined;
  if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new HttpError(400, 'Idempotency-Key must be 1–200 visible ASCII characters', {
      errors: [{ field: 'headers.idempotency-key', message: 'must be 1–200 visible ASCII characters' }],
    });
  }
  const requestHash = createHash('sha256').update(`${request.method} ${new URL(request.url).pathname}\n${JSON.stringify(body)}`).digest('hex');
  return {
    actor,
    idempotency: key === undefined ? undefined : { key, requestHash },
    ifMatch: request.headers.get('if-match') ?? undefined,
  };
}
