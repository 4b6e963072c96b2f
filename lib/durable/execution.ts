import { createHash } from 'node:crypto';
import { ActivityFailedError, EventTimeoutError, failureOf, NonDeterministicOrchestration, UnknownFunctionError } from './errors';
import { OrchestrationContext } from './context';
import { Task } from './task';
import type { ActivityOptions, FailureDetails, HistoryEvent, Orchestrator } from './types';

export interface ActivityStep {
  kind: 'activity';
  name: string;
  input: unknown;
  options: ActivityOptions;
  task: Task<unknown>;
  /** When the step was first scheduled: the start of its retry time budget. */
  scheduledAt: Date;
  failedAttempts: number;
  retryAt?: Date;
  done: boolean;
}

export interface TimerStep {
  kind: 'timer';
  fireAt: Date;
  task: Task<void>;
  /** The timer of an event wait whose event arrived: it no longer needs to fire. */
  cancelled: boolean;
  done: boolean;
}

export type Step = ActivityStep | TimerStep;

export type Outcome =
  | { type: 'completed'; output: unknown }
  | { type: 'failed'; failure: FailureDetails }
  | { type: 'continueAsNew'; input: unknown };

type ScheduledEvent = Extract<HistoryEvent, { type: 'TaskScheduled' | 'TimerCreated' }>;

const wakeTypes = new Set<HistoryEvent['type']>(['ExecutionStarted', 'TaskCompleted', 'TaskFailed', 'TimerFired', 'EventRaised']);

/** Lets every microtask run: afterwards the orchestrator has either finished or awaits a step not yet settled. */
const quiesce = () => new Promise<void>((resolve) => setImmediate(resolve));

function describe(event: { type: ScheduledEvent['type']; name?: string }): string {
  return event.type === 'TaskScheduled' ? `activity "${event.name}"` : 'a timer';
}

/**
 * One run of an orchestrator function over history events, delivered one at a time and in order,
 * the same way on the first run and on every replay. Steps are numbered in the order the code asks
 * for them; a step the history already holds must match it, a step beyond the history is a new action.
 */
export class Execution {
  readonly steps = new Map<number, Step>();
  readonly context: OrchestrationContext;
  outcome?: Outcome;
  customStatus: unknown;
  currentTime = new Date(0);
  replaying = false;
  executionId = '';
  input: unknown;
  private readonly recorded = new Map<number, ScheduledEvent>();
  private actions: HistoryEvent[] = [];
  private readonly waiters = new Map<string, Task<unknown>[]>();
  private readonly buffered: Extract<HistoryEvent, { type: 'EventRaised' }>[] = [];
  private nextStep = 0;
  private guids = 0;
  private continueWith?: { input: unknown };
  private aborted = false;

  constructor(
    readonly instanceId: string,
    private readonly orchestrators: (name: string) => Orchestrator | undefined,
    history: readonly HistoryEvent[],
  ) {
    this.context = new OrchestrationContext(this);
    for (const event of history) if (event.type === 'TaskScheduled' || event.type === 'TimerCreated') this.recorded.set(event.step, event);
  }

  /** Stops the run for good: no task settles any more and nothing the code asks for is recorded. */
  abort(): void {
    this.aborted = true;
  }

  async deliver(event: HistoryEvent): Promise<void> {
    if (this.aborted) return;
    if (this.outcome) {
      // Too late for this execution; continueAsNew hands it to the next one.
      if (event.type === 'EventRaised') this.buffered.push(event);
      return;
    }
    this.apply(event);
    if (wakeTypes.has(event.type)) await quiesce();
  }

  /** Events nobody waited for, oldest first: continueAsNew hands them on. */
  unconsumedEvents(): Extract<HistoryEvent, { type: 'EventRaised' }>[] {
    return [...this.buffered];
  }

  get hasActions(): boolean {
    return this.actions.length > 0;
  }

  /** Steps the code asked for that the history does not hold yet, as history events. */
  takeActions(): HistoryEvent[] {
    return this.actions.splice(0);
  }

  pendingActivities(): [number, ActivityStep][] {
    return [...this.steps].filter((entry): entry is [number, ActivityStep] => entry[1].kind === 'activity' && !entry[1].done);
  }

  pendingTimers(): [number, TimerStep][] {
    return [...this.steps].filter((entry): entry is [number, TimerStep] => entry[1].kind === 'timer' && !entry[1].done && !entry[1].cancelled);
  }

  callActivity(name: string, input: unknown, options: ActivityOptions): Task<unknown> {
    const task = new Task<unknown>();
    const recorded = this.schedule({ type: 'TaskScheduled', name, input });
    if (recorded === undefined) return task;
    this.steps.set(recorded.step, {
      kind: 'activity', name, input, options, task,
      scheduledAt: new Date(recorded.time), failedAttempts: 0, done: false,
    });
    return task;
  }

  createTimer(fireAt: Date): Task<void> {
    const task = new Task<void>();
    const recorded = this.schedule({ type: 'TimerCreated', fireAt: fireAt.toISOString() });
    if (recorded?.type !== 'TimerCreated') return task;
    this.steps.set(recorded.step, { kind: 'timer', fireAt: new Date(recorded.fireAt), task, cancelled: false, done: false });
    return task;
  }

  waitForEvent<T>(name: string, timeoutMs?: number): Task<T> {
    const event = this.eventTask(name) as Task<T>;
    if (timeoutMs === undefined) return event;
    const timerStep = this.nextStep;
    const timer = this.createTimer(new Date(this.currentTime.getTime() + timeoutMs));
    const result = new Task<T>();
    event.onSettled(() => {
      const step = this.steps.get(timerStep);
      if (step?.kind === 'timer') step.cancelled = true;
      result.complete(event.result as T);
    });
    timer.onSettled(() => {
      const queue = this.waiters.get(name) ?? [];
      const index = queue.indexOf(event as Task<unknown>);
      if (index >= 0) queue.splice(index, 1);
      result.fail(new EventTimeoutError(name, timeoutMs));
    });
    return result;
  }

  newGuid(): string {
    const hash = createHash('sha1').update(`${this.instanceId}:${this.executionId}:${this.guids++}`).digest('hex');
    const variant = ((parseInt(hash.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
    return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-5${hash.slice(13, 16)}-${variant}${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
  }

  continueAsNew(input: unknown): void {
    this.continueWith = { input };
  }

  private apply(event: HistoryEvent): void {
    switch (event.type) {
      case 'OrchestratorStarted':
        this.currentTime = new Date(event.time);
        return;
      case 'ExecutionStarted':
        this.executionId = event.executionId;
        this.input = event.input;
        this.start(event.name);
        return;
      case 'TaskScheduled':
      case 'TimerCreated':
        if (!this.steps.has(event.step)) this.fault(event.step, describe(event), 'nothing (it took another path)');
        return;
      case 'TaskAttemptFailed': {
        const step = this.steps.get(event.step);
        if (step?.kind !== 'activity') return;
        step.failedAttempts = event.attempt;
        step.retryAt = new Date(event.retryAt);
        return;
      }
      case 'TaskCompleted':
      case 'TaskFailed': {
        const step = this.steps.get(event.step);
        if (step?.kind !== 'activity') return;
        step.done = true;
        if (event.type === 'TaskCompleted') step.task.complete(event.result);
        else step.task.fail(new ActivityFailedError(step.name, event.attempts, event.failure));
        return;
      }
      case 'TimerFired': {
        const step = this.steps.get(event.step);
        if (step?.kind !== 'timer') return;
        step.done = true;
        step.task.complete();
        return;
      }
      case 'EventRaised': {
        const waiter = this.waiters.get(event.name)?.shift();
        if (waiter) waiter.complete(event.data);
        else this.buffered.push(event);
        return;
      }
      default:
        return;
    }
  }

  private start(name: string): void {
    const orchestrator = this.orchestrators(name);
    if (!orchestrator) {
      this.outcome = { type: 'failed', failure: failureOf(new UnknownFunctionError('orchestrator', name)) };
      return;
    }
    (async () => orchestrator(this.context))().then(
      (output) => {
        if (this.aborted || this.outcome) return;
        this.outcome = this.continueWith ? { type: 'continueAsNew', input: this.continueWith.input } : { type: 'completed', output };
      },
      (error: unknown) => {
        if (this.aborted || this.outcome) return;
        this.outcome = { type: 'failed', failure: failureOf(error) };
      },
    );
  }

  /** Numbers the step and checks it against the history; undefined once the run is over. */
  private schedule(
    request: { type: 'TaskScheduled'; name: string; input: unknown } | { type: 'TimerCreated'; fireAt: string },
  ): ScheduledEvent | undefined {
    if (this.outcome || this.aborted) return undefined;
    const step = this.nextStep++;
    const recorded = this.recorded.get(step);
    if (recorded) {
      const requested = describe(request as { type: ScheduledEvent['type']; name?: string });
      if (describe(recorded) !== requested) throw this.fault(step, describe(recorded), requested);
      return recorded;
    }
    const event = { ...request, step, time: this.currentTime.toISOString() } as ScheduledEvent;
    this.actions.push(event);
    return event;
  }

  /** Fails the run whatever the code does with the error: it may catch it, but cannot carry on. */
  private fault(step: number, recorded: string, requested: string): NonDeterministicOrchestration {
    const error = new NonDeterministicOrchestration(step, recorded, requested);
    this.outcome ??= { type: 'failed', failure: failureOf(error) };
    return error;
  }

  private eventTask(name: string): Task<unknown> {
    const task = new Task<unknown>();
    const index = this.buffered.findIndex((event) => event.name === name);
    if (index >= 0) task.complete(this.buffered.splice(index, 1)[0]!.data);
    else this.waiters.set(name, [...(this.waiters.get(name) ?? []), task]);
    return task;
  }
}
