import { randomUUID } from 'node:crypto';
import { ConflictError } from './tables';
import { durableFunction } from './functions';
import { EventType, type HistoryEvent, historyEvent, jsonText } from './history';
import type { OrchestrationRunner, WakeHint } from './runner';
import { currentTraceContext } from '../../lib/telemetry';
import { statusPayload, type StatusOptions, type StatusPayload } from './status';
import { traceColumns, traceField } from './tracing';
import { finished, type InstanceQuery, type InstanceRow, type RuntimeStatus } from './store';

export class UnknownOrchestratorError extends Error {}

/** An instance with this id exists and has not finished (the extension refuses to start it again). */
export class InstanceRunningError extends Error {}

export type Answer = 'accepted' | 'notFound' | 'gone';

/**
 * What the Durable client does for the management API and the SDK's DurableClient: start, status,
 * list, raise, terminate, suspend, resume, purge — over the stand-in's tables. Messages for an
 * instance (events, terminate…) go to its inbox and the instance is woken, as DTFx queues them.
 */
export class DurableClientService {
  constructor(
    readonly runner: OrchestrationRunner,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private get store() {
    return this.runner.store;
  }

  async start(name: string, instanceId: string | undefined, input: unknown): Promise<string> {
    const registration = durableFunction('orchestration', name);
    if (!registration) throw new UnknownOrchestratorError(`The function '${name}' doesn't exist, is disabled, or is not an orchestrator function.`);
    const id = instanceId || randomUUID().replaceAll('-', '');
    const now = this.clock().toISOString();
    const row: InstanceRow = {
      instanceId: id,
      name: registration.metadata.name,
      runtimeStatus: 'Pending',
      input,
      output: undefined,
      customStatus: undefined,
      createdTime: now,
      lastUpdatedTime: now,
      executionId: randomUUID(),
      historyStart: 0,
      parentInstanceId: '',
      parentTaskId: -1,
      ...this.runner.claim(),
      ...traceColumns(currentTraceContext()),
    };
    const etag = await this.create(row);
    void this.runner.wake(id, { row, etag, created: true, claimed: true });
    return id;
  }

  /** Creates the instance row; an instance with this id that has finished is purged first (the extension starts it afresh). */
  private async create(row: InstanceRow): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.store.create(row);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
      const existing = await this.store.read(row.instanceId);
      if (existing && (attempt > 0 || !finished.includes(existing.row.runtimeStatus))) {
        throw new InstanceRunningError(`An Orchestration instance with the status ${existing.row.runtimeStatus} already exists.`);
      }
      if (existing) await this.store.purge(row.instanceId);
    }
  }

  async status(instanceId: string, options: StatusOptions = {}): Promise<StatusPayload | undefined> {
    const stored = await this.store.read(instanceId);
    if (!stored) return undefined;
    // A Pending instance has no history yet: the extension answers an empty list, not none.
    const history = !options.showHistory ? undefined : stored.row.runtimeStatus === 'Pending' ? [] : (await this.store.load(instanceId, stored.row.historyStart)).events;
    return statusPayload(stored.row, options, history);
  }

  async list(query: InstanceQuery, showInput: boolean): Promise<{ instances: StatusPayload[]; continuationToken?: string }> {
    const page = await this.store.list(query);
    return { instances: page.rows.map((row) => statusPayload(row, { showInput })), ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}) };
  }

  /** Raising an event on a finished instance is refused (410), as the extension does. */
  async raise(instanceId: string, eventName: string, data: unknown): Promise<Answer> {
    return this.post(instanceId, ['Failed', 'Canceled', 'Terminated', 'Completed'], () =>
      historyEvent(EventType.EventRaised, this.clock(), { Name: eventName, Input: jsonText(data) }),
    );
  }

  async terminate(instanceId: string, reason: string | undefined): Promise<Answer> {
    return this.post(instanceId, finished, () => historyEvent(EventType.ExecutionTerminated, this.clock(), { Input: jsonText(reason ?? null) }));
  }

  async suspend(instanceId: string, reason: string | undefined): Promise<Answer> {
    return this.post(instanceId, finished, () => historyEvent(EventType.ExecutionSuspended, this.clock(), { Reason: reason ?? null }));
  }

  async resume(instanceId: string, reason: string | undefined): Promise<Answer> {
    return this.post(instanceId, finished, () => historyEvent(EventType.ExecutionResumed, this.clock(), { Reason: reason ?? null }));
  }

  async purge(instanceId: string): Promise<number> {
    this.runner.forget(instanceId);
    return (await this.store.purge(instanceId)) ? 1 : 0;
  }

  /** Purges the instances created in the range (and with one of the statuses, when given). */
  async purgeBy(createdFrom: Date, createdTo: Date, statuses: RuntimeStatus[]): Promise<number> {
    let deleted = 0;
    let continuationToken: string | undefined;
    do {
      const page = await this.store.list({ createdFrom, createdTo, statuses, pageSize: 100, ...(continuationToken ? { continuationToken } : {}) });
      for (const row of page.rows) deleted += await this.purge(row.instanceId);
      continuationToken = page.continuationToken;
    } while (continuationToken);
    return deleted;
  }

  private async post(instanceId: string, refused: readonly RuntimeStatus[], message: () => ReturnType<typeof historyEvent>): Promise<Answer> {
    const stored = await this.store.read(instanceId);
    if (!stored) return 'notFound';
    if (refused.includes(stored.row.runtimeStatus)) return 'gone';
    const event = { ...message(), ...traceField() };
    const claimed = await this.postClaiming(instanceId, stored, event);
    if (claimed) {
      void this.runner.wake(instanceId, claimed);
      return 'accepted';
    }
    const wakeAt = this.clock().toISOString();
    const etag = await this.store.post(instanceId, event, { wakeAt });
    if (!etag) return 'notFound';
    void this.runner.wake(instanceId, { row: { ...stored.row, wakeAt }, etag });
    return 'accepted';
  }

  /**
   * When nobody holds the instance, posts the message with the row leased to this process, under the ETag
   * read: the run it wakes takes the lease without a write of its own. Undefined when the lease is taken
   * or the row changed since it was read (then the message is posted as usual).
   */
  private async postClaiming(instanceId: string, stored: { row: InstanceRow; etag: string }, event: HistoryEvent): Promise<WakeHint | undefined> {
    const { row } = stored;
    if (this.runner.runs(instanceId) || (row.leaseOwner && row.leaseUntil > this.clock().toISOString())) return undefined;
    const lease = this.runner.claim();
    try {
      const etag = await this.store.post(instanceId, event, lease, stored.etag);
      return etag ? { row: { ...row, ...lease }, etag, claimed: true } : undefined;
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
  }
}
