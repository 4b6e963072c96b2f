/**
 * What an out-of-process orchestrator returns to the Durable extension (the SDK's OrchestratorState,
 * read by the extension's OutOfProcOrchestrationShim): cumulative actions since the execution began,
 * `isDone`, `output`, `error`, `customStatus` and the schema version it speaks.
 */
export const ActionType = {
  CallActivity: 0,
  CallActivityWithRetry: 1,
  CallSubOrchestrator: 2,
  CallSubOrchestratorWithRetry: 3,
  ContinueAsNew: 4,
  CreateTimer: 5,
  WaitForExternalEvent: 6,
  CallEntity: 7,
  CallHttp: 8,
  SignalEntity: 9,
  WhenAny: 11,
  WhenAll: 12,
} as const;

export interface RetryOptions {
  firstRetryIntervalInMilliseconds: number;
  maxNumberOfAttempts: number;
  backoffCoefficient?: number;
  maxRetryIntervalInMilliseconds?: number;
  retryTimeoutInMilliseconds?: number;
}

export interface Action {
  actionType: number;
  functionName?: string;
  input?: unknown;
  compoundActions?: Action[];
  fireAt?: string;
  isCanceled?: boolean;
  externalEventName?: string;
  retryOptions?: RetryOptions;
  instanceId?: string;
}

export interface OrchestratorState {
  isDone: boolean;
  actions: Action[][];
  output?: unknown;
  error?: string;
  customStatus?: unknown;
  schemaVersion?: number;
}

const outOfProcDataLabel = '$OutOfProcData$:';

/**
 * The state an orchestrator invocation produced: its return value, or — when the function threw —
 * the state the SDK appends to the error message after `$OutOfProcData$:` (as the extension reads it).
 * Undefined when a failure carries no state.
 */
export function stateOf(result: { ok: true; json: string | null } | { ok: false; error: Error }): OrchestratorState | undefined {
  if (result.ok) return result.json ? (JSON.parse(result.json) as OrchestratorState) : undefined;
  const at = result.error.message.indexOf(outOfProcDataLabel);
  if (at < 0) return undefined;
  return JSON.parse(result.error.message.slice(at + outOfProcDataLabel.length)) as OrchestratorState;
}

/** DTFx's retry delay: first interval × coefficient^attempt, capped; zero once the retry timeout has passed. */
export function retryDelayMs(options: RetryOptions, attempt: number, firstAttempt: Date, now: Date): number {
  const timeout = options.retryTimeoutInMilliseconds;
  if (timeout !== undefined && now.getTime() >= firstAttempt.getTime() + timeout) return 0;
  const delay = options.firstRetryIntervalInMilliseconds * Math.pow(options.backoffCoefficient ?? 1, attempt);
  const cap = options.maxRetryIntervalInMilliseconds ?? 6 * 24 * 3600 * 1000;
  return Math.min(delay, cap);
}
