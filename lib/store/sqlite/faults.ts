import { setTimeout as sleep } from 'node:timers/promises';
import { StoreUnavailableError } from '../store';

/**
 * Storage faults of a SQLite file: the disk, the file or another process failed, not the request.
 * A lock is waited out asynchronously — better-sqlite3 is synchronous, so its busy_timeout would
 * freeze every request of the process while it waits — and the others are reported at once; both
 * end as StoreUnavailableError (503 with Retry-After), never as an internal error.
 */
const lockCodes = /^SQLITE_(BUSY|LOCKED)/;
const faultCodes = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|NOLFS|PROTOCOL)/;

/** How long one statement may block the event loop waiting for a lock (SQLite's own busy handler). */
export const busyTimeoutMs = 5;
/** How long an operation waits out another process's lock, asynchronously, before it answers 503. */
export const lockWaitMs = 3_000;

const codeOf = (error: unknown) => (error instanceof Error ? (error as { code?: unknown }).code : undefined);

/** The SQLite code of a storage fault, or undefined for anything else (a constraint, a bug). */
export function storageFault(error: unknown): string | undefined {
  const code = codeOf(error);
  return typeof code === 'string' && faultCodes.test(code) ? code : undefined;
}

function unavailable(code: string, error: Error): StoreUnavailableError {
  const reason = lockCodes.test(code)
    ? 'the database is locked by another process'
    : code === 'SQLITE_FULL'
      ? 'the disk is full'
      : code.startsWith('SQLITE_READONLY')
        ? 'the database file is read-only'
        : 'the database file cannot be read or written';
  return new StoreUnavailableError(`${reason} (${code}: ${error.message})`, { cause: error, retryAfterSeconds: lockCodes.test(code) ? 5 : 30 });
}

/** The last write that failed for a storage fault, until a write succeeds again. */
export interface WriteFaults {
  last?: { code: string; message: string; at: string };
}

/**
 * Runs one store operation (one transaction): a lock is retried with backoff until `lockWaitMs`,
 * any storage fault becomes StoreUnavailableError and, for a write, is remembered for /api/health.
 */
export async function guarded<T>(operation: () => Promise<T>, write: boolean, faults: WriteFaults): Promise<T> {
  const deadline = Date.now() + lockWaitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await operation();
      if (write) faults.last = undefined;
      return result;
    } catch (error) {
      const code = storageFault(error);
      if (!code) throw error;
      if (lockCodes.test(code) && Date.now() < deadline) {
        await sleep(Math.min(200, 5 * 2 ** attempt));
        continue;
      }
      const failure = unavailable(code, error as Error);
      if (write) faults.last = { code, message: failure.message, at: new Date().toISOString() };
      throw failure;
    }
  }
}

/** A repository whose every method runs guarded; `writes` names the methods that write. */
export function guardedRepository<T extends object>(repository: T, writes: ReadonlySet<string>, faults: WriteFaults): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(repository)) {
    wrapped[name] = typeof method === 'function' ? (...args: unknown[]) => guarded(() => method.apply(repository, args) as Promise<unknown>, writes.has(name), faults) : method;
  }
  return wrapped as T;
}
