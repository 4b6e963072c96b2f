/**
 * Transient-fault policy for Azure SQL: which errors are worth another try, how long to wait, and
 * the unit of retry — a whole transaction, opened afresh, never a single statement inside one
 * (after a deadlock or a dropped connection the server has already rolled the transaction back).
 * A transient fault that outlasts the attempts is the database being unavailable: 503 with Retry-After.
 */
import { StoreUnavailableError } from '../store';

/** Error numbers Azure SQL documents as transient, plus deadlock victim (1205). */
export const transientErrorNumbers: ReadonlySet<number> = new Set([
  40613, 40197, 40501, 49918, 49919, 49920, 4060, 4221, 10928, 10929, 10053, 10054, 10060, 233, 64, 1205,
]);

/** Driver error codes for a connection that broke or timed out before an answer came back. */
const transientCodes: ReadonlySet<string> = new Set(['ESOCKET', 'ECONNRESET', 'ETIMEOUT']);

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 8_000 };

interface DriverError {
  number?: unknown;
  code?: unknown;
  isTransient?: unknown;
  originalError?: unknown;
}

/** True for errors a fresh attempt may not hit: the listed numbers, broken connections, tedious's transient login errors. */
export function isTransient(error: unknown): boolean {
  for (let e = error as DriverError | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.originalError as DriverError, depth++) {
    if (typeof e.number === 'number' && transientErrorNumbers.has(e.number)) return true;
    if (typeof e.code === 'string' && transientCodes.has(e.code)) return true;
    if (e.isTransient === true) return true;
  }
  return false;
}

/** Wait before attempt `attempt + 1` (attempt counts from 1): exponential backoff with full jitter. */
export function retryDelay(attempt: number, policy: RetryPolicy = defaultRetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

export interface RetryOptions {
  policy?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` until it succeeds, fails with a non-transient error, or runs out of attempts (then StoreUnavailableError). */
export async function withRetry<T>(work: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const policy = options.policy ?? defaultRetryPolicy;
  const sleep = options.sleep ?? sleepFor;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (!isTransient(error)) throw error;
      if (attempt >= policy.maxAttempts) throw new StoreUnavailableError(`Azure SQL is unavailable after ${attempt} attempts`, { cause: error });
      await sleep(retryDelay(attempt, policy, options.random));
    }
  }
}

/** The little a transaction runner needs from a driver's transaction. */
export interface TransactionHandle {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/**
 * A COMMIT that failed in transit may or may not have happened: never retried here. The client is told
 * to try again later (503); its Idempotency-Key makes that retry safe whichever way the COMMIT went.
 */
export class CommitOutcomeUnknownError extends StoreUnavailableError {
  override readonly name = 'CommitOutcomeUnknownError';
}

/**
 * Runs `work` in a transaction that `begin` opens; on a transient failure the whole transaction is
 * rolled back and run again from `begin`, never resumed statement by statement.
 */
export async function inRetriedTransaction<T, X extends TransactionHandle>(
  begin: () => Promise<X>,
  work: (transaction: X) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  return withRetry(async () => {
    const transaction = await begin();
    let result: T;
    try {
      result = await work(transaction);
    } catch (error) {
      // The server may have rolled back already (deadlock victim, broken connection); the work's error is what matters.
      await transaction.rollback().catch(() => undefined);
      throw error;
    }
    try {
      await transaction.commit();
    } catch (error) {
      throw new CommitOutcomeUnknownError('Azure SQL: the COMMIT failed in transit; whether the transaction was applied is unknown', { cause: error });
    }
    return result;
  }, options);
}
