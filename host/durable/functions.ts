import { functionRegistry, type Registration } from '../worker/functions-core';
import { invokeFunction, jsonData, returnJson } from '../worker/invoke';
import { activityFailure, EventType, type HistoryEvent, historyEvent } from './history';

export type DurableKind = 'orchestration' | 'activity';

/** A registered orchestrator or activity function; names match case-insensitively, as in the Functions host. */
export function durableFunction(kind: DurableKind, name: string): Registration | undefined {
  const type = `${kind}Trigger`.toLowerCase();
  const wanted = name.toLowerCase();
  for (const registration of functionRegistry.functions.values()) {
    if (registration.trigger.type.toLowerCase() === type && registration.metadata.name.toLowerCase() === wanted) return registration;
  }
  return undefined;
}

/** The message the extension gives when an orchestration calls a function it does not know. */
export function missingFunction(kind: DurableKind, name: string): string {
  return `The function '${name}' doesn't exist, is disabled, or is not ${kind === 'activity' ? 'an activity' : 'an orchestrator'} function.`;
}

/**
 * Runs one scheduled activity as the extension's activity trigger does: the task's input as the
 * trigger data, the instance id in the trigger metadata; the return value becomes TaskCompleted's
 * Result, a thrown error TaskFailed.
 */
export async function runActivity(instanceId: string, scheduled: HistoryEvent, clock: () => Date): Promise<HistoryEvent> {
  const name = String(scheduled.Name);
  const done = (type: number, fields: Record<string, unknown>) => historyEvent(type, clock(), { TaskScheduledId: scheduled.EventId, ...fields });
  const registration = durableFunction('activity', name);
  if (!registration) return done(EventType.TaskFailed, activityFailure(name, new Error(missingFunction('activity', name))));
  const input = typeof scheduled.Input === 'string' ? JSON.parse(scheduled.Input) : undefined;
  try {
    const result = await invokeFunction(registration, {
      // A string input reaches the worker as a string (the SDK sent it JSON-encoded already), anything else as JSON.
      trigger: typeof input === 'string' ? { string: input } : (jsonData(input) ?? { json: 'null' }),
      triggerMetadata: { instanceId: { string: instanceId } },
    });
    if (result.ok) return done(EventType.TaskCompleted, { Result: returnJson(result.returnValue) });
    return done(EventType.TaskFailed, activityFailure(name, result.error));
  } catch (error) {
    return done(EventType.TaskFailed, activityFailure(name, error instanceof Error ? error : new Error(String(error))));
  }
}
