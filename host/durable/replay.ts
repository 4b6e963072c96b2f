import { type Action, ActionType, type OrchestratorState, type RetryOptions, retryDelayMs } from './actions';
import { missingFunction } from './functions';
import { EventType, type HistoryEvent, historyEvent, jsonText } from './history';

/**
 * Replays an orchestrator's returned actions against its history the way the Durable extension
 * does for out-of-process orchestrators (OutOfProcOrchestrationShim, schema V2/V3): the actions
 * are invoked in order on a DTFx orchestration context, each one awaited before the next, so an
 * action runs only once everything before it has finished; WhenAll/WhenAny invoke all their
 * children. Every activity, timer and sub-orchestration invocation takes the next sequence
 * number, as DTFx's context does — including a timer the orchestrator sends a second time, and the
 * timer and new attempt of each retry. History events that scheduled something the replay does
 * not schedule again (or schedules differently) make the orchestration non-deterministic, which
 * DTFx detects and the SDK does not.
 */

export type Outcome =
  | { kind: 'running' }
  | { kind: 'completed'; output: unknown }
  | { kind: 'failed'; message: string; details: string }
  | { kind: 'continuedAsNew'; input: unknown };

export interface ReplayResult {
  /** TaskScheduled, TimerCreated and SubOrchestrationInstanceCreated events new in this episode. */
  scheduled: HistoryEvent[];
  outcome: Outcome;
}

type Kind = 'activity' | 'timer' | 'subOrchestration';

interface Invoked {
  kind: Kind;
  name?: string;
  event: HistoryEvent;
}

interface Awaitable {
  done(): boolean;
  /** Called after each history event; a retry schedules its timer or next attempt here. */
  update?(): void;
}

const scheduling: Record<number, Kind> = {
  [EventType.TaskScheduled]: 'activity',
  [EventType.TimerCreated]: 'timer',
  [EventType.SubOrchestrationInstanceCreated]: 'subOrchestration',
};

const describe: Record<Kind, string> = { activity: 'an activity task', timer: 'a timer task', subOrchestration: 'a sub-orchestration task' };

export class NonDeterminismError extends Error {}

class Replay {
  private nextId = 0;
  private now: Date;
  private readonly invoked = new Map<number, Invoked>();
  private readonly results = new Map<number, HistoryEvent>();
  private readonly fired = new Set<number>();
  private readonly waiters = new Map<string, { resolved: boolean }[]>();
  private readonly buffered = new Map<string, number>();
  private readonly awaitables: Awaitable[] = [];
  continueAsNew?: { input: unknown };

  constructor(
    private readonly instanceId: string,
    start: Date,
    private readonly exists: FunctionExists,
  ) {
    this.now = start;
  }

  private schedule(kind: Kind, name: string | undefined, fields: Record<string, unknown>): number {
    const id = this.nextId++;
    const type = kind === 'activity' ? EventType.TaskScheduled : kind === 'timer' ? EventType.TimerCreated : EventType.SubOrchestrationInstanceCreated;
    this.invoked.set(id, { kind, name, event: historyEvent(type, this.now, fields, id) });
    return id;
  }

  private track<T extends Awaitable>(awaitable: T): T {
    this.awaitables.push(awaitable);
    return awaitable;
  }

  private task(kind: 'activity' | 'subOrchestration', action: Action): number {
    const functionKind = kind === 'activity' ? 'activity' : 'orchestration';
    if (!this.exists(functionKind, String(action.functionName))) throw new InvalidActionError(missingFunction(functionKind, String(action.functionName)));
    if (kind === 'activity') return this.schedule(kind, action.functionName, { Name: action.functionName, Version: '', Input: jsonText(action.input) });
    const instanceId = action.instanceId || `${this.instanceId}:${this.nextId}`;
    return this.schedule(kind, action.functionName, { Name: action.functionName, Version: '', InstanceId: instanceId, Input: jsonText(action.input) });
  }

  private retrying(kind: 'activity' | 'subOrchestration', action: Action): Awaitable {
    const options = action.retryOptions as RetryOptions;
    const firstAttempt = this.now;
    let attempt = 0;
    let taskId = this.task(kind, action);
    let timerId: number | undefined;
    let finished = false;
    return this.track({
      done: () => finished,
      update: () => {
        for (;;) {
          if (finished) return;
          if (timerId === undefined) {
            const result = this.results.get(taskId);
            if (!result) return;
            const failed = result.EventType === EventType.TaskFailed || result.EventType === EventType.SubOrchestrationInstanceFailed;
            const delay = failed ? retryDelayMs(options, attempt, firstAttempt, this.now) : 0;
            if (delay <= 0) {
              finished = true;
              return;
            }
            timerId = this.schedule('timer', undefined, { FireAt: new Date(this.now.getTime() + delay).toISOString() });
          } else {
            if (!this.fired.has(timerId)) return;
            timerId = undefined;
            attempt++;
            if (attempt >= options.maxNumberOfAttempts) {
              finished = true;
              return;
            }
            taskId = this.task(kind, action);
          }
        }
      },
    });
  }

  private waitForEvent(name: string): Awaitable {
    const waiter = { resolved: false };
    // The extension keeps waiters per event name on a stack (newest first) and buffers events nobody waits for.
    this.waiters.set(name, [waiter, ...(this.waiters.get(name) ?? [])]);
    const pending = this.buffered.get(name) ?? 0;
    if (pending > 0) {
      this.buffered.set(name, pending - 1);
      this.raise(name);
    }
    return { done: () => waiter.resolved };
  }

  private raise(name: string): void {
    const [top, ...rest] = this.waiters.get(name) ?? [];
    if (!top) {
      this.buffered.set(name, (this.buffered.get(name) ?? 0) + 1);
      return;
    }
    this.waiters.set(name, rest);
    top.resolved = true;
  }

  invoke(action: Action): Awaitable {
    switch (action.actionType) {
      case ActionType.CallActivity:
      case ActionType.CallSubOrchestrator: {
        const id = this.task(action.actionType === ActionType.CallActivity ? 'activity' : 'subOrchestration', action);
        return { done: () => this.results.has(id) };
      }
      case ActionType.CallActivityWithRetry:
        return this.retrying('activity', action);
      case ActionType.CallSubOrchestratorWithRetry:
        return this.retrying('subOrchestration', action);
      case ActionType.CreateTimer: {
        const id = this.schedule('timer', undefined, { FireAt: new Date(action.fireAt!).toISOString() });
        return { done: () => Boolean(action.isCanceled) || this.fired.has(id) };
      }
      case ActionType.WaitForExternalEvent:
        return this.waitForEvent(action.externalEventName!);
      case ActionType.ContinueAsNew:
        this.continueAsNew = { input: action.input };
        return { done: () => true };
      case ActionType.WhenAll:
      case ActionType.WhenAny: {
        const children = (action.compoundActions ?? []).map((child) => this.invoke(child));
        return action.actionType === ActionType.WhenAll ? { done: () => children.every((c) => c.done()) } : { done: () => children.some((c) => c.done()) };
      }
      default:
        throw new InvalidActionError(`Action type ${action.actionType} (entities, durable HTTP) is not supported by the local Durable Task stand-in`);
    }
  }

  /** Applies one history event; scheduling events are checked against what the replay scheduled. */
  apply(event: HistoryEvent): void {
    switch (event.EventType) {
      case EventType.OrchestratorStarted:
        this.now = new Date(event.Timestamp);
        return;
      case EventType.TaskCompleted:
      case EventType.TaskFailed:
      case EventType.SubOrchestrationInstanceCompleted:
      case EventType.SubOrchestrationInstanceFailed:
        this.results.set(event.TaskScheduledId as number, event);
        break;
      case EventType.TimerFired:
        this.fired.add(event.TimerId as number);
        break;
      case EventType.EventRaised:
        this.raise(String(event.Name));
        break;
    }
    for (const awaitable of this.awaitables) awaitable.update?.();
  }

  /** Checks a scheduling event of the history against the replay (DTFx's non-determinism check). */
  confirm(event: HistoryEvent, claimed: Set<number>): void {
    const kind = scheduling[event.EventType];
    if (!kind) return;
    const mine = this.invoked.get(event.EventId);
    const what = `${describe[kind]} with sequence ID ${event.EventId}${event.Name ? ` and name '${String(event.Name)}'` : ''}`;
    if (!mine) {
      throw new NonDeterminismError(
        `A previous execution of this orchestration scheduled ${what}, but the current replay execution hasn't (yet?) scheduled this task. Was a change made to the orchestrator code after this instance had already started running?`,
      );
    }
    if (mine.kind !== kind || (kind !== 'timer' && String(mine.name).toLowerCase() !== String(event.Name).toLowerCase())) {
      throw new NonDeterminismError(
        `A previous execution of this orchestration scheduled ${what}, but the current orchestration replay instead scheduled ${describe[mine.kind]}${mine.name ? ` named '${mine.name}'` : ''} at this sequence number. Was a change made to the orchestrator code after this instance had already started running?`,
      );
    }
    claimed.add(event.EventId);
  }

  newlyScheduled(claimed: Set<number>): HistoryEvent[] {
    return [...this.invoked.entries()].filter(([id]) => !claimed.has(id)).map(([, invoked]) => invoked.event);
  }
}

/** An action the extension refuses while replaying (the orchestration fails with its message). */
export class InvalidActionError extends Error {}

export type FunctionExists = (kind: 'activity' | 'orchestration', name: string) => boolean;

/**
 * Replays `state.actions` over `history` (the current execution, this episode's new events included).
 * `now` is this episode's OrchestratorStarted time. Non-determinism and unsupported actions fail the orchestration.
 */
export function replay(
  instanceId: string,
  orchestratorName: string,
  history: HistoryEvent[],
  state: OrchestratorState,
  now: Date,
  exists: FunctionExists,
): ReplayResult {
  const fail = (message: string): ReplayResult => ({
    scheduled: [],
    outcome: { kind: 'failed', message, details: message },
  });
  const actions = state.schemaVersion && state.schemaVersion > 0 ? (state.actions[0] ?? []) : state.actions.flat();
  const run = new Replay(instanceId, new Date(history[0]?.Timestamp ?? now), exists);
  let cursor = 0;
  let current: Awaitable | undefined;
  const advance = () => {
    while (!current || current.done()) {
      if (cursor >= actions.length) {
        current = undefined;
        return;
      }
      current = run.invoke(actions[cursor++]!);
    }
  };
  const claimed = new Set<number>();
  try {
    for (const event of history) {
      run.apply(event);
      if (event.EventType === EventType.ExecutionStarted) advance();
      else if (current) advance();
      run.confirm(event, claimed);
    }
  } catch (error) {
    if (error instanceof NonDeterminismError) return fail(`Non-Deterministic workflow detected: ${error.message}`);
    if (error instanceof InvalidActionError) return fail(`Orchestrator function '${orchestratorName}' failed: ${error.message}`);
    throw error;
  }
  const scheduled = run.newlyScheduled(claimed);
  const blocked = current !== undefined;
  if (blocked) return { scheduled, outcome: { kind: 'running' } };
  if (state.error) {
    const message = `Orchestrator function '${orchestratorName}' failed: ${state.error}`;
    return { scheduled, outcome: { kind: 'failed', message, details: message } };
  }
  if (!state.isDone) return { scheduled, outcome: { kind: 'running' } };
  if (run.continueAsNew) return { scheduled, outcome: { kind: 'continuedAsNew', input: run.continueAsNew.input } };
  return { scheduled, outcome: { kind: 'completed', output: state.output } };
}
