/**
 * An in-process hint that an orchestration instance's status changed (its custom status, its runtime
 * status). The local Durable stand-in announces every status it stores, with that status, and says which
 * instances it is running in this process: a caller waiting for a status (a conversation waiting for its
 * reply) wakes at once instead of at its next poll, takes a reply from the announced status (stored before it
 * was announced, so final), and needs no poll while the run that will announce the reply is here. Where
 * nothing announces (the real extension in Azure, a run in another process) each wait lasts its timeout —
 * the caller's poll interval — and the status is read from the durable client.
 */
import { EventEmitter } from 'node:events';

/** A status as the stand-in just stored it. */
export interface StoredStatus {
  runtimeStatus: string;
  customStatus: unknown;
}

const changes = new EventEmitter().setMaxListeners(0);
const running = new Set<string>();

export function announceStatusChange(instanceId: string, stored?: StoredStatus): void {
  changes.emit(instanceId, stored);
}

/** The stand-in starts (true) or ends (false) a run of the instance in this process; an end wakes every waiter. */
export function announceRun(instanceId: string, runs: boolean): void {
  if (runs) return void running.add(instanceId);
  running.delete(instanceId);
  changes.emit(instanceId, undefined);
}

/** True while a run of the instance in this process announces every status it stores. */
export const runsHere = (instanceId: string): boolean => running.has(instanceId);

export interface StatusWatch {
  /**
   * Resolves at once if the status changed since the last call, else at the next change or after `timeoutMs`;
   * with the status the last change announced, if it came with one.
   */
  next(timeoutMs: number): Promise<StoredStatus | undefined>;
  close(): void;
}

/** Watches one instance's status changes in this process; changes between two `next` calls are not missed. */
export function watchStatus(instanceId: string): StatusWatch {
  let changed = false;
  let latest: StoredStatus | undefined;
  let wake: (() => void) | undefined;
  const listener = (stored: StoredStatus | undefined) => {
    changed = true;
    latest = stored;
    wake?.();
  };
  changes.on(instanceId, listener);
  return {
    async next(timeoutMs) {
      if (!changed) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
      const stored = changed ? latest : undefined;
      changed = false;
      latest = undefined;
      return stored;
    },
    close: () => changes.off(instanceId, listener),
  };
}
