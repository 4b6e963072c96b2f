import { createHash } from 'node:crypto';
import type { HttpRequest } from '@azure/functions';
import type { Actor, WriteContext } from '../bookings/service';
import { z } from 'zod';
import { clientAddress } from './client-address';
import { HttpError } from './problem';

const keyRule = 'must be 1–200 visible ASCII characters';
export const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,200}$/, keyRule).describe('Repeat a write safely: the same key and body replay the first answer');

/**
 * The write context of a request: who acts, its Idempotency-Key (with a hash of the request, so a
 * reused key with another body is caught) and its If-Match.
 */
export function writeContext(request: HttpRequest, actor: Actor, body: unknown = null): WriteContext {
  const key = request.headers.get('idempotency-key') ?? undefined;
  if (key !== undefined && !IdempotencyKey.safeParse(key).success) {
    throw new HttpError(400, `Idempotency-Key ${keyRule}`, { errors: [{ field: 'headers.idempotency-key', message: keyRule }] });
  }
  const requestHash = createHash('sha256').update(`${request.method} ${new URL(request.url).pathname}\n${JSON.stringify(body)}`).digest('hex');
  return {
    actor,
    idempotency: key === undefined ? undefined : { key, requestHash },
    ifMatch: request.headers.get('if-match') ?? undefined,
  };
}

/** An anonymous caller as the store keeps it, for the limit on open holds: a hash of its address, never the address. */
export function clientKey(request: Pick<HttpRequest, 'headers'>): string {
  return createHash('sha256').update(clientAddress(request)).digest('hex').slice(0, 32);
}
