import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConflictError, InstanceExistsError, InstanceFinishedError, InstanceNotFoundError, UnknownFunctionError } from './errors';
import { Lease } from './lease';
import type { InstanceQuery, InstanceRecord, TableStore } from './store';
import { type Activity, finishedStatuses, type InstanceStatus, type Orchestrator, type RuntimeStatus } from './types';
import { InstanceRun, type Registry, type WorkerSettings } from './worker';

export interface EngineOptions {
  store: TableStore;
  orchestrators?: Record<string, Orchestrator>;
  activities?: Record<string, Activity>;
  /** How long a worker owns an instance without renewing (default 30 s). */
  leaseMs?: number;
  /** Timers and retries due within this many ms are awaited in the same run (default 1000). */
  inlineWaitMs?: number;
  /** raiseEvent on an instance another worker is running: how long to wait for that run to finish (default 10 s). */
  busyWaitMs?: number;
  /** Polling interval of that wait (default 25 ms). */
  pollMs?: number;
  /** Instances a tick runs at once (default 8). */
  tickConcurrency?: number;
  clock?: () => Date;
}

export interface StatusOptions {
  showHistory?: boolean;
  showInput?: boolean;
}

/**
 * The orchestration engine and its client. Starting an instance or raising an event runs the
 * orchestrator in the caller's request until it waits for something not there yet; tick() resumes
 * instances with due timers or retries and those a crashed worker left behind. Nothing is kept in
 * memory between calls: any process with the same registrations can continue any instance.
 */
export class DurableEngine implements Registry {
  private readonly store: TableStore;
  private readonly orchestrators = new Map<string, Orchestrator>();
  private readonly activities = new Map<string, Activity>();
  private readonly settings: WorkerSettings;
  private readonly busyWaitMs: number;
  private readonly pollMs: number;
  private readonly tickConcurrency: number;

  constructor(options: EngineOptions) {
    this.store = options.store;
    for (const [name, fn] of Object.entries(options.orchestrators ?? {})) this.registerOrchestrator(name, fn);
    for (const [name, fn] of Object.entries(options.activities ?? {})) this.registerActivity(name, fn);
    this.settings = {
      leaseMs: options.leaseMs ?? 30_000,
      inlineWaitMs: options.inlineWaitMs ?? 1000,
      clock: options.clock ?? (() => new Date()),
    };
    this.busyWaitMs = options.busyWaitMs ?? 10_000;
    this.pollMs = options.pollMs ?? 25;
    this.tickConcurrency = options.tickConcurrency ?? 8;
  }

  registerOrchestrator<TInput, TOutput>(name: string, fn: Orchestrator<TInput, TOutput>): this {
    this.orchestrators.set(name, fn as Orchestrator);
    return this;
  }

  registerActivity<TInput, TOutput>(name: string, fn: Activity<TInput, TOutput>): this {
    this.activities.set(name, fn as Activity);
    return this;
  }

  orchestrator(name: string): Orchestrator | undefined {
    return this.orchestrators.get(name);
  }

  activity(name: string): Activity | undefined {
    return this.activities.get(name);
  }

  /** Creates an instance and runs it until it first waits; a finished instance with the same id is replaced. */
  async startNew(name: string, options: { instanceId?: string; input?: unknown } = {}): Promise<InstanceStatus> {
    if (!this.orchestrators.has(name)) throw new UnknownFunctionError('orchestrator', name);
    const instanceId = options.instanceId ?? randomUUID().replaceAll('-', '');
    const existing = await this.store.readInstance(instanceId);
    if (existing) {
      if (!finishedStatuses.includes(existing.record.runtimeStatus)) throw new InstanceExistsError(instanceId, existing.record.runtimeStatus);
      await this.store.purge(instanceId);
    }
    const now = this.settings.clock().toISOString();
    const owner = randomUUID();
    const record: InstanceRecord = {
      instanceId,
      name,
      runtimeStatus: 'Pending',
      input: options.input,
      output: undefined,
      customStatus: undefined,
      createdTime: now,
      lastUpdatedTime: now,
      executionId: randomUUID(),
      historyStart: 0,
      ...Lease.renewal(owner, this.settings),
    };
    let etag: string;
    try {
      etag = await this.store.createInstance(record);
    } catch (error) {
      if (error instanceof ConflictError) throw new InstanceExistsError(instanceId, 'Pending');
      throw error;
    }
    await new InstanceRun(this.store, this, this.settings, Lease.created(this.store, owner, record, etag, this.settings)).drive();
    return this.requireStatus(instanceId);
  }

  /**
   * Delivers an event and runs the instance until it waits again, so the caller gets the reply
   * (customStatus, output) in the same request. Throws InstanceFinishedError for a finished instance.
   */
  async raiseEvent(instanceId: string, eventName: string, data?: unknown): Promise<InstanceStatus> {
    const { record } = await this.require(instanceId);
    if (finishedStatuses.includes(record.runtimeStatus)) throw new InstanceFinishedError(instanceId, record.runtimeStatus);
    await this.store.writeInbox(instanceId, eventName, data, this.settings.clock());
    await this.wake(instanceId);
    return this.requireStatus(instanceId);
  }

  async getStatus(instanceId: string, options: StatusOptions = {}): Promise<InstanceStatus | undefined> {
    const stored = await this.store.readInstance(instanceId);
    if (!stored) return undefined;
    const status = toStatus(stored.record, options.showInput ?? true);
    if (!options.showHistory) return status;
    const { events } = await this.store.loadHistory(instanceId, stored.record.historyStart);
    return { ...status, history: events };
  }

  async listInstances(query: InstanceQuery = {}): Promise<{ instances: InstanceStatus[]; continuationToken?: string }> {
    const page = await this.store.listInstances(query);
    return { ...page, instances: page.instances.map((record) => toStatus(record, false)) };
  }

  /** Stops the instance for good; its output becomes the reason. A finished instance is left as it is. */
  async terminate(instanceId: string, reason?: string): Promise<InstanceStatus> {
    await this.setStatus(instanceId, (status) => !finishedStatuses.includes(status), {
      runtimeStatus: 'Terminated',
      output: reason,
      wakeAt: '',
    });
    return this.requireStatus(instanceId);
  }

  /** Pauses the instance: events are kept until resume. */
  async suspend(instanceId: string): Promise<InstanceStatus> {
    await this.setStatus(instanceId, (status) => status === 'Running' || status === 'Pending' || status === 'ContinuedAsNew', {
      runtimeStatus: 'Suspended',
      wakeAt: '',
    });
    return this.requireStatus(instanceId);
  }

  async resume(instanceId: string): Promise<InstanceStatus> {
    const changed = await this.setStatus(instanceId, (status) => status === 'Suspended', { runtimeStatus: 'Running', leaseOwner: '', leaseUntil: '' });
    if (changed) await this.wake(instanceId);
    return this.requireStatus(instanceId);
  }

  /** Deletes the instance and all its rows; false if it did not exist. */
  async purge(instanceId: string): Promise<boolean> {
    return this.store.purge(instanceId);
  }

  /** Runs every instance with due work: fired timers, due retries, expired leases. Returns how many ran. */
  async tick(): Promise<{ due: number }> {
    const ids = await this.store.dueInstances(this.settings.clock());
    const queue = [...ids];
    const runOne = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) await this.run(id);
    };
    await Promise.all(Array.from({ length: Math.min(this.tickConcurrency, queue.length) }, runOne));
    return { due: ids.length };
  }

  /** Runs the instance if no live worker holds it; returns false when it is busy. */
  async run(instanceId: string): Promise<boolean> {
    const lease = await Lease.acquire(this.store, instanceId, this.settings);
    if (lease === 'busy') return false;
    if (lease) await new InstanceRun(this.store, this, this.settings, lease).drive();
    return true;
  }

  /**
   * Runs the instance here, or, when another worker holds it, tells that worker to look at its
   * inbox (any write changes the row's ETag, which fails the worker's next write) and waits for it.
   */
  private async wake(instanceId: string): Promise<void> {
    const deadline = Date.now() + this.busyWaitMs;
    let signalled = false;
    while (Date.now() < deadline) {
      if (await this.run(instanceId)) return;
      if (!signalled) signalled = await this.signal(instanceId);
      await sleep(this.pollMs);
    }
  }

  private async signal(instanceId: string): Promise<boolean> {
    const stored = await this.store.readInstance(instanceId);
    if (!stored) return false;
    try {
      await this.store.updateInstance(instanceId, { lastUpdatedTime: stored.record.lastUpdatedTime }, stored.etag);
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  /** ETag'd read-modify-write of the status; false when `allowed` says no. */
  private async setStatus(
    instanceId: string,
    allowed: (status: RuntimeStatus) => boolean,
    patch: Parameters<TableStore['updateInstance']>[1],
  ): Promise<boolean> {
    for (;;) {
      const stored = await this.require(instanceId);
      if (!allowed(stored.record.runtimeStatus)) return false;
      try {
        await this.store.updateInstance(instanceId, { ...patch, lastUpdatedTime: this.settings.clock().toISOString() }, stored.etag);
        return true;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
  }

  private async require(instanceId: string) {
    const stored = await this.store.readInstance(instanceId);
    if (!stored) throw new InstanceNotFoundError(instanceId);
    return stored;
  }

  private async requireStatus(instanceId: string): Promise<InstanceStatus> {
    const status = await this.getStatus(instanceId);
    if (!status) throw new InstanceNotFoundError(instanceId);
    return status;
  }
}

function toStatus(record: InstanceRecord, showInput: boolean): InstanceStatus {
  return {
    instanceId: record.instanceId,
    name: record.name,
    runtimeStatus: record.runtimeStatus,
    ...(showInput ? { input: record.input } : {}),
    output: record.output ?? null,
    customStatus: record.customStatus ?? null,
    ...(record.failure ? { failure: record.failure } : {}),
    createdTime: record.createdTime,
    lastUpdatedTime: record.lastUpdatedTime,
  };
}
