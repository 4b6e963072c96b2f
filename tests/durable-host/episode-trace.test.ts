import { describe, expect, it } from 'vitest';
import { EventType, historyEvent, type HistoryEvent } from '../../host/durable/history';
import { episodeTrace } from '../../host/durable/tracing';

const at = '2026-11-30T12:00:00.000Z';
const context = (id: string) => ({ ParentTraceContext: { TraceParent: `00-${id.repeat(32).slice(0, 32)}-${'b'.repeat(16)}-01`, TraceState: null } });
const traceId = (events: HistoryEvent[], past: HistoryEvent[]) => episodeTrace(events, past)?.traceParent.split('-')[1]?.[0];

const started = historyEvent(EventType.ExecutionStarted, at, { Name: 'conversation', ...context('c') });
const message = (id: string) => historyEvent(EventType.EventRaised, at, { Name: 'message', ...context(id) });
const scheduled = (eventId: number, id: string) => historyEvent(EventType.TaskScheduled, at, { Name: 'AirlineAgent', ...context(id) }, eventId);
const completed = (eventId: number) => historyEvent(EventType.TaskCompleted, at, { TaskScheduledId: eventId, Result: '{}' });

describe('the operation an episode continues', () => {
  it('a message: that message’s operation, even when a task completes in the same episode', () => {
    expect(traceId([completed(0), message('d')], [started, scheduled(0, 'c')])).toBe('d');
  });

  it('a task result with no message since it was scheduled: the operation that scheduled it', () => {
    expect(traceId([completed(0)], [started, message('d'), scheduled(0, 'd')])).toBe('d');
  });

  it('a task result after a message arrived while it ran: the message’s operation (what the orchestration turns to now)', () => {
    // A conversation's first message arrives while its start-up task (the tools catalogue) is still running.
    expect(traceId([completed(0)], [started, scheduled(0, 'c'), message('e')])).toBe('e');
  });

  it('the latest of several messages that arrived while the task ran', () => {
    expect(traceId([completed(0)], [started, scheduled(0, 'c'), message('e'), message('f')])).toBe('f');
  });

  it('a timer or a result of an unknown task: no operation to continue', () => {
    expect(episodeTrace([historyEvent(EventType.TimerFired, at, { TimerId: 3 })], [started])).toBeUndefined();
    expect(episodeTrace([completed(9)], [started])).toBeUndefined();
  });
});
