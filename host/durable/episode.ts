import { invokeFunction, returnJson } from '../worker/invoke';
import { stateOf } from './actions';
import { durableFunction, missingFunction } from './functions';
import { EventType, type HistoryEvent, historyEvent, jsonText, OrchestrationStatus } from './history';
import { type Outcome, replay } from './replay';
import type { InstanceRow } from './store';

export interface Episode {
  /** Rows to append: the episode's new events, what it scheduled, its completion and OrchestratorCompleted. */
  events: HistoryEvent[];
  outcome: Outcome;
  /** Present when the orchestrator set a custom status (the extension ignores null/absent ones). */
  customStatus?: { value: unknown };
}

/**
 * The orchestration trigger's data as the extension builds it (OrchestrationTriggerAttributeBindingProvider):
 * the history, the input as JSON, the schema versions it supports (V2 for old SDKs, V3 in the
 * "New" field the current SDK reads) and the Azure Storage provider's timer limits.
 */
function triggerInput(row: InstanceRow, history: HistoryEvent[], replaying: boolean) {
  return {
    history,
    input: row.input ?? null,
    instanceId: row.instanceId,
    isReplaying: replaying,
    parentInstanceId: row.parentInstanceId || null,
    upperSchemaVersion: 1,
    upperSchemaVersionNew: 2,
    longRunningTimerIntervalDuration: '3.00:00:00',
    maximumShortTimerDuration: '6.00:00:00',
    defaultHttpAsyncRequestSleepTimeMillseconds: 30000,
  };
}

function completion(outcome: Outcome, now: Date): HistoryEvent[] {
  switch (outcome.kind) {
    case 'completed':
      return [historyEvent(EventType.ExecutionCompleted, now, { OrchestrationStatus: OrchestrationStatus.Completed, Result: jsonText(outcome.output) })];
    case 'failed':
      return [
        historyEvent(EventType.ExecutionCompleted, now, {
          OrchestrationStatus: OrchestrationStatus.Failed,
          Result: outcome.details,
          FailureDetails: { ErrorType: 'OrchestrationFailureException', ErrorMessage: outcome.message },
        }),
      ];
    case 'continuedAsNew':
      return [historyEvent(EventType.ContinueAsNew, now, { Result: jsonText(outcome.input) })];
    default:
      return [];
  }
}

/** Runs the orchestrator over its past and this episode's new events, and replays what it returned. */
export async function runEpisode(row: InstanceRow, past: HistoryEvent[], fresh: HistoryEvent[], now: Date): Promise<Episode> {
  const fail = (message: string): Episode => {
    const outcome: Outcome = { kind: 'failed', message, details: message };
    return { events: [...fresh, ...completion(outcome, now), historyEvent(EventType.OrchestratorCompleted, now)], outcome };
  };
  const registration = durableFunction('orchestration', row.name);
  if (!registration) return fail(missingFunction('orchestration', row.name));
  const history = [...past.map((event) => ({ ...event, IsPlayed: true })), ...fresh];
  const result = await invokeFunction(registration, { trigger: { string: JSON.stringify(triggerInput(row, history, past.length > 0)) } });
  const state = stateOf(result.ok ? { ok: true, json: returnJson(result.returnValue) } : result);
  if (!state) return fail(`Orchestrator function '${row.name}' failed: ${result.ok ? 'it returned no orchestration state' : result.error.message}`);
  const exists = (kind: 'activity' | 'orchestration', name: string) => durableFunction(kind, name) !== undefined;
  const { scheduled, outcome } = replay(row.instanceId, row.name, history, state, now, exists);
  return {
    events: [...fresh, ...scheduled, ...completion(outcome, now), historyEvent(EventType.OrchestratorCompleted, now)],
    outcome,
    ...(state.customStatus !== undefined && state.customStatus !== null ? { customStatus: { value: state.customStatus } } : {}),
  };
}
