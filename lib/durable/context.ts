import type { Execution } from './execution';
import { type Task, type TaskValues, type Winner, whenAll, whenAny } from './task';
import type { ActivityOptions } from './types';

/**
 * What an orchestrator function sees. The code must be deterministic: all I/O goes through
 * activities, time through currentUtcDateTime and timers, randomness through newGuid.
 */
export class OrchestrationContext<TInput = any> {
  constructor(private readonly execution: Execution) {}

  get instanceId(): string {
    return this.execution.instanceId;
  }

  get input(): TInput {
    return this.execution.input as TInput;
  }

  /** The time of the current episode, the same on every replay. */
  get currentUtcDateTime(): Date {
    return new Date(this.execution.currentTime);
  }

  /** True while the code re-runs over recorded history (useful to silence logs). */
  get isReplaying(): boolean {
    return this.execution.replaying;
  }

  callActivity<T = unknown>(name: string, input?: unknown, options: ActivityOptions = {}): Task<T> {
    return this.execution.callActivity(name, input, options) as Task<T>;
  }

  createTimer(fireAt: Date): Task<void> {
    return this.execution.createTimer(fireAt);
  }

  /** With timeoutMs, the task fails with EventTimeoutError when the event has not arrived in time. */
  waitForExternalEvent<T = unknown>(name: string, options: { timeoutMs?: number } = {}): Task<T> {
    return this.execution.waitForEvent<T>(name, options.timeoutMs);
  }

  all<T extends readonly Task<unknown>[]>(tasks: [...T]): Task<TaskValues<T>> {
    return whenAll(tasks);
  }

  any<T>(tasks: readonly Task<T>[]): Task<Winner<T>> {
    return whenAny(tasks);
  }

  newGuid(): string {
    return this.execution.newGuid();
  }

  setCustomStatus(value: unknown): void {
    this.execution.customStatus = value;
  }

  /** Restarts the orchestration with a fresh history once the function returns. */
  continueAsNew(input: unknown): void {
    this.execution.continueAsNew(input);
  }
}
