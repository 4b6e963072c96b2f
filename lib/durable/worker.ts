import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { nextRetryAt, runAttempt } from './activities';
import { ConflictError, failureOf, UnknownFunctionError } from './errors';
import { type ActivityStep, Execution, type Outcome } from './execution';
import type { Lease, LeaseSettings } from './lease';
import type { TableStore } from './store';
import type { Activity, HistoryEvent, Orchestrator } from './types';

export interface Registry {
  orchestrator(name: string): Orchestrator | undefined;
  activity(name: string): Activity | undefined;
}

export interface WorkerSettings extends LeaseSettings {
  /** A timer or retry due within this many ms is waited for in-process instead of by a later tick. */
  inlineWaitMs: number;
}

/**
 * One worker's turn at one instance, while it holds the lease: replay the history, then alternate
 * episodes (deliver new events, append them and the steps they caused in one transaction) with
 * running activities, until the instance finishes or waits for something not due yet.
 */
export class InstanceRun {
  private exec!: Execution;
  private next = 0;
  private incoming: HistoryEvent[] = [];
  private finished: HistoryEvent[] = [];
  private running = new Set<number>();
  private readonly seenEvents = new Set<string>();
  private wake?: () => void;

  constructor(
    private readonly store: TableStore,
    private readonly registry: Registry,
    private readonly settings: WorkerSettings,
    private readonly lease: Lease,
  ) {}

  private get instanceId(): string {
    return this.lease.record.instanceId;
  }

  async drive(): Promise<void> {
    await this.load();
    for (;;) {
      const now = this.settings.clock();
      this.incoming.push(...this.finished.splice(0));
      this.fireTimers(now);
      const more = this.incoming.length || this.exec.outcome || this.exec.hasActions ? await this.episode(now) : await this.idle(now);
      if (!more) return;
    }
  }

  /** Replays the stored history and picks up the inbox. Also the way back after losing a race to append. */
  private async load(): Promise<void> {
    const { record } = this.lease;
    const { events, next } = await this.store.loadHistory(this.instanceId, record.historyStart);
    this.next = next;
    this.incoming = [];
    this.finished = [];
    this.running = new Set();
    this.seenEvents.clear();
    this.exec = new Execution(this.instanceId, (name) => this.registry.orchestrator(name), events);
    this.exec.replaying = true;
    for (const event of events) {
      if (event.type === 'EventRaised') this.seenEvents.add(event.eventId);
      await this.exec.deliver(event);
    }
    this.exec.replaying = false;
    if (events.length === 0) {
      const time = this.settings.clock().toISOString();
      this.incoming.push({ type: 'ExecutionStarted', name: record.name, input: record.input, executionId: record.executionId, time });
    }
    await this.readInbox();
  }

  private async readInbox(): Promise<void> {
    const stale: string[] = [];
    for (const event of await this.store.readInbox(this.instanceId)) {
      if (this.seenEvents.has(event.eventId)) {
        stale.push(event.eventId);
        continue;
      }
      this.seenEvents.add(event.eventId);
      this.incoming.push({ type: 'EventRaised', name: event.name, data: event.data, eventId: event.eventId, time: event.time });
    }
    // Left behind when a worker stopped between appending an event to the history and deleting it here.
    if (stale.length) await this.store.deleteInbox(this.instanceId, stale);
  }

  private fireTimers(now: Date): void {
    for (const [step, timer] of this.exec.pendingTimers()) {
      if (timer.fireAt <= now) this.incoming.push({ type: 'TimerFired', step, time: now.toISOString() });
    }
  }

  /** Delivers the new events, appends them with the steps they caused; false when this run is over. */
  private async episode(now: Date): Promise<boolean> {
    const time = now.toISOString();
    const events: HistoryEvent[] = this.incoming.length ? [{ type: 'OrchestratorStarted', time }, ...this.incoming.splice(0)] : [];
    for (const event of events) await this.exec.deliver(event);
    const outcome = this.exec.outcome;
    const rows = [...events, ...this.exec.takeActions()];
    const executionId = randomUUID();
    const historyStart = this.next + rows.length + 1;
    if (outcome?.type === 'continueAsNew') {
      // Events the old execution did not consume are not lost: the new one starts with them.
      rows.push(
        { type: 'ContinuedAsNew', input: outcome.input, time },
        { type: 'OrchestratorStarted', time },
        { type: 'ExecutionStarted', name: this.lease.record.name, input: outcome.input, executionId, time },
        ...this.exec.unconsumedEvents(),
      );
    } else if (outcome) {
      rows.push(outcome.type === 'completed' ? { type: 'ExecutionCompleted', output: outcome.output, time } : { type: 'ExecutionFailed', failure: outcome.failure, time });
    }
    try {
      await this.store.appendHistory(this.instanceId, this.next, rows);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // A worker whose lease had expired appended first. Still ours: replay what it wrote and go on.
      this.exec.abort();
      if (!(await this.lease.reload())) return false;
      await this.load();
      return true;
    }
    this.next += rows.length;
    const delivered = events.flatMap((event) => (event.type === 'EventRaised' ? [event.eventId] : []));
    if (delivered.length) await this.store.deleteInbox(this.instanceId, delivered);
    if (!outcome) return this.save({ runtimeStatus: 'Running', ...this.customStatusPatch(), lastUpdatedTime: time, ...this.lease.renewal() });
    if (outcome.type !== 'continueAsNew') {
      await this.finish(outcome, time);
      return false;
    }
    // The new execution starts at its OrchestratorStarted row; the rows before it are no longer needed.
    this.exec.abort();
    const saved = await this.save({ runtimeStatus: 'ContinuedAsNew', input: outcome.input, executionId, historyStart, lastUpdatedTime: time, ...this.lease.renewal() });
    if (!saved) return false;
    await this.store.trimHistory(this.instanceId, historyStart);
    await this.load();
    return true;
  }

  private async finish(outcome: Exclude<Outcome, { type: 'continueAsNew' }>, time: string): Promise<void> {
    const done = outcome.type === 'completed';
    // An event that arrives now is too late: the instance has finished.
    while (
      (await this.lease.write({
        runtimeStatus: done ? 'Completed' : 'Failed',
        output: done ? outcome.output : undefined,
        failure: done ? undefined : outcome.failure,
        ...this.customStatusPatch(),
        lastUpdatedTime: time,
        leaseOwner: '',
        leaseUntil: '',
        wakeAt: '',
      })) === 'signalled'
    );
  }

  /** The custom status, when it differs from the stored one (a large one is rewritten in chunks otherwise). */
  private customStatusPatch(): { customStatus?: unknown } {
    const { customStatus } = this.exec;
    return JSON.stringify(customStatus) === JSON.stringify(this.lease.record.customStatus) ? {} : { customStatus };
  }

  /** Writes the instance row; on a signal reads the inbox and writes again. False when the lease is gone. */
  private async save(patch: Parameters<Lease['write']>[0]): Promise<boolean> {
    for (;;) {
      const result = await this.lease.write(patch);
      if (result === 'written') return true;
      if (result !== 'signalled') {
        this.exec.abort();
        return false;
      }
      await this.readInbox();
    }
  }

  /** Nothing to deliver: run due activities and wait for them, wait briefly for a near timer, or release the lease. */
  private async idle(now: Date): Promise<boolean> {
    this.startActivities(now);
    if (this.running.size) {
      if (await this.activityFinished(this.settings.leaseMs / 3)) return true;
      return this.save(this.lease.renewal());
    }
    const due = this.nextDue();
    if (due && due.getTime() - now.getTime() <= this.settings.inlineWaitMs) {
      await sleep(Math.max(0, due.getTime() - now.getTime()));
      return true;
    }
    const result = await this.lease.write({ leaseOwner: '', leaseUntil: '', wakeAt: due?.toISOString() ?? '' });
    if (result !== 'signalled') return false;
    await this.readInbox();
    return true;
  }

  private startActivities(now: Date): void {
    for (const [step, activity] of this.exec.pendingActivities()) {
      if (this.running.has(step) || (activity.retryAt && activity.retryAt > now)) continue;
      const { running, finished } = this;
      running.add(step);
      void this.execute(step, activity).then((event) => {
        running.delete(step);
        finished.push(event);
        this.wake?.();
      });
    }
  }

  private activityFinished(timeoutMs: number): Promise<boolean> {
    if (this.finished.length) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve(true);
      };
    });
  }

  private nextDue(): Date | undefined {
    const times = [
      ...this.exec.pendingTimers().map(([, timer]) => timer.fireAt),
      ...this.exec.pendingActivities().flatMap(([, activity]) => (activity.retryAt ? [activity.retryAt] : [])),
    ];
    return times.length ? new Date(Math.min(...times.map((time) => time.getTime()))) : undefined;
  }

  private async execute(step: number, activity: ActivityStep): Promise<HistoryEvent> {
    const attempt = activity.failedAttempts + 1;
    const fn = this.registry.activity(activity.name);
    const time = () => this.settings.clock().toISOString();
    if (!fn) return { type: 'TaskFailed', step, attempts: attempt, failure: failureOf(new UnknownFunctionError('activity', activity.name)), time: time() };
    const context = { instanceId: this.instanceId, idempotencyKey: `${this.instanceId}:${step}`, attempt };
    const result = await runAttempt(activity.name, fn, activity.input, context, activity.options.timeoutMs);
    if (result.ok) return { type: 'TaskCompleted', step, result: result.value, time: time() };
    const retryAt = nextRetryAt(activity.options, attempt, activity.scheduledAt, this.settings.clock());
    if (retryAt) return { type: 'TaskAttemptFailed', step, attempt, failure: result.failure, retryAt: retryAt.toISOString(), time: time() };
    return { type: 'TaskFailed', step, attempts: attempt, failure: result.failure, time: time() };
  }
}
