import { EventType, type HistoryEvent, parseJsonText } from './history';
import type { InstanceRow } from './store';

const eventNames = Object.fromEntries(Object.entries(EventType).map(([name, code]) => [code, name]));
const statusNames: Record<number, string> = { 1: 'Completed', 2: 'ContinuedAsNew', 3: 'Failed', 5: 'Terminated' };

/** A stored result as JSON when it is JSON, else as the text (a failure's message). */
function tolerantJson(text: unknown): unknown {
  try {
    return parseJsonText(text) ?? null;
  } catch {
    return text;
  }
}

/** A time as the extension's status payload writes it: ToString("s") + "Z", whole seconds. */
export function statusTime(iso: string): string {
  return iso ? `${iso.slice(0, 19)}Z` : iso;
}

export interface StatusOptions {
  showHistory?: boolean;
  showHistoryOutput?: boolean;
  showInput?: boolean;
}

/**
 * The history as the status API shows it (the extension's DurableClient): event types by name,
 * each completion merged with what scheduled it (FunctionName, ScheduledTime, Input), results only
 * with showHistoryOutput, and no OrchestratorStarted/Completed or scheduling rows.
 */
function friendlyHistory(history: HistoryEvent[], options: StatusOptions): Record<string, unknown>[] {
  const scheduled = new Map<string, { index: number; name: unknown; time: string; input: unknown }>();
  const dropped = new Set<number>();
  const items = history.map((event, index) => {
    const item: Record<string, unknown> = { ...event, EventType: eventNames[event.EventType] ?? event.EventType };
    const output = (show: boolean) => {
      if (show) item.Result = tolerantJson(item.Result);
      else delete item.Result;
    };
    switch (event.EventType) {
      case EventType.TaskScheduled:
      case EventType.SubOrchestrationInstanceCreated:
        scheduled.set(`${event.EventType}_${event.EventId}`, { index, name: event.Name, time: event.Timestamp, input: event.Input });
        delete item.Version;
        break;
      case EventType.TaskCompleted:
      case EventType.TaskFailed:
      case EventType.SubOrchestrationInstanceCompleted:
      case EventType.SubOrchestrationInstanceFailed: {
        const kind = event.EventType <= EventType.TaskFailed ? EventType.TaskScheduled : EventType.SubOrchestrationInstanceCreated;
        const origin = scheduled.get(`${kind}_${event.TaskScheduledId}`);
        if (origin) {
          Object.assign(item, { ScheduledTime: origin.time, FunctionName: origin.name, ...(options.showInput !== false ? { Input: origin.input } : {}) });
          dropped.add(origin.index);
        }
        delete item.TaskScheduledId;
        const completed = event.EventType === EventType.TaskCompleted || event.EventType === EventType.SubOrchestrationInstanceCompleted;
        if (completed) output(Boolean(options.showHistoryOutput));
        break;
      }
      case EventType.ExecutionStarted:
        Object.assign(item, { FunctionName: event.Name });
        for (const key of ['Name', 'OrchestrationInstance', 'ParentInstance', 'Version', 'Tags']) delete item[key];
        break;
      case EventType.ExecutionCompleted:
        item.OrchestrationStatus = statusNames[event.OrchestrationStatus as number] ?? event.OrchestrationStatus;
        output(Boolean(options.showHistoryOutput));
        break;
      case EventType.TimerFired:
        delete item.TimerId;
        break;
      case EventType.OrchestratorStarted:
      case EventType.OrchestratorCompleted:
        dropped.add(index);
        break;
    }
    if (options.showInput === false) delete item.Input;
    delete item.EventId;
    delete item.IsPlayed;
    return item;
  });
  return items.filter((_, index) => !dropped.has(index));
}

/** The extension's status payload (HttpApiHandler's StatusResponsePayload). */
export function statusPayload(row: InstanceRow, options: StatusOptions = {}, history?: HistoryEvent[]) {
  return {
    name: row.name,
    instanceId: row.instanceId,
    runtimeStatus: row.runtimeStatus,
    input: options.showInput === false ? null : (row.input ?? null),
    customStatus: row.customStatus ?? null,
    output: row.output ?? null,
    createdTime: statusTime(row.createdTime),
    lastUpdatedTime: statusTime(row.lastUpdatedTime),
    ...(options.showHistory && history ? { historyEvents: friendlyHistory(history, options) } : {}),
  };
}

export type StatusPayload = ReturnType<typeof statusPayload>;
