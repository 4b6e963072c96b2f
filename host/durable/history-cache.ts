import type { HistoryEvent } from './history';
import type { InstanceRow } from './store';

/** An instance's current execution as this process last wrote it: its history and the next free row. */
export interface CachedHistory {
  executionId: string;
  historyStart: number;
  events: HistoryEvent[];
  next: number;
}

/**
 * Histories of the instances this process ran last, so taking an instance back (the next message of a
 * conversation) does not read and parse its whole history again. An entry is used only when the instance
 * row, just leased under its ETag, says the history ends where the entry ends (`historyNext`, written with
 * every episode after its rows) in the same execution: a worker of another process that appended since
 * moved `historyNext`, or left rows past it that make this process's next append fail — which drops the entry.
 */
export class HistoryCache {
  private readonly entries = new Map<string, CachedHistory>();

  constructor(private readonly capacity = 256) {}

  /** The cached history when it is the instance's whole current history according to its row. */
  take(row: InstanceRow): { events: HistoryEvent[]; next: number } | undefined {
    const entry = this.entries.get(row.instanceId);
    this.entries.delete(row.instanceId);
    if (!entry || entry.executionId !== row.executionId || entry.historyStart !== row.historyStart || entry.next !== row.historyNext) return undefined;
    return { events: entry.events, next: entry.next };
  }

  keep(instanceId: string, entry: CachedHistory): void {
    this.entries.delete(instanceId);
    this.entries.set(instanceId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(instanceId: string): void {
    this.entries.delete(instanceId);
  }
}
