/**
 * Orchestration history as the Durable Task Framework (DTFx) serialises it for out-of-process
 * orchestrators: PascalCase fields, `EventType` codes of DurableTask.Core's EventType enum, `EventId`
 * = the task's sequence number for scheduling events and -1 otherwise, payloads as JSON text.
 * The durable-functions SDK reads exactly these fields (see its TaskOrchestrationExecutor).
 */
export const EventType = {
  ExecutionStarted: 0,
  ExecutionCompleted: 1,
  ExecutionTerminated: 3,
  TaskScheduled: 4,
  TaskCompleted: 5,
  TaskFailed: 6,
  SubOrchestrationInstanceCreated: 7,
  SubOrchestrationInstanceCompleted: 8,
  SubOrchestrationInstanceFailed: 9,
  TimerCreated: 10,
  TimerFired: 11,
  OrchestratorStarted: 12,
  OrchestratorCompleted: 13,
  EventRaised: 15,
  ContinueAsNew: 16,
  ExecutionSuspended: 19,
  ExecutionResumed: 20,
} as const;

/** DurableTask.Core's OrchestrationStatus codes, as ExecutionCompleted carries them. */
export const OrchestrationStatus = { Completed: 1, ContinuedAsNew: 2, Failed: 3, Terminated: 5 } as const;

export interface HistoryEvent {
  EventType: number;
  EventId: number;
  IsPlayed: boolean;
  Timestamp: string;
  [field: string]: unknown;
}

/** A JS value as DTFx stores payloads: JSON text, or null for none. */
export function jsonText(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

export function parseJsonText(text: unknown): unknown {
  return typeof text === 'string' && text !== '' ? JSON.parse(text) : undefined;
}

export function historyEvent(type: number, time: Date | string, fields: Record<string, unknown> = {}, eventId = -1): HistoryEvent {
  return { EventType: type, EventId: eventId, IsPlayed: false, Timestamp: typeof time === 'string' ? time : time.toISOString(), ...fields };
}

/** The reason text DTFx records for a failed activity, as the extension's activity shim words it. */
export function activityFailure(name: string, error: Error): { Reason: string; Details: string } {
  return {
    Reason: `Activity function '${name}' failed: ${error.message}`,
    Details: JSON.stringify({ Message: error.message, StackTrace: error.stack ?? '' }),
  };
}
