import * as df from 'durable-functions';
import { beforeAll, describe, expect, it } from 'vitest';
import { runEpisode } from '../../host/durable/episode';
import { EventType, type HistoryEvent, historyEvent } from '../../host/durable/history';
import type { InstanceRow } from '../../host/durable/store';
import { provideFunctionsCore } from '../../host/worker/functions-core';

/**
 * Episodes of real durable-functions orchestrators, with histories shaped as the extension builds
 * them, replayed by the stand-in's shim — no storage: what the SDK returns against what the
 * extension would schedule.
 */

const t0 = Date.parse('2026-03-01T08:00:00Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000);
const deadline = () => at(900).toISOString();

beforeAll(() => {
  provideFunctionsCore();
  df.app.activity('work', { handler: () => 'worked' });
  /** Reuses one timer across two Task.any turns (azure-functions-durable-js issue 574). */
  df.app.orchestration('reusedTimer', function* (context) {
    const expiry = context.df.createTimer(new Date(deadline()));
    yield context.df.Task.any([context.df.waitForExternalEvent('message'), expiry]);
    yield context.df.Task.any([context.df.waitForExternalEvent('message'), expiry]);
    return yield context.df.callActivity('work');
  });
  /** The same conversation with a fresh timer for each turn. */
  df.app.orchestration('freshTimer', function* (context) {
    yield context.df.Task.any([context.df.waitForExternalEvent('message'), context.df.createTimer(new Date(deadline()))]);
    yield context.df.Task.any([context.df.waitForExternalEvent('message'), context.df.createTimer(new Date(deadline()))]);
    return yield context.df.callActivity('work');
  });
  df.app.orchestration('looping', function* (context) {
    const count = context.df.getInput<number>();
    yield context.df.callActivity('work');
    if (count < 2) context.df.continueAsNew(count + 1);
    return count;
  });
  df.app.orchestration('earlyEvent', function* (context) {
    yield context.df.callActivity('work');
    return yield context.df.waitForExternalEvent('approval');
  });
});

function row(name: string, input: unknown = null): InstanceRow {
  const created = at(0).toISOString();
  return {
    instanceId: `${name}-1`,
    name,
    runtimeStatus: 'Running',
    input,
    output: undefined,
    customStatus: undefined,
    createdTime: created,
    lastUpdatedTime: created,
    executionId: 'e1',
    historyStart: 0,
    parentInstanceId: '',
    parentTaskId: -1,
    leaseOwner: '',
    leaseUntil: '',
    wakeAt: '',
  };
}

/** Runs episodes one after the other, each with the given new events, as the runner does. */
async function episodes(instance: InstanceRow, ...steps: ((now: Date) => HistoryEvent[])[]) {
  let past: HistoryEvent[] = [];
  let last;
  for (const [index, step] of steps.entries()) {
    const now = at(index * 10);
    const fresh = [historyEvent(EventType.OrchestratorStarted, now), ...step(now)];
    last = await runEpisode(instance, past, fresh, now);
    past = [...past, ...last.events];
  }
  return { past, last: last! };
}

const started = (input: unknown) => (now: Date) => [historyEvent(EventType.ExecutionStarted, now, { Name: 'x', Input: JSON.stringify(input) })];
const message = (now: Date) => [historyEvent(EventType.EventRaised, now, { Name: 'message', Input: '"hi"' })];
const completed = (id: number) => (now: Date) => [historyEvent(EventType.TaskCompleted, now, { TaskScheduledId: id, Result: '"worked"' })];
const scheduledIds = (events: HistoryEvent[], type: number) => events.filter((e) => e.EventType === type).map((e) => e.EventId);

describe('the shim numbers what the SDK sends as DTFx does', () => {
  it('gives a timer sent again in a later Task.any a new sequence number, so the ids after it drift (issue 574)', async () => {
    const reused = await episodes(row('reusedTimer'), started(null), message, message);
    // Turn 2 re-sends the timer: the extension schedules it again as id 1, and the activity becomes id 2 …
    expect(scheduledIds(reused.past, EventType.TimerCreated)).toEqual([0, 1]);
    expect(scheduledIds(reused.past, EventType.TaskScheduled)).toEqual([2]);
    // … while the SDK numbered the activity 1: its completion (id 2) never reaches the orchestrator.
    const stuck = await runEpisode(row('reusedTimer'), reused.past, [historyEvent(EventType.OrchestratorStarted, at(40)), ...completed(2)(at(40))], at(40));
    expect(stuck.outcome).toEqual({ kind: 'running' });

    const fresh = await episodes(row('freshTimer'), started(null), message, message, completed(2));
    expect(scheduledIds(fresh.past, EventType.TimerCreated)).toEqual([0, 1]);
    expect(fresh.last.outcome).toEqual({ kind: 'completed', output: 'worked' });
  });

  it('continues as new: the episode ends with ContinueAsNew carrying the new input, not ExecutionCompleted', async () => {
    const { last } = await episodes(row('looping', 0), started(0), completed(0));
    expect(last.outcome).toEqual({ kind: 'continuedAsNew', input: 1 });
    expect(last.events.map((e) => e.EventType)).toEqual([EventType.OrchestratorStarted, EventType.TaskCompleted, EventType.ContinueAsNew, EventType.OrchestratorCompleted]);
    expect(last.events[2]!.Result).toBe('1');
    const final = await episodes(row('looping', 2), started(2), completed(0));
    expect(final.last.outcome).toEqual({ kind: 'completed', output: 2 });
  });

  it('buffers an event that arrives before anyone waits for it, as the extension does', async () => {
    const early = (now: Date) => [historyEvent(EventType.EventRaised, now, { Name: 'approval', Input: 'true' })];
    const { past, last } = await episodes(row('earlyEvent'), started(null), early);
    expect(last.outcome).toEqual({ kind: 'running' });
    const done = await runEpisode(row('earlyEvent'), past, [historyEvent(EventType.OrchestratorStarted, at(30)), ...completed(0)(at(30))], at(30));
    expect(done.outcome).toEqual({ kind: 'completed', output: true });
  });

  it('fails the instance when the history holds a task the replay schedules differently or not at all', async () => {
    const { past } = await episodes(row('earlyEvent'), started(null));
    const renamed = past.map((e) => (e.EventType === EventType.TaskScheduled ? { ...e, Name: 'other' } : e));
    const next = [historyEvent(EventType.OrchestratorStarted, at(30)), ...completed(0)(at(30))];
    const mismatch = await runEpisode(row('earlyEvent'), renamed, next, at(30));
    expect(mismatch.outcome).toMatchObject({ kind: 'failed' });
    expect((mismatch.outcome as { message: string }).message).toMatch(
      /^Non-Deterministic workflow detected: A previous execution of this orchestration scheduled an activity task with sequence ID 0 and name 'other', but the current orchestration replay instead scheduled an activity task named 'work'/,
    );
    const extra = [...past, historyEvent(EventType.TimerCreated, at(0), { FireAt: deadline() }, 1)];
    const missing = await runEpisode(row('earlyEvent'), extra, next, at(30));
    expect((missing.outcome as { message: string }).message).toMatch(/scheduled a timer task with sequence ID 1, but the current replay execution hasn't \(yet\?\) scheduled this task/);
    expect(missing.events.at(-2)).toMatchObject({ EventType: EventType.ExecutionCompleted, OrchestrationStatus: 3 });
  });
});
