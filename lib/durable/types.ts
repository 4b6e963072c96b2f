import type { OrchestrationContext } from './context';

export const runtimeStatuses = ['Pending', 'Running', 'Completed', 'Failed', 'Terminated', 'Suspended', 'ContinuedAsNew'] as const;

export type RuntimeStatus = (typeof runtimeStatuses)[number];

export const finishedStatuses: readonly RuntimeStatus[] = ['Completed', 'Failed', 'Terminated'];

export interface FailureDetails {
  name: string;
  message: string;
}

export type Orchestrator<TInput = any, TOutput = unknown> = (ctx: OrchestrationContext<TInput>) => PromiseLike<TOutput>;

export interface ActivityContext {
  instanceId: string;
  /** `instanceId:step`; the same on every attempt and on a re-run after a crash. */
  idempotencyKey: string;
  attempt: number;
  /** Aborted when the attempt times out. */
  signal: AbortSignal;
}

export type Activity<TInput = any, TOutput = unknown> = (input: TInput, ctx: ActivityContext) => Promise<TOutput> | TOutput;

export interface ActivityOptions {
  /** Attempts in all, the first included (default 1: no retry). */
  maxAttempts?: number;
  /** Wait before the second attempt (default 1000 ms). */
  firstRetryIntervalMs?: number;
  /** Each further wait is the previous one times this (default 2). */
  backoffCoefficient?: number;
  maxRetryIntervalMs?: number;
  /** No retry starts later than this after the first attempt. */
  retryTimeoutMs?: number;
  /** Time limit of one attempt. */
  timeoutMs?: number;
}

export interface InstanceStatus {
  instanceId: string;
  name: string;
  runtimeStatus: RuntimeStatus;
  input?: unknown;
  output: unknown;
  customStatus: unknown;
  failure?: FailureDetails;
  createdTime: string;
  lastUpdatedTime: string;
  history?: HistoryEvent[];
}

type Timed<T> = T & { time: string };

/** One row of `<Hub>History`. Step events carry the step's sequence number in the orchestration. */
export type HistoryEvent = Timed<
  | { type: 'OrchestratorStarted' }
  | { type: 'ExecutionStarted'; name: string; input: unknown; executionId: string }
  | { type: 'TaskScheduled'; step: number; name: string; input: unknown }
  | { type: 'TaskAttemptFailed'; step: number; attempt: number; failure: FailureDetails; retryAt: string }
  | { type: 'TaskCompleted'; step: number; result: unknown }
  | { type: 'TaskFailed'; step: number; attempts: number; failure: FailureDetails }
  | { type: 'TimerCreated'; step: number; fireAt: string }
  | { type: 'TimerFired'; step: number }
  | { type: 'EventRaised'; name: string; data: unknown; eventId: string }
  | { type: 'ExecutionCompleted'; output: unknown }
  | { type: 'ExecutionFailed'; failure: FailureDetails }
  | { type: 'ContinuedAsNew'; input: unknown }
>;
