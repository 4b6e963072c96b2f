/**
 * Interim bridge while the local host cannot yet play the Durable Task extension's part: runs a
 * Durable Functions generator orchestrator (durable-functions' programming model) on this engine,
 * and offers the engine as the three DurableClient calls the conversation API makes. Under the
 * extension (Azure, func start) neither is used: the SDK and the real durable client binding are.
 */
import type { DurableClient, DurableOrchestrationStatus } from 'durable-functions';
import type { OrchestrationContext } from './context';
import type { DurableEngine } from './engine';
import { Task, whenAll, whenAny, type Winner } from './task';
import type { Orchestrator } from './types';

/** The part of `context.df` the app's orchestrators use. */
export interface SdkOrchestrationApi {
  readonly instanceId: string;
  readonly currentUtcDateTime: Date;
  readonly isReplaying: boolean;
  getInput<T>(): T;
  callActivity(name: string, input?: unknown): Task<unknown>;
  createTimer(fireAt: Date): Task<void>;
  waitForExternalEvent(name: string): Task<unknown>;
  Task: { all(tasks: Task<unknown>[]): Task<unknown>; any(tasks: Task<unknown>[]): Task<unknown> };
  newGuid(name: string): string;
  setCustomStatus(value: unknown): void;
  continueAsNew(input: unknown): void;
}

type SdkGenerator = (context: { df: SdkOrchestrationApi; error(...args: unknown[]): void }) => Generator<unknown, unknown, any>;

const anyTasks = new WeakSet<Task<unknown>>();

function api(ctx: OrchestrationContext): SdkOrchestrationApi {
  return {
    get instanceId() { return ctx.instanceId; },
    get currentUtcDateTime() { return ctx.currentUtcDateTime; },
    get isReplaying() { return ctx.isReplaying; },
    getInput: <T>() => ctx.input as T,
    callActivity: (name, input) => ctx.callActivity(name, input),
    createTimer: (fireAt) => ctx.createTimer(fireAt),
    waitForExternalEvent: (name) => ctx.waitForExternalEvent(name),
    Task: {
      all: (tasks) => whenAll(tasks),
      any: (tasks) => {
        const any = whenAny(tasks) as Task<unknown>;
        anyTasks.add(any);
        return any;
      },
    },
    newGuid: () => ctx.newGuid(),
    setCustomStatus: (value) => ctx.setCustomStatus(value),
    continueAsNew: (input) => ctx.continueAsNew(input),
  };
}

/**
 * What yielding the task gives the generator, as the SDK gives it: Task.any gives the winning task
 * itself. Boxed, because a task is thenable and an async function would unwrap it to its value.
 */
async function outcome(task: Task<unknown>): Promise<{ value: unknown }> {
  await new Promise<void>((resolve) => task.onSettled(resolve));
  if (task.isFaulted) throw task.errorOf();
  return { value: anyTasks.has(task) ? (task.result as Winner<unknown>).task : task.result };
}

export function fromGenerator(fn: SdkGenerator): Orchestrator {
  return async (ctx) => {
    const generator = fn({ df: api(ctx), error: (...args) => console.error(...args) });
    let step = generator.next();
    while (!step.done) {
      try {
        step = generator.next((await outcome(step.value as Task<unknown>)).value);
      } catch (error) {
        step = generator.throw(error);
      }
    }
    return step.value;
  };
}

/** The calls the conversation API makes of a durable client. */
export type ConversationClient = Pick<DurableClient, 'startNew' | 'raiseEvent' | 'getStatus'>;

/** The engine as those calls; a missing instance fails as the SDK reports the extension's 404. */
export function engineClient(engine: DurableEngine): ConversationClient {
  return {
    async startNew(name, options) {
      return (await engine.startNew(name, { instanceId: options?.instanceId, input: options?.input })).instanceId;
    },
    async raiseEvent(instanceId, eventName, eventData) {
      await engine.raiseEvent(instanceId, eventName, eventData);
    },
    async getStatus(instanceId, options) {
      const status = await engine.getStatus(instanceId, { showInput: options?.showInput ?? true });
      if (!status) throw new Error(`DurableClient error: Durable Functions extension replied with HTTP 404 response for ${instanceId}.`);
      return { ...status, createdTime: new Date(status.createdTime), lastUpdatedTime: new Date(status.lastUpdatedTime) } as unknown as DurableOrchestrationStatus;
    },
  };
}
