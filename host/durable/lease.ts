import { randomUUID } from 'node:crypto';
import { ConflictError } from './tables';
import { type DurableStore, finished, type InstancePatch, type InstanceRow } from './store';

/**
 * - written: stored.
 * - signalled: not stored because someone touched the row (a message was posted); still ours — read the inbox and go on.
 * - lost: another worker holds the instance now.
 */
export type WriteResult = 'written' | 'signalled' | 'lost';

/** The instance row as a writer in this process just stored it: a lease can be taken without reading it again. */
export interface KnownRow {
  row: InstanceRow;
  etag: string;
  /** The writer stored the row leased to `row.leaseOwner` (see `claim`): the lease is this process's already. */
  claimed?: boolean;
}

/** The lease columns of a row leased to `owner` for `leaseMs` from now. */
export type LeaseColumns = Pick<InstanceRow, 'leaseOwner' | 'leaseUntil' | 'wakeAt'>;

function leasedTo(owner: string, leaseMs: number, clock: () => Date): LeaseColumns {
  const until = new Date(clock().getTime() + leaseMs).toISOString();
  // While leased the instance is due at the lease's expiry: if this worker dies, the poller takes over then.
  return { leaseOwner: owner, leaseUntil: until, wakeAt: until };
}

/** Lease columns for a row this process is about to write (a new instance, a message), so running it next needs no write of its own. */
export const claim = (leaseMs: number, clock: () => Date): LeaseColumns => leasedTo(randomUUID(), leaseMs, clock);

/** The right to run one instance: ETag-guarded writes of its row, renewed before `leaseUntil`. */
export class Lease {
  /** A write found the row touched since the last write: a message may be waiting in the inbox. */
  private touched = false;

  private constructor(
    private readonly store: DurableStore,
    readonly owner: string,
    public row: InstanceRow,
    private etag: string,
    private readonly leaseMs: number,
    private readonly clock: () => Date,
    /** Taken over the given known row, unchanged since: nobody else ran the instance in between. */
    readonly fromKnown: boolean,
  ) {}

  /** Takes the lease when it is free or expired; undefined when the instance is finished, missing or busy. */
  static async acquire(store: DurableStore, instanceId: string, leaseMs: number, clock: () => Date, known?: KnownRow): Promise<Lease | undefined> {
    if (known?.claimed && known.row.leaseOwner) return new Lease(store, known.row.leaseOwner, known.row, known.etag, leaseMs, clock, true);
    let stored = known;
    for (;;) {
      stored ??= await store.read(instanceId);
      if (!stored || finished.includes(stored.row.runtimeStatus)) return undefined;
      if (stored.row.leaseOwner && stored.row.leaseUntil > clock().toISOString()) return undefined;
      const lease = new Lease(store, randomUUID(), stored.row, stored.etag, leaseMs, clock, stored === known);
      try {
        lease.etag = await store.update(instanceId, lease.renewal(), stored.etag);
        lease.row = { ...lease.row, ...lease.renewal() };
        return lease;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        stored = undefined;
      }
    }
  }

  renewal(): LeaseColumns {
    return leasedTo(this.owner, this.leaseMs, this.clock);
  }

  get expiresSoon(): boolean {
    return new Date(this.row.leaseUntil).getTime() - this.clock().getTime() < this.leaseMs / 2;
  }

  /** True once after a write found the row touched (a message posted since): the inbox must be read. */
  takeTouch(): boolean {
    const touched = this.touched;
    this.touched = false;
    return touched;
  }

  /** Writes the patch (and deletes the consumed inbox messages with it) if nobody touched the row since the last write. */
  async write(patch: InstancePatch, consumed: readonly string[] = []): Promise<WriteResult> {
    try {
      this.etag = await this.store.update(this.row.instanceId, patch, this.etag, consumed);
      this.row = { ...this.row, ...patch };
      return 'written';
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    const current = await this.store.read(this.row.instanceId);
    if (!current || current.row.leaseOwner !== this.owner) return 'lost';
    this.row = current.row;
    this.etag = current.etag;
    this.touched = true;
    return 'signalled';
  }

  /** Writes the patch, retrying over signals; false when the lease is lost. */
  async save(patch: InstancePatch, consumed: readonly string[] = []): Promise<boolean> {
    for (;;) {
      const result = await this.write(patch, consumed);
      if (result !== 'signalled') return result === 'written';
    }
  }
}
