import { randomUUID } from 'node:crypto';
import { ConflictError } from './tables';
import { durableFunction } from './functions';
import { EventType, historyEvent, jsonText } from './history';
import type { OrchestrationRunner } from './runner';
import { statusPayload, type StatusOptions, type StatusPayload } from './status';
import { finished, type InstanceQuery, type RuntimeStatus } from './store';

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
    const existing = await this.store.read(id);
    if (existing) {
      if (!finished.includes(existing.row.runtimeStatus)) throw new InstanceRunningError(`An Orchestration instance with the status ${existing.row.runtimeStatus} already exists.`);
      await this.store.purge(id);
    }
    const now = this.clock().toISOString();
    try {
      await this.store.create({
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
        leaseOwner: '',
        leaseUntil: '',
        wakeAt: now,
      });
    } catch (error) {
      if (error instanceof ConflictError) throw new InstanceRunningError(`An Orchestration instance with the status Pending already exists.`);
      throw error;
    }
    void this.runner.wake(id);
    return id;
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
    await this.store.post(instanceId, message());
    // Touching the row tells a worker that holds the instance to read its inbox; the poller sees wakeAt otherwise.
    await this.store.update(instanceId, { wakeAt: this.clock().toISOString() });
    void this.runner.wake(instanceId);
    return 'accepted';
  }
}
