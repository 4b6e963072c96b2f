import { randomUUID } from 'node:crypto';
import { ConflictError } from './errors';
import type { InstancePatch, InstanceRecord, TableStore } from './store';
import { finishedStatuses } from './types';

export interface LeaseSettings {
  leaseMs: number;
  clock: () => Date;
}

/**
 * - written: the patch is stored.
 * - signalled: not written; someone touched the row (an event arrived); the lease is still ours, retry after reading the inbox.
 * - stopped: not written; the instance was terminated or suspended; the lease is released.
 * - lost: not written; another worker holds the instance now.
 */
export type LeaseWriteOutcome = 'written' | 'signalled' | 'stopped' | 'lost';

/** The right to advance one instance, held through ETag'd writes of its row until `leaseUntil`. */
export class Lease {
  private constructor(
    private readonly store: TableStore,
    readonly owner: string,
    public record: InstanceRecord,
    private etag: string,
    private readonly settings: LeaseSettings,
  ) {}

  /** Takes the lease if it is free or expired. 'busy' when a live worker holds it; undefined when there is nothing to run. */
  static async acquire(store: TableStore, instanceId: string, settings: LeaseSettings): Promise<Lease | 'busy' | undefined> {
    for (;;) {
      const stored = await store.readInstance(instanceId);
      if (!stored || finishedStatuses.includes(stored.record.runtimeStatus) || stored.record.runtimeStatus === 'Suspended') return undefined;
      const now = settings.clock();
      if (stored.record.leaseOwner && stored.record.leaseUntil > now.toISOString()) return 'busy';
      const lease = new Lease(store, randomUUID(), stored.record, stored.etag, settings);
      if ((await lease.write(lease.renewal())) === 'written') return lease;
    }
  }

  /** A lease for an instance row just created with `owner` holding it. */
  static created(store: TableStore, owner: string, record: InstanceRecord, etag: string, settings: LeaseSettings): Lease {
    return new Lease(store, owner, record, etag, settings);
  }

  static renewal(owner: string, settings: LeaseSettings): Pick<InstanceRecord, 'leaseOwner' | 'leaseUntil' | 'wakeAt'> {
    const until = new Date(settings.clock().getTime() + settings.leaseMs).toISOString();
    // While leased, the instance is due at the lease's expiry: if this worker dies, a tick takes over then.
    return { leaseOwner: owner, leaseUntil: until, wakeAt: until };
  }

  renewal(): InstancePatch {
    return Lease.renewal(this.owner, this.settings);
  }

  /** Re-reads the row; false when another worker holds the instance now. */
  async reload(): Promise<boolean> {
    const current = await this.store.readInstance(this.record.instanceId);
    if (!current || current.record.leaseOwner !== this.owner) return false;
    this.record = current.record;
    this.etag = current.etag;
    return true;
  }

  async write(patch: InstancePatch): Promise<LeaseWriteOutcome> {
    try {
      this.etag = await this.store.updateInstance(this.record.instanceId, patch, this.etag);
      this.record = { ...this.record, ...patch };
      return 'written';
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    if (!(await this.reload())) return 'lost';
    if (this.record.runtimeStatus === 'Terminated' || this.record.runtimeStatus === 'Suspended') {
      await this.write({ leaseOwner: '', leaseUntil: '', wakeAt: '' });
      return 'stopped';
    }
    return 'signalled';
  }
}
