import type { FailureDetails, RuntimeStatus } from './types';

/** A replay asked for a different step than the history holds at that position. */
export class NonDeterministicOrchestration extends Error {
  override readonly name = 'NonDeterministicOrchestration';
  constructor(
    readonly step: number,
    readonly recorded: string,
    readonly requested: string,
  ) {
    super(`Step ${step}: the history holds ${recorded} but the orchestrator asked for ${requested}`);
  }
}

export class InstanceNotFoundError extends Error {
  override readonly name = 'InstanceNotFoundError';
  constructor(readonly instanceId: string) {
    super(`No orchestration instance "${instanceId}"`);
  }
}

/** The instance has finished (or was terminated): it takes no more events. The HTTP layer answers 410. */
export class InstanceFinishedError extends Error {
  override readonly name = 'InstanceFinishedError';
  constructor(
    readonly instanceId: string,
    readonly runtimeStatus: RuntimeStatus,
  ) {
    super(`Orchestration instance "${instanceId}" is ${runtimeStatus}`);
  }
}

export class InstanceExistsError extends Error {
  override readonly name = 'InstanceExistsError';
  constructor(
    readonly instanceId: string,
    readonly runtimeStatus: RuntimeStatus,
  ) {
    super(`Orchestration instance "${instanceId}" already exists and is ${runtimeStatus}`);
  }
}

export class UnknownFunctionError extends Error {
  override readonly name = 'UnknownFunctionError';
  constructor(
    readonly kind: 'orchestrator' | 'activity',
    readonly functionName: string,
  ) {
    super(`No ${kind} named "${functionName}" is registered`);
  }
}

/** What an orchestrator sees when an activity failed for good. */
export class ActivityFailedError extends Error {
  override readonly name = 'ActivityFailedError';
  constructor(
    readonly activity: string,
    readonly attempts: number,
    readonly failure: FailureDetails,
  ) {
    super(`Activity "${activity}" failed after ${attempts} attempt(s): ${failure.name}: ${failure.message}`);
  }
}

export class ActivityTimeoutError extends Error {
  override readonly name = 'ActivityTimeoutError';
  constructor(
    readonly activity: string,
    readonly timeoutMs: number,
  ) {
    super(`Activity "${activity}" did not finish within ${timeoutMs} ms`);
  }
}

/** waitForExternalEvent with a timeout: the timer fired before the event arrived. */
export class EventTimeoutError extends Error {
  override readonly name = 'EventTimeoutError';
  constructor(
    readonly eventName: string,
    readonly timeoutMs: number,
  ) {
    super(`Event "${eventName}" did not arrive within ${timeoutMs} ms`);
  }
}

/** Another worker wrote first (ETag mismatch or history row already present). */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

export function failureOf(error: unknown): FailureDetails {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
