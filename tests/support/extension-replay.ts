/**
 * Drives a durable-functions orchestrator the way the Durable Task extension does, for tests without a
 * host: each episode hands the registered handler the orchestration-trigger input (history events with
 * DTFx's EventType codes and field names, input, instanceId, isReplaying, the negotiated schema version),
 * reads the cumulative actions (schema V2+: WhenAny/WhenAll nest), numbers the new ones as DTFx does
 * (activities and timers share one sequence; external-event waits take none), appends TaskScheduled /
 * TimerCreated, runs the activities and feeds their results back. It checks, as the extension does and
 * the SDK does not, that a replay asks for the same actions as the history recorded.
 */
import { app, InvocationContext } from '@azure/functions';
import { vi } from 'vitest';

/** DTFx's HistoryEventType codes. */
export const EventType = { ExecutionStarted: 0, TaskScheduled: 4, TaskCompleted: 5, TaskFailed: 6, TimerCreated: 10, TimerFired: 11, OrchestratorStarted: 12, OrchestratorCompleted: 13, EventRaised: 15 } as const;
/** The SDK's ActionType codes. */
const ActionType = { CallActivity: 0, CallActivityWithRetry: 1, ContinueAsNew: 4, CreateTimer: 5, WaitForExternalEvent: 6, WhenAny: 11, WhenAll: 12 } as const;

export type HistoryEvent = { EventType: number; EventId: number; Timestamp: string; IsPlayed: boolean; [field: string]: unknown };
type Action = { actionType: number; functionName?: string; input?: unknown; fireAt?: string; compoundActions?: Action[] };
export type Handler = (trigger: unknown, context: InvocationContext) => Promise<unknown>;
export type ActivityHandler = (input: any) => unknown;

/** Registers functions through @azure/functions' app.generic, as durable-functions does, and keeps their handlers. */
export async function captureRegistrations(load: () => Promise<unknown>): Promise<Map<string, Handler>> {
  const handlers = new Map<string, Handler>();
  const spy = vi.spyOn(app, 'generic').mockImplementation((name: string, options: { handler: unknown }) => void handlers.set(name, options.handler as Handler));
  try {
    await load();
  } finally {
    spy.mockRestore();
  }
  return handlers;
}

function leaves(actions: Action[]): Action[] {
  return actions.flatMap((action) => (action.compoundActions ? leaves(action.compoundActions) : [action]));
}

export interface EpisodeResult {
  isDone: boolean;
  output?: unknown;
  error?: string;
  customStatus?: any;
  continuedAsNew?: unknown;
}

export class ExtensionReplay {
  history: HistoryEvent[] = [];
  /** Every activity run, by name, with its input: a crash test counts these. */
  readonly runs: { name: string; input: any }[] = [];
  customStatus: any;
  private sequence = 0;
  private recorded: { kind: 'activity' | 'timer'; name?: string; id: number; fireAt?: string }[] = [];
  private pending: { id: number; name: string; input: unknown }[] = [];
  now: Date;

  constructor(
    private readonly orchestrator: Handler,
    private readonly activities: Record<string, ActivityHandler>,
    private readonly options: { instanceId: string; name: string; start: Date; schema?: { upperSchemaVersion: number; upperSchemaVersionNew?: number } },
  ) {
    this.now = new Date(options.start);
  }

  private event(type: number, fields: Record<string, unknown> = {}, eventId = -1): HistoryEvent {
    return { EventType: type, EventId: eventId, Timestamp: this.now.toISOString(), IsPlayed: false, ...fields };
  }

  raised(name: string, data: unknown): HistoryEvent {
    return this.event(EventType.EventRaised, { Name: name, Input: JSON.stringify(data) });
  }

  /** The TimerFired event of a timer the orchestrator created. */
  fired(timerId: number): HistoryEvent {
    const timer = this.recorded.find((entry) => entry.kind === 'timer' && entry.id === timerId);
    if (!timer) throw new Error(`no timer ${timerId}`);
    return this.event(EventType.TimerFired, { TimerId: timerId, FireAt: timer.fireAt });
  }

  /** Timers created so far, in order. */
  timers(): { id: number; fireAt: string }[] {
    return this.recorded.filter((entry) => entry.kind === 'timer').map(({ id, fireAt }) => ({ id, fireAt: fireAt! }));
  }

  /** Starts a new execution (the first, or after continue-as-new) with this input. */
  async start(input: unknown): Promise<EpisodeResult> {
    this.history = [];
    this.sequence = 0;
    this.recorded = [];
    this.pending = [];
    return this.deliver([this.event(EventType.ExecutionStarted, { Name: this.options.name, Input: JSON.stringify(input) })], input);
  }

  /** One orchestrator episode with these new events, then the activities it scheduled until it waits again. */
  async deliver(events: HistoryEvent[], input = this.input()): Promise<EpisodeResult> {
    let result = await this.episode(events, input);
    while (this.pending.length && !result.isDone) result = await this.episode(await this.runActivities(), input);
    return result;
  }

  /** Re-runs the orchestrator over the history as it stands (a new host picking the instance up after a crash). */
  replayOnly(): Promise<EpisodeResult> {
    return this.episode([], this.input());
  }

  private input(): unknown {
    const started = this.history.find((event) => event.EventType === EventType.ExecutionStarted);
    return started ? JSON.parse(started.Input as string) : undefined;
  }

  private async runActivities(): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    for (const task of this.pending.splice(0)) {
      this.runs.push({ name: task.name, input: task.input });
      try {
        const handler = this.activities[task.name];
        if (!handler) throw new Error(`The function '${task.name}' doesn't exist`);
        const value = await handler(task.input);
        events.push(this.event(EventType.TaskCompleted, { TaskScheduledId: task.id, Result: JSON.stringify(value ?? null) }));
      } catch (error) {
        events.push(this.event(EventType.TaskFailed, { TaskScheduledId: task.id, Reason: (error as Error).message, Details: String((error as Error).stack) }));
      }
    }
    return events;
  }

  private async episode(events: HistoryEvent[], input: unknown): Promise<EpisodeResult> {
    const past = this.history.map((event) => ({ ...event, IsPlayed: true }));
    const fresh = [this.event(EventType.OrchestratorStarted), ...events];
    const trigger = {
      history: [...past, ...fresh],
      input,
      instanceId: this.options.instanceId,
      isReplaying: past.length > 0,
      parentInstanceId: null,
      upperSchemaVersion: 1,
      ...this.options.schema,
      longRunningTimerIntervalDuration: '3.00:00:00',
      maximumShortTimerDuration: '6.00:00:00',
      defaultHttpAsyncRequestSleepTimeMillseconds: 30000,
    };
    const context = new InvocationContext({ functionName: this.options.name, invocationId: `${this.options.instanceId}-${this.history.length}` });
    let state: { isDone: boolean; actions: Action[][]; output?: unknown; error?: string; customStatus?: unknown };
    try {
      state = JSON.parse(JSON.stringify(await this.orchestrator(trigger, context)));
    } catch (error) {
      const [, data] = String((error as Error).message).split('$OutOfProcData$:');
      if (!data) throw error;
      state = JSON.parse(data);
      state.error ??= (error as Error).message;
    }
    this.history.push(...fresh);
    this.customStatus = state.customStatus;
    const actions = leaves(state.actions.flat());
    const scheduling = actions.filter((action) => [ActionType.CallActivity, ActionType.CallActivityWithRetry, ActionType.CreateTimer].includes(action.actionType as 0));
    scheduling.slice(0, this.recorded.length).forEach((action, i) => {
      const expected = this.recorded[i]!;
      const kind = action.actionType === ActionType.CreateTimer ? 'timer' : 'activity';
      if (kind !== expected.kind || (kind === 'activity' && action.functionName !== expected.name)) {
        throw new Error(`Non-deterministic workflow detected: action ${i} is ${kind} ${action.functionName ?? ''}, history has ${expected.kind} ${expected.name ?? ''}`);
      }
    });
    for (const action of scheduling.slice(this.recorded.length)) {
      const id = this.sequence++;
      if (action.actionType === ActionType.CreateTimer) {
        this.recorded.push({ kind: 'timer', id, fireAt: action.fireAt });
        this.history.push(this.event(EventType.TimerCreated, { FireAt: action.fireAt }, id));
      } else {
        this.recorded.push({ kind: 'activity', id, name: action.functionName });
        this.history.push(this.event(EventType.TaskScheduled, { Name: action.functionName, Input: JSON.stringify(action.input) }, id));
        this.pending.push({ id, name: action.functionName!, input: action.input });
      }
    }
    this.history.push(this.event(EventType.OrchestratorCompleted));
    const continued = actions.find((action) => action.actionType === ActionType.ContinueAsNew) as { input?: unknown } | undefined;
    return { isDone: state.isDone, output: state.output, error: state.error, customStatus: state.customStatus, ...(continued && { continuedAsNew: continued.input }) };
  }
}
