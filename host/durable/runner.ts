import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { runEpisode } from './episode';
import { runActivity } from './functions';
import { EventType, type HistoryEvent, historyEvent, jsonText, OrchestrationStatus, parseJsonText } from './history';
import { announceRun, announceStatusChange } from '../../lib/durable/changes';
import { HistoryCache } from './history-cache';
import { claim, type KnownRow, Lease, type LeaseColumns } from './lease';
import type { Outcome } from './replay';
import { inActivitySpan, inOrchestrationSpan, rowTrace, traceColumns, traceField, traceOf } from './tracing';
import { type DurableStore, finished, type InstancePatch, type InstanceRow } from './store';

export interface RunnerOptions {
  store: DurableStore;
  /** How long a worker owns an instance without renewing (default 30 s). */
  leaseMs?: number;
  /** A timer due within this many ms is awaited in the same run instead of by the poller (default 1000). */
  inlineWaitMs?: number;
  clock?: () => Date;
}

/** What this run knows: the current execution's history and the next free row; whether the inbox may hold news. */
interface History {
  loaded?: { events: HistoryEvent[]; next: number };
  inboxUnread: boolean;
}

/** A row this process just wrote, handed to the runner so it need not read it again; `created` = written by start, never run. */
export type WakeHint = KnownRow & { created?: boolean };

/** What a waiter is told of a status this run stored. */
const storedStatus = (row: InstanceRow) => ({ runtimeStatus: row.runtimeStatus, customStatus: row.customStatus });

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
  /** Instances this process posted a message to while running them: their inbox must be read. */
  private readonly posted = new Set<string>();
  /** Rows a writer here leased to this process while another run of the instance was ending: the next run adopts the lease. */
  private readonly claims = new Map<string, WakeHint>();
  private readonly histories = new HistoryCache();

  constructor(options: RunnerOptions) {
    this.store = options.store;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.inlineWaitMs = options.inlineWaitMs ?? 1000;
    this.clock = options.clock ?? (() => new Date());
  }

  /**
   * Runs the instance here unless this process runs it already (then it is told to look at its inbox,
   * and woken again should that run end without having seen the message).
   */
  wake(instanceId: string, hint?: WakeHint): Promise<void> {
    const current = this.driving.get(instanceId);
    if (current) {
      this.posted.add(instanceId);
      if (hint?.claimed) this.claims.set(instanceId, hint);
      this.signals.emit(instanceId);
      return current;
    }
    announceRun(instanceId, true);
    const run = this.drive(instanceId, hint)
      .catch((error: unknown) => console.error(`Orchestration ${instanceId}:`, error))
      .finally(() => {
        this.driving.delete(instanceId);
        announceRun(instanceId, false);
        const claimed = this.claims.get(instanceId);
        this.claims.delete(instanceId);
        if (this.posted.delete(instanceId) || claimed) void this.wake(instanceId, claimed);
      });
    this.driving.set(instanceId, run);
    return run;
  }

  /** True while this process runs the instance. */
  runs(instanceId: string): boolean {
    return this.driving.has(instanceId);
  }

  /** Lease columns for a row about to be written here; wake the instance with `claimed` and the run takes that lease without a write. */
  claim(): LeaseColumns {
    return claim(this.leaseMs, this.clock);
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

  private async drive(instanceId: string, hint?: WakeHint): Promise<void> {
    const lease = await Lease.acquire(this.store, instanceId, this.leaseMs, this.clock, hint);
    if (!lease) return;
    // While this worker holds the lease nobody else appends: the history read once is kept up to date here.
    // An instance taken over the row its start just created has neither history nor messages yet.
    const untouched = hint?.created === true && lease.fromKnown;
    const loaded = untouched ? { events: [], next: 0 } : this.histories.take(lease.row);
    const history: History = { inboxUnread: !untouched, ...(loaded ? { loaded } : {}) };
    try {
      while (await this.step(lease, history));
    } finally {
      const { row } = lease;
      if (history.loaded && !finished.includes(row.runtimeStatus)) {
        this.histories.keep(row.instanceId, { executionId: row.executionId, historyStart: row.historyStart, ...history.loaded });
      }
    }
  }

  /** Drops what this process remembers of a purged instance's history. */
  forget(instanceId: string): void {
    this.histories.forget(instanceId);
  }

  /** One pass: an episode when something happened, otherwise wait or release. False when this run is over. */
  private async step(lease: Lease, history: History): Promise<boolean> {
    const row = lease.row;
    const id = row.instanceId;
    const now = this.clock();
    if (!history.loaded) history.loaded = await this.store.load(id, row.historyStart);
    const { events: past, next } = history.loaded;
    // The inbox is read when a message may be there: at the start, after a post in this process, after a write found the row touched.
    const unread = [history.inboxUnread, lease.takeTouch(), this.posted.delete(id)].includes(true);
    const inbox = unread ? await this.store.inbox(id) : [];
    const suspended = row.runtimeStatus === 'Suspended';
    const taken = inbox.filter(({ event }) => control.has(event.EventType) || !suspended);
    // Events left in the inbox while suspended are read again with the next step (a resume taken now lets them in).
    history.inboxUnread = taken.length < inbox.length;
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
      ? await inOrchestrationSpan(row.name, id, past, episodeEvents, () => runEpisode(row, past, episodeEvents, now))
      : { events: [...episodeEvents, historyEvent(EventType.OrchestratorCompleted, now)], outcome: { kind: 'running' } as Outcome };
    try {
      await this.store.append(id, next, episode.events);
    } catch {
      // Another worker appended first (this lease had expired, or a worker that took it over died before storing its row): leave the instance to it.
      history.loaded = undefined;
      return false;
    }
    history.loaded = { events: [...past, ...episode.events], next: next + episode.events.length };
    const consumed = taken.map((message) => message.rowKey);
    const { outcome } = episode;
    const status = nowSuspended ? 'Suspended' : outcome.kind === 'completed' ? 'Completed' : outcome.kind === 'failed' ? 'Failed' : outcome.kind === 'continuedAsNew' ? 'ContinuedAsNew' : 'Running';
    const patch = {
      runtimeStatus: status,
      historyNext: history.loaded.next,
      lastUpdatedTime: now.toISOString(),
      ...(episode.customStatus ? { customStatus: episode.customStatus.value } : {}),
      ...(outcome.kind === 'completed' ? { output: outcome.output } : outcome.kind === 'failed' ? { output: outcome.message } : {}),
    } as const;
    if (outcome.kind === 'completed' || outcome.kind === 'failed') {
      if (!(await lease.save({ ...patch, leaseOwner: '', leaseUntil: '', wakeAt: '' }, consumed))) return false;
      announceStatusChange(id, storedStatus(lease.row));
      await this.notifyParent(row, outcome);
      return false;
    }
    if (outcome.kind === 'continuedAsNew') {
      const historyStart = next + episode.events.length;
      const saved = await lease.save({ ...patch, input: outcome.input, executionId: randomUUID(), historyStart, historyNext: historyStart, ...lease.renewal() }, consumed);
      if (saved) await this.store.trim(id, historyStart);
      history.loaded = { events: [], next: historyStart };
      return saved;
    }
    const more = await this.saveRunning(lease, history, patch, consumed, nowSuspended, now);
    if (more === undefined) return false;
    announceStatusChange(id, storedStatus(lease.row));
    for (const event of episode.events) {
      if (event.EventType === EventType.SubOrchestrationInstanceCreated) await this.startChild(row, event, now);
    }
    return more;
  }

  /**
   * Stores a running instance's status. When the episode left nothing to run here (no activity owed, no
   * timer due soon, no message left in the inbox) the same write releases the lease — unless a message arrived meanwhile. Returns
   * whether this run goes on, undefined when the lease is lost.
   */
  private async saveRunning(lease: Lease, history: History, patch: InstancePatch, consumed: string[], suspended: boolean, now: Date): Promise<boolean | undefined> {
    const wakeAt = suspended || history.inboxUnread ? undefined : this.releaseWake(lease.row.instanceId, history.loaded!.events, now);
    if (wakeAt !== undefined) {
      const released = await lease.write({ ...patch, leaseOwner: '', leaseUntil: '', wakeAt }, consumed);
      if (released === 'written') return false;
      if (released === 'lost') return undefined;
    }
    return (await lease.save({ ...patch, ...lease.renewal() }, consumed)) ? true : undefined;
  }

  private executionStarted(row: InstanceRow, now: Date): HistoryEvent {
    return historyEvent(EventType.ExecutionStarted, now, {
      OrchestrationInstance: { InstanceId: row.instanceId, ExecutionId: row.executionId },
      ParentInstance: row.parentInstanceId ? { OrchestrationInstance: { InstanceId: row.parentInstanceId }, TaskScheduleId: row.parentTaskId } : null,
      Name: row.name,
      Version: '',
      Input: jsonText(row.input),
      ...traceField(rowTrace(row)),
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
    const due = suspended ? undefined : this.nextTimer(past);
    if (running || (due !== undefined && due - now.getTime() <= this.inlineWaitMs)) {
      const waitMs = running ? this.leaseMs / 4 : Math.max(0, due! - now.getTime());
      const wakeUp = new AbortController();
      await Promise.race([once(this.signals, id, { signal: wakeUp.signal }), sleep(waitMs, undefined, { signal: wakeUp.signal })]).catch(() => undefined);
      wakeUp.abort();
      return lease.expiresSoon ? lease.save(lease.renewal()) : true;
    }
    const result = await lease.write({ leaseOwner: '', leaseUntil: '', wakeAt: due === undefined ? '' : new Date(due).toISOString() });
    return result === 'signalled';
  }

  /** When nothing is left to run here: the wakeAt to release the lease with ("" = none). Undefined while activities are owed or a timer is near. */
  private releaseWake(instanceId: string, past: HistoryEvent[], now: Date): string | undefined {
    if (this.owed(past).length || this.activities.has(instanceId) || this.results.has(instanceId)) return undefined;
    const due = this.nextTimer(past);
    if (due === undefined) return '';
    return due - now.getTime() <= this.inlineWaitMs ? undefined : new Date(due).toISOString();
  }

  /** The earliest timer not fired yet (epoch ms). */
  private nextTimer(past: HistoryEvent[]): number | undefined {
    const fired = new Set(past.filter((e) => e.EventType === EventType.TimerFired).map((e) => e.TimerId));
    const pending = past.filter((e) => e.EventType === EventType.TimerCreated && !fired.has(e.EventId)).map((e) => new Date(String(e.FireAt)).getTime());
    return pending.length ? Math.min(...pending) : undefined;
  }

  /** The activities scheduled in this execution without a result in its history. */
  private owed(past: HistoryEvent[]): HistoryEvent[] {
    const done = new Set(past.filter((e) => e.EventType === EventType.TaskCompleted || e.EventType === EventType.TaskFailed).map((e) => e.TaskScheduledId));
    return past.filter((e) => e.EventType === EventType.TaskScheduled && !done.has(e.EventId));
  }

  /** Starts every owed activity that is not running in this process and whose result is not waiting here. */
  private startActivities(instanceId: string, past: HistoryEvent[]): void {
    const running = this.activities.get(instanceId) ?? new Map<number, Promise<void>>();
    const waiting = new Set((this.results.get(instanceId) ?? []).map((e) => e.TaskScheduledId));
    for (const event of this.owed(past)) {
      if (running.has(event.EventId) || waiting.has(event.EventId)) continue;
      const run = inActivitySpan(instanceId, event, () => runActivity(instanceId, event, this.clock)).then((result) => {
        running.delete(event.EventId);
        if (!running.size) this.activities.delete(instanceId);
        this.results.set(instanceId, [...(this.results.get(instanceId) ?? []), result]);
        this.signals.emit(instanceId);
      });
      running.set(event.EventId, run);
    }
    if (running.size) this.activities.set(instanceId, running);
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
    if (await lease.save({ runtimeStatus: 'Terminated', output: parseJsonText(reason) ?? reason, lastUpdatedTime: now.toISOString(), leaseOwner: '', leaseUntil: '', wakeAt: '' })) announceStatusChange(lease.row.instanceId, storedStatus(lease.row));
    return false;
  }

  /** Creates the sub-orchestration's instance (once) and runs it. */
  private async startChild(parent: InstanceRow, created: HistoryEvent, now: Date): Promise<void> {
    const instanceId = String(created.InstanceId);
    if (await this.store.read(instanceId)) return;
    const row: InstanceRow = {
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
      ...traceColumns(traceOf(created)),
    };
    const etag = await this.store.create(row);
    void this.wake(instanceId, { row, etag, created: true });
  }

  private async notifyParent(row: InstanceRow, outcome: Extract<Outcome, { kind: 'completed' | 'failed' }>): Promise<void> {
    if (!row.parentInstanceId) return;
    const now = this.clock();
    const event =
      outcome.kind === 'completed'
        ? historyEvent(EventType.SubOrchestrationInstanceCompleted, now, { TaskScheduledId: row.parentTaskId, Result: jsonText(outcome.output) })
        : historyEvent(EventType.SubOrchestrationInstanceFailed, now, { TaskScheduledId: row.parentTaskId, Reason: outcome.message, Details: outcome.details });
    if (await this.store.post(row.parentInstanceId, event, { wakeAt: now.toISOString() })) void this.wake(row.parentInstanceId);
  }
}
