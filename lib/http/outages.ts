import { StoreUnavailableError } from '../store/store';

/** Socket-level failures: the service behind the connection is down or unreachable, not the request at fault. */
const unreachable = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ESOCKET']);

export interface Outage {
  detail: string;
  retryAfterSeconds: number;
}

/**
 * The dependency outage an error stands for, if it is one: the database (StoreUnavailableError), or a
 * storage service that cannot be reached — Table Storage directly (a RestError with a socket code) or
 * through the durable client, whose error carries the 503 its management API answered.
 */
export function outageOf(error: unknown): Outage | undefined {
  if (error instanceof StoreUnavailableError) return { detail: 'The database is unavailable; try again shortly', retryAfterSeconds: error.retryAfterSeconds };
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    const code = (cause as { code?: unknown }).code;
    if ((typeof code === 'string' && unreachable.has(code)) || /unexpected status code: 503\b/.test(cause.message)) {
      return { detail: 'The storage service (Azure Table Storage) is unavailable; try again shortly', retryAfterSeconds: 5 };
    }
  }
  return undefined;
}
