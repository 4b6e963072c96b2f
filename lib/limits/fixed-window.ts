/**
 * Fixed-window counters shared by every instance of the function app, one Table Storage row per key
 * (a client address, a conversation): { window, count }. Taking a unit reads the row and writes it back
 * under its ETag; a write that lost to another instance's (412, or 409 when both created the row) reads
 * again. A new window resets the same row, so rows grow with keys, not with minutes; the conversation-retention
 * timer deletes the rows not touched within the retention. Each instance remembers the rows it wrote last, so
 * a take is one write under the remembered ETag (or one create for a key it has not seen) rather than a read
 * and a write; a row another instance changed since fails that write and is read again, as a lost write is.
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

/** Rows remembered per instance: the keys active in the last minutes, bounded. */
const remembered = 1000;

export class FixedWindowCounters {
  /** The rows this instance wrote last, by partition and row key, oldest first. */
  private readonly written = new Map<string, CounterRow & { etag: string }>();

  constructor(private readonly table: TableClient) {}

  /** Counts one event of `scope` (what is limited) for `key` (who) if fewer than `limit` were counted in the current window of `windowMs`. */
  async take(scope: string, key: string, limit: number, windowMs: number, now = Date.now()): Promise<Admission> {
    const window = now - (now % windowMs);
    const retryAfterSeconds = Math.max(1, Math.ceil((window + windowMs - now) / 1000));
    const address = { partitionKey: keyOf(key), rowKey: scope };
    const id = `${address.partitionKey}\n${scope}`;
    for (let attempt = 0; attempt < attempts; attempt++) {
      try {
        // First the row as this instance wrote it (a guess its ETag checks), or none for a key it has not counted.
        const row = attempt === 0 ? this.written.get(id) : await this.read(address.partitionKey, address.rowKey);
        const count = row?.window === window ? row.count : 0;
        if (count >= limit) {
          if (attempt === 0 && row) continue; // refused only on the stored row: the remembered one may have been purged
          return { allowed: false, retryAfterSeconds };
        }
        const counted = { ...address, window, count: count + 1 };
        const { etag } = await guarded(() =>
          row ? this.table.updateEntity<CounterRow>(counted, 'Replace', { etag: row.etag }) : this.table.createEntity<CounterRow>(counted),
        );
        this.remember(id, { ...counted, etag: etag! });
        return { allowed: true };
      } catch (error) {
        // 404: the row was purged between the read and the write; read again like a lost write.
        if (!(error instanceof ConflictError) && httpStatusOf(error) !== 404) throw error;
        this.written.delete(id);
        if (attempt > 0) await backOff(attempt);
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

  private remember(id: string, row: CounterRow & { etag: string }): void {
    this.written.delete(id);
    this.written.set(id, row);
    if (this.written.size > remembered) this.written.delete(this.written.keys().next().value!);
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
