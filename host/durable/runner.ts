import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { runEpisode } from './episode';
import { runActivity } from './functions';
import { EventType, type HistoryEvent, historyEvent, jsonText, OrchestrationStatus, parseJsonText } from './history';
import { Lease } from './lease';
import type { Outcome } from './replay';
import type { DurableStore, InstanceRow } from './store';

export interface RunnerOptions {
  store: DurableStore;
  /** How long a worker owns an instance without renewing (default 30 s). */
  leaseMs?: number;
  /** A timer due within this many ms is awaited in the same run instead of by the poller (default 1000). */
  inlineWaitMs?: number;
  clock?: () => Date;
}

/** The current execution's history as this run knows it, and the next free row. */
interface History {
  loaded?: { events: HistoryEvent[]; next: number };
}

const control = new Set<number>([EventType.ExecutionTerminated, EventType.ExecutionSuspended, EventType.ExecutionResumed]);

/**
 * Runs orchestration instances: one worker at a time per instance (a lease on its row), episode by
 * episode — collect what happened since the last one (raised events, fired timers, finished
 * activities and sub-orchestrations, terminate/suspend/resume), run the orchestrator over the whole
 * history, append the episode's events, then run the activities it scheduled. Nothing lives only in
 * memory: any process with the same function app can continue any instance after a crash.
 */
export class OrchestrationRunner {
  readonly store: DurableStore;
  private readonly leaseMs: number;
  private readonly inlineWaitMs: number;
  private readonly clock: () => Date;
  private readonly driving = new Map<string, Promise<void>>();
  private readonly activities = new Map<string, Map<number, Promise<void>>>();
  private readonly results = new Map<string, HistoryEvent[]>();
  private readonly signals = new EventEmitter().setMaxListeners(0);

  constructor(options: RunnerOptions) {
    this.store = options.store;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.inlineWaitMs = options.inlineWaitMs ?? 1000;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Runs the instance here unless this process runs it already (then it is told to look at its inbox). */
  wake(instanceId: string): Promise<void> {
    const current = this.driving.get(instanceId);
    if (current) {
      this.signals.emit(instanceId);
      return current;
    }
    const run = this.drive(instanceId)
      .catch((error: unknown) => console.error(`Orchestration ${instanceId}:`, error))
      .finally(() => this.driving.delete(instanceId));
    this.driving.set(instanceId, run);
    return run;
  }

  /** Runs every instance whose timer, retry or lease expiry is due. */
  async tick(): Promise<number> {
    const ids = await this.store.due(this.clock());
    await Promise.all(ids.map((id) => this.wake(id)));
    return ids.length;
  }

  /** Waits for every run and activity of this process to finish. */
  async idle(): Promise<void> {
    while (this.driving.size) await Promise.all([...this.driving.values()]);
  }

  private async drive(instanceId: string): Promise<void> {
    const lease = await Lease.acquire(this.store, instanceId, this.leaseMs, this.clock);
    if (!lease) return;
    // While this worker holds the lease nobody else appends: the history read once is kept up to date here.
    const history: History = {};
    for (;;) {
      const more = await this.step(lease, history);
      if (!more) return;
    }
  }

  /** One pass: an episode when something happened, otherwise wait or release. False when this run is over. */
  private async step(lease: Lease, history: History): Promise<boolean> {
    const row = lease.row;
    const id = row.instanceId;
    const now = this.clock();
    if (!history.loaded) history.loaded = await this.store.load(id, row.historyStart);
    const { events: past, next } = history.loaded;
    const inbox = await this.store.inbox(id);
    const suspended = row.runtimeStatus === 'Suspended';
    const taken = inbox.filter(({ event }) => control.has(event.EventType) || !suspended);
    const terminate = taken.find(({ event }) => event.EventType === EventType.ExecutionTerminated);
    if (terminate) return this.terminate(lease, next, terminate.event, inbox.map((m) => m.rowKey), now);
    const fresh: HistoryEvent[] = past.length === 0 ? [this.executionStarted(row, now)] : [];
    fresh.push(...taken.map((message) => message.event));
    const nowSuspended = fresh.reduce((state, event) => (event.EventType === EventType.ExecutionSuspended ? true : event.EventType === EventType.ExecutionResumed ? false : state), suspended);
    if (!nowSuspended) fresh.push(...this.takeResults(id), ...this.dueTimers(past, now));
    if (!fresh.length) return this.wait(lease, past, now);
    const orchestrated = fresh.some((event) => !control.has(event.EventType));
    const episodeEvents = [historyEvent(EventType.OrchestratorStarted, now), ...fresh];
    const episode = orchestrated && !nowSuspended
      ? await runEpisode(row, past, episodeEvents, now)
      : { events: [...episodeEvents, historyEvent(EventType.OrchestratorCompleted, now)], outcome: { kind: 'running' } as Outcome };
    try {
      await this.store.append(id, next, episode.events);
    } catch {
      // Another worker appended first (this lease had expired): leave the instance to it.
      return false;
    }
    history.loaded = { events: [...past, ...episode.events], next: next + episode.events.length };
    await this.store.consume(id, taken.map((message) => message.rowKey));
    const { outcome } = episode;
    const status = nowSuspended ? 'Suspended' : outcome.kind === 'completed' ? 'Completed' : outcome.kind === 'failed' ? 'Failed' : outcome.kind === 'continuedAsNew' ? 'ContinuedAsNew' : 'Running';
    const patch = {
      runtimeStatus: status,
      lastUpdatedTime: now.toISOString(),
      ...(episode.customStatus ? { customStatus: episode.customStatus.value } : {}),
      ...(outcome.kind === 'completed' ? { output: outcome.output } : outcome.kind === 'failed' ? { output: outcome.message } : {}),
    } as const;
    if (outcome.kind === 'completed' || outcome.kind === 'failed') {
      if (!(await lease.save({ ...patch, leaseOwner: '', leaseUntil: '', wakeAt: '' }))) return false;
      await this.notifyParent(row, outcome);
      return false;
    }
    if (outcome.kind === 'continuedAsNew') {
      const historyStart = next + episode.events.length;
      const saved = await lease.save({ ...patch, input: outcome.input, executionId: randomUUID(), historyStart, ...lease.renewal() });
      if (saved) await this.store.trim(id, historyStart);
      history.loaded = { events: [], next: historyStart };
      return saved;
    }
    if (!(await lease.save({ ...patch, ...lease.renewal() }))) return false;
    for (const event of episode.events) {
      if (event.EventType === EventType.SubOrchestrationInstanceCreated) await this.startChild(row, event, now);
    }
    return true;
  }

  private executionStarted(row: InstanceRow, now: Date): HistoryEvent {
    return historyEvent(EventType.ExecutionStarted, now, {
      OrchestrationInstance: { InstanceId: row.instanceId, ExecutionId: row.executionId },
      ParentInstance: row.parentInstanceId ? { OrchestrationInstance: { InstanceId: row.parentInstanceId }, TaskScheduleId: row.parentTaskId } : null,
      Name: row.name,
      Version: '',
      Input: jsonText(row.input),
    });
  }

  private takeResults(instanceId: string): HistoryEvent[] {
    const results = this.results.get(instanceId) ?? [];
    this.results.delete(instanceId);
    return results;
  }

  private dueTimers(past: HistoryEvent[], now: Date): HistoryEvent[] {
    const fired = new Set(past.filter((e) => e.EventType === EventType.TimerFired).map((e) => e.TimerId));
    return past
      .filter((e) => e.EventType === EventType.TimerCreated && !fired.has(e.EventId) && new Date(String(e.FireAt)) <= now)
      .map((e) => historyEvent(EventType.TimerFired, now, { TimerId: e.EventId, FireAt: e.FireAt }));
  }

  /** Nothing new: run the activities still owed, wait for them or a near timer, or release the lease until the next timer. */
  private async wait(lease: Lease, past: HistoryEvent[], now: Date): Promise<boolean> {
    const id = lease.row.instanceId;
    const suspended = lease.row.runtimeStatus === 'Suspended';
    if (!suspended) this.startActivities(id, past);
    const running = this.activities.get(id)?.size ?? 0;
    const timers = suspended ? [] : this.pendingTimers(past);
    const due = timers.length ? Math.min(...timers) : undefined;
    const signal = once(this.signals, id);
    if (running || (due !== undefined && due - now.getTime() <= this.inlineWaitMs)) {
      const waitMs = running ? this.leaseMs / 4 : Math.max(0, due! - now.getTime());
      await Promise.race([signal, sleep(waitMs)]);
      return lease.expiresSoon ? lease.save(lease.renewal()) : true;
    }
    const result = await lease.write({ leaseOwner: '', leaseUntil: '', wakeAt: due === undefined ? '' : new Date(due).toISOString() });
    return result === 'signalled';
  }

  private pendingTimers(past: HistoryEvent[]): number[] {
    const fired = new Set(past.filter((e) => e.EventType === EventType.TimerFired).map((e) => e.TimerId));
    return past.filter((e) => e.EventType === EventType.TimerCreated && !fired.has(e.EventId)).map((e) => new Date(String(e.FireAt)).getTime());
  }

  /** Starts every scheduled activity that has no result yet and is not running in this process. */
  private startActivities(instanceId: string, past: HistoryEvent[]): void {
    const done = new Set(past.filter((e) => e.EventType === EventType.TaskCompleted || e.EventType === EventType.TaskFailed).map((e) => e.TaskScheduledId));
    const running = this.activities.get(instanceId) ?? new Map<number, Promise<void>>();
    this.activities.set(instanceId, running);
    const waiting = new Set((this.results.get(instanceId) ?? []).map((e) => e.TaskScheduledId));
    for (const event of past) {
      if (event.EventType !== EventType.TaskScheduled || done.has(event.EventId) || running.has(event.EventId) || waiting.has(event.EventId)) continue;
      const run = runActivity(instanceId, event, this.clock).then((result) => {
        running.delete(event.EventId);
        this.results.set(instanceId, [...(this.results.get(instanceId) ?? []), result]);
        this.signals.emit(instanceId);
      });
      running.set(event.EventId, run);
    }
  }

  private async terminate(lease: Lease, next: number, message: HistoryEvent, inbox: string[], now: Date): Promise<boolean> {
    const reason = message.Input ?? null;
    await this.store.append(lease.row.instanceId, next, [
      historyEvent(EventType.OrchestratorStarted, now),
      message,
      historyEvent(EventType.ExecutionCompleted, now, { OrchestrationStatus: OrchestrationStatus.Terminated, Result: reason }),
      historyEvent(EventType.OrchestratorCompleted, now),
    ]);
    await this.store.consume(lease.row.instanceId, inbox);
    this.results.delete(lease.row.instanceId);
    await lease.save({ runtimeStatus: 'Terminated', output: parseJsonText(reason) ?? reason, lastUpdatedTime: now.toISOString(), leaseOwner: '', leaseUntil: '', wakeAt: '' });
    return false;
  }

  /** Creates the sub-orchestration's instance (once) and runs it. */
  private async startChild(parent: InstanceRow, created: HistoryEvent, now: Date): Promise<void> {
    const instanceId = String(created.InstanceId);
    if (await this.store.read(instanceId)) return;
    await this.store.create({
      instanceId,
      name: String(created.Name),
      runtimeStatus: 'Pending',
      input: parseJsonText(created.Input),
      output: undefined,
      customStatus: undefined,
      createdTime: now.toISOString(),
      lastUpdatedTime: now.toISOString(),
      executionId: randomUUID(),
      historyStart: 0,
      parentInstanceId: parent.instanceId,
      parentTaskId: created.EventId,
      leaseOwner: '',
      leaseUntil: '',
      wakeAt: now.toISOString(),
    });
    void this.wake(instanceId);
  }

  private async notifyParent(row: InstanceRow, outcome: Extract<Outcome, { kind: 'completed' | 'failed' }>): Promise<void> {
    if (!row.parentInstanceId) return;
    const now = this.clock();
    const event =
      outcome.kind === 'completed'
        ? historyEvent(EventType.SubOrchestrationInstanceCompleted, now, { TaskScheduledId: row.parentTaskId, Result: jsonText(outcome.output) })
        : historyEvent(EventType.SubOrchestrationInstanceFailed, now, { TaskScheduledId: row.parentTaskId, Reason: outcome.message, Details: outcome.details });
    await this.store.post(row.parentInstanceId, event);
    await this.store.update(row.parentInstanceId, { wakeAt: now.toISOString() });
    void this.wake(row.parentInstanceId);
  }
}
