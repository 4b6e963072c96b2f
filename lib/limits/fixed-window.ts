/**
 * Fixed-window counters shared by every instance of the function app, one Table Storage row per key
 * (a client address, a conversation): { window, count }. Taking a unit reads the row and writes it back
 * under its ETag; a write that lost to another instance's (412, or 409 when both created the row) reads
 * again. A new window resets the same row, so rows grow with keys, not with minutes; the conversation-retention
 * timer deletes the rows not touched within the retention.
 */
import type { TableClient } from '@azure/data-tables';
import { ConflictError, guarded, httpStatusOf, odata } from '../tables/client';

interface CounterRow {
  partitionKey: string;
  rowKey: string;
  /** Start of the window counted, ms since the epoch. */
  window: number;
  count: number;
}

export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Lost writes tried again before the caller is told to retry. Each round of a burst on one key lets at
 * least one writer through, so a burst of n needs up to n rounds: this bound covers any burst a limit admits.
 */
const attempts = 64;

/** A short random pause after a lost write, so the writers of a burst do not collide again in lockstep. */
const backOff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 5 * (attempt + 1))));

/** Table keys may not hold / \ # ? or control characters (an IPv6 address's colons are fine). */
const keyOf = (key: string) => key.replace(/[/\\#?\u0000-\u001f\u007f]/g, '_');

export class FixedWindowCounters {
  constructor(private readonly table: TableClient) {}

  /** Counts one event of `scope` (what is limited) for `key` (who) if fewer than `limit` were counted in the current window of `windowMs`. */
  async take(scope: string, key: string, limit: number, windowMs: number, now = Date.now()): Promise<Admission> {
    const window = now - (now % windowMs);
    const retryAfterSeconds = Math.max(1, Math.ceil((window + windowMs - now) / 1000));
    const address = { partitionKey: keyOf(key), rowKey: scope };
    for (let attempt = 0; attempt < attempts; attempt++) {
      try {
        const row = await this.read(address.partitionKey, address.rowKey);
        if (!row) {
          await guarded(() => this.table.createEntity<CounterRow>({ ...address, window, count: 1 }));
          return { allowed: true };
        }
        const count = row.window === window ? row.count : 0;
        if (count >= limit) return { allowed: false, retryAfterSeconds };
        await guarded(() => this.table.updateEntity<CounterRow>({ ...address, window, count: count + 1 }, 'Replace', { etag: row.etag }));
        return { allowed: true };
      } catch (error) {
        // 404: the row was purged between the read and the write; read again like a lost write.
        if (!(error instanceof ConflictError) && httpStatusOf(error) !== 404) throw error;
        await backOff(attempt);
      }
    }
    return { allowed: false, retryAfterSeconds: 1 };
  }

  /** Deletes the rows whose window started before `before` (ms since the epoch): their keys have not been seen since. */
  async purge(before: number): Promise<number> {
    let deleted = 0;
    for await (const row of this.table.listEntities<CounterRow>({ queryOptions: { filter: odata`window lt ${before}`, select: ['PartitionKey', 'RowKey'] } })) {
      try {
        await this.table.deleteEntity(row.partitionKey!, row.rowKey!);
        deleted++;
      } catch (error) {
        if (httpStatusOf(error) !== 404) throw error;
      }
    }
    return deleted;
  }

  private async read(partitionKey: string, rowKey: string): Promise<(CounterRow & { etag: string }) | undefined> {
    try {
      return await this.table.getEntity<CounterRow>(partitionKey, rowKey);
    } catch (error) {
      if (httpStatusOf(error) === 404) return undefined;
      throw error;
    }
  }
}
