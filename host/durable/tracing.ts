/**
 * Distributed tracing through orchestrations, as the extension's tracing V2 does it: the W3C trace
 * context of the request that starts an instance or raises an event is stored with it
 * (`ParentTraceContext` on the history event, as DTFx records it), each episode runs in an
 * `orchestration:<name>` span continuing the operation of the messages it handles, and each activity
 * in an `activity:<name>` span continuing the episode that scheduled it. Stored in the history, the
 * context survives a crash and another process continues the same operation.
 */
import { currentTraceContext, type TraceContext, tracedWithin } from '../../lib/telemetry';
import { EventType, type HistoryEvent } from './history';

interface ParentTraceContext {
  TraceParent: string;
  TraceState: string | null;
}

/** Events that hand work to an activity or a sub-orchestration: they carry the episode's context on. */
const scheduling = new Set<number>([EventType.TaskScheduled, EventType.SubOrchestrationInstanceCreated]);

const asField = (trace: TraceContext): ParentTraceContext => ({ TraceParent: trace.traceParent, TraceState: trace.traceState ?? null });

/** The stored context of an event, if it carries one. */
export function traceOf(event: HistoryEvent | undefined): TraceContext | undefined {
  const stored = event?.ParentTraceContext as ParentTraceContext | undefined;
  return stored?.TraceParent ? { traceParent: stored.TraceParent, ...(stored.TraceState ? { traceState: stored.TraceState } : {}) } : undefined;
}

/** A context (the current operation's by default) as an event field; none when there is none. */
export function traceField(trace = currentTraceContext()): { ParentTraceContext?: ParentTraceContext } {
  return trace ? { ParentTraceContext: asField(trace) } : {};
}

/**
 * The operation an episode continues: that of its latest message with a context (a raised event, the
 * start) — what it schedules now answers that message. Otherwise it handles a task's result: it continues
 * the latest message that arrived while the task ran (the orchestration was busy, so it turns to that
 * message now — a conversation's first message often arrives while its start-up tasks run), else the
 * operation that scheduled the task.
 */
export function episodeTrace(fresh: HistoryEvent[], past: HistoryEvent[]): TraceContext | undefined {
  const latest = [...fresh].reverse();
  const own = latest.map(traceOf).find(Boolean);
  if (own) return own;
  for (const event of latest) {
    if (event.EventType !== EventType.TaskCompleted && event.EventType !== EventType.TaskFailed) continue;
    const at = past.findIndex((e) => e.EventType === EventType.TaskScheduled && e.EventId === event.TaskScheduledId);
    if (at < 0) continue;
    const arrivedSince = past.slice(at + 1).filter((e) => e.EventType === EventType.EventRaised).reverse();
    const trace = arrivedSince.map(traceOf).find(Boolean) ?? traceOf(past[at]);
    if (trace) return trace;
  }
  return undefined;
}

/** Runs an episode in its orchestration span; the tasks it schedules carry that span's context. */
export async function inOrchestrationSpan<T extends { events: HistoryEvent[] }>(name: string, instanceId: string, past: HistoryEvent[], fresh: HistoryEvent[], run: () => Promise<T>): Promise<T> {
  return tracedWithin(episodeTrace(fresh, past), `orchestration:${name}`, { 'durabletask.type': 'orchestration', 'durabletask.task.name': name, 'durabletask.task.instance_id': instanceId }, async () => {
    const episode = await run();
    const field = traceField();
    for (const event of episode.events) if (scheduling.has(event.EventType)) Object.assign(event, field);
    return episode;
  });
}

/** Runs an activity in its span, continuing the episode that scheduled it. */
export function inActivitySpan<T>(instanceId: string, scheduled: HistoryEvent, run: () => Promise<T>): Promise<T> {
  const name = String(scheduled.Name);
  return tracedWithin(traceOf(scheduled), `activity:${name}`, { 'durabletask.type': 'activity', 'durabletask.task.name': name, 'durabletask.task.instance_id': instanceId }, run);
}

/** A context as the instance row's columns. */
export function traceColumns(trace: TraceContext | undefined): { traceParent?: string; traceState?: string } {
  return trace ? { traceParent: trace.traceParent, ...(trace.traceState ? { traceState: trace.traceState } : {}) } : {};
}

/** The context a row's instance was started in. */
export const rowTrace = (row: { traceParent?: string; traceState?: string }): TraceContext | undefined =>
  row.traceParent ? { traceParent: row.traceParent, ...(row.traceState ? { traceState: row.traceState } : {}) } : undefined;
