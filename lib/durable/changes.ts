/**
 * An in-process hint that an orchestration instance's status changed (its custom status, its runtime
 * status). The local Durable stand-in announces every status it stores; a caller waiting for a
 * status (a conversation waiting for its reply) wakes at once instead of at its next poll. Only a hint:
 * the status itself is still read from the durable client, and where nothing announces (the real
 * extension in Azure, another process) each wait simply lasts its timeout — the caller's poll interval.
 */
import { EventEmitter } from 'node:events';

const changes = new EventEmitter().setMaxListeners(0);

export function announceStatusChange(instanceId: string): void {
  changes.emit(instanceId);
}

export interface StatusWatch {
  /** Resolves at once if the status changed since the last call, else at the next change or after `timeoutMs`. */
  next(timeoutMs: number): Promise<void>;
  close(): void;
}

/** Watches one instance's status changes in this process; changes between two `next` calls are not missed. */
export function watchStatus(instanceId: string): StatusWatch {
  let changed = false;
  let wake: (() => void) | undefined;
  const listener = () => {
    changed = true;
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
      changed = false;
    },
    close: () => changes.off(instanceId, listener),
  };
}
