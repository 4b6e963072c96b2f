type Outcome<T> = { ok: true; value: T } | { ok: false; error: Error };

let settleOrder = 0;

/**
 * A step's result inside an orchestrator. Unlike a promise it settles synchronously when the engine
 * delivers a history event, which keeps ctx.all / ctx.any deterministic, and it creates no promise
 * until awaited, so an un-awaited failed task cannot become an unhandled rejection.
 */
export class Task<T> implements PromiseLike<T> {
  private outcome?: Outcome<T>;
  private order = 0;
  private listeners: (() => void)[] = [];
  private promise?: Promise<T>;
  private settlePromise?: () => void;

  get isCompleted(): boolean {
    return this.outcome !== undefined;
  }

  get isFaulted(): boolean {
    return this.outcome?.ok === false;
  }

  /** The value of a task that completed successfully. */
  get result(): T | undefined {
    return this.outcome?.ok ? this.outcome.value : undefined;
  }

  complete(value: T): void {
    this.settle({ ok: true, value });
  }

  fail(error: Error): void {
    this.settle({ ok: false, error });
  }

  onSettled(listener: () => void): void {
    if (this.outcome) listener();
    else this.listeners.push(listener);
  }

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    if (!this.promise) {
      this.promise = new Promise<T>((resolve, reject) => {
        this.settlePromise = () => {
          const outcome = this.outcome!;
          if (outcome.ok) resolve(outcome.value);
          else reject(outcome.error);
        };
      });
      if (this.outcome) this.settlePromise?.();
    }
    return this.promise.then(onFulfilled, onRejected);
  }

  private settle(outcome: Outcome<T>): void {
    if (this.outcome) return;
    this.outcome = outcome;
    this.order = ++settleOrder;
    this.settlePromise?.();
    for (const listener of this.listeners.splice(0)) listener();
  }

  /** Of tasks that have settled, the one that settled first. */
  static earliest<T>(tasks: readonly Task<T>[], predicate: (task: Task<T>) => boolean): Task<T> | undefined {
    let first: Task<T> | undefined;
    for (const task of tasks) if (task.outcome && predicate(task) && (!first || task.order < first.order)) first = task;
    return first;
  }

  errorOf(): Error | undefined {
    return this.outcome?.ok === false ? this.outcome.error : undefined;
  }
}

export type TaskValues<T extends readonly Task<unknown>[]> = { [K in keyof T]: T[K] extends Task<infer V> ? V : never };

/** Completes with every value once all complete; fails with the first failure. */
export function whenAll<T extends readonly Task<unknown>[]>(tasks: [...T]): Task<TaskValues<T>> {
  const all = new Task<TaskValues<T>>();
  const check = () => {
    const failed = Task.earliest(tasks, (task) => task.isFaulted);
    if (failed) all.fail(failed.errorOf()!);
    else if (tasks.every((task) => task.isCompleted)) all.complete(tasks.map((task) => task.result) as TaskValues<T>);
  };
  if (tasks.length === 0) check();
  for (const task of tasks) task.onSettled(check);
  return all;
}

/** The task that settled first. Wrapped, because awaiting a bare task would unwrap it to its value. */
export interface Winner<T> {
  index: number;
  task: Task<T>;
}

/** Completes with the first task to settle (succeeded or failed), as Durable's Task.any does. */
export function whenAny<T>(tasks: readonly Task<T>[]): Task<Winner<T>> {
  const any = new Task<Winner<T>>();
  const check = () => {
    const first = Task.earliest(tasks, () => true);
    if (first) any.complete({ index: tasks.indexOf(first), task: first });
  };
  for (const task of tasks) task.onSettled(check);
  return any;
}
