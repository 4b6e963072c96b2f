import { describe, expect, it } from 'vitest';
import { EventType } from '../../host/durable/history';
import { useStandIn } from './harness';

const standIn = useStandIn();

/** Starts an orchestration through the app's HTTP function (DurableClient.startNew + createCheckStatusResponse). */
async function start(name: string, input?: unknown, instanceId?: string) {
  const response = await standIn.api(`start/${name}`, { json: { input, instanceId } });
  expect(response.status).toBe(202);
  return (await response.json()) as Record<string, string>;
}

async function storedHistory(instanceId: string) {
  const row = (await standIn.extension.client.runner.store.read(instanceId))!.row;
  return (await standIn.extension.client.runner.store.load(instanceId, row.historyStart)).events;
}

describe('orchestrations written with durable-functions run on the stand-in', () => {
  it('answers startNew with the extension’s check-status payload and runs an activity chain', async () => {
    const links = await start('chain', 3);
    expect(Object.keys(links).sort()).toEqual(
      ['id', 'statusQueryGetUri', 'sendEventPostUri', 'terminatePostUri', 'rewindPostUri', 'purgeHistoryDeleteUri', 'restartPostUri', 'suspendPostUri', 'resumePostUri'].sort(),
    );
    const hub = standIn.extension.clientBindingData().taskHubName;
    expect(links.statusQueryGetUri).toBe(`${standIn.origin}/runtime/webhooks/durabletask/instances/${links.id}?taskHub=${hub}&connection=Storage&code=${standIn.key}`);
    const status = await standIn.finished(links.id!);
    expect(status).toMatchObject({ name: 'chain', runtimeStatus: 'Completed', input: 3, output: 12 });
    // The status URL the SDK handed out works as it would in Azure: 200 with the same payload.
    const viaUrl = await fetch(links.statusQueryGetUri!);
    expect(viaUrl.status).toBe(200);
    expect(await viaUrl.json()).toMatchObject({ runtimeStatus: 'Completed', output: 12 });
    const history = await storedHistory(links.id!);
    expect(history.filter((e) => e.EventType === EventType.TaskScheduled).map((e) => [e.EventId, e.Name, e.Input])).toEqual([
      [0, 'double', '3'],
      [1, 'double', '6'],
    ]);
    expect(history.filter((e) => e.EventType === EventType.TaskCompleted).map((e) => [e.TaskScheduledId, e.Result])).toEqual([
      [0, '6'],
      [1, '12'],
    ]);
  });

  it('retries an activity with a timer between attempts, numbering them as DTFx does', async () => {
    const { id } = await start('retry', 'r1');
    const status = await standIn.finished(id!);
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: { key: 'r1', attempts: 3 } });
    const scheduling = (await storedHistory(id!)).filter((e) => e.EventType === EventType.TaskScheduled || e.EventType === EventType.TimerCreated);
    expect(scheduling.map((e) => [e.EventType, e.EventId])).toEqual([
      [EventType.TaskScheduled, 0],
      [EventType.TimerCreated, 1],
      [EventType.TaskScheduled, 2],
      [EventType.TimerCreated, 3],
      [EventType.TaskScheduled, 4],
    ]);
    const [first, second] = scheduling.filter((e) => e.EventType === EventType.TimerCreated);
    expect(new Date(String(first!.FireAt)).getTime() - new Date(first!.Timestamp).getTime()).toBe(200);
    expect(new Date(String(second!.FireAt)).getTime() - new Date(second!.Timestamp).getTime()).toBe(200);
  });

  it('hands an activity’s failure to the orchestrator as the extension words it', async () => {
    const { id } = await start('catching');
    const status = await standIn.finished(id!);
    expect(status.runtimeStatus).toBe('Completed');
    expect(String(status.output)).toContain("Activity function 'boom' failed: the activity broke");
  });

  it('fails an orchestrator that throws, with the extension’s output text', async () => {
    const { id } = await start('throwing');
    const status = await standIn.finished(id!);
    expect(status.runtimeStatus).toBe('Failed');
    expect(status.output).toBe("Orchestrator function 'throwing' failed: the orchestrator gave up");
    const failed = await standIn.webhook(`instances/${id}?returnInternalServerErrorOnFailure=true`);
    expect(failed.status).toBe(500);
  });

  it('races an event against a fresh timer each turn: the first turn expires, the second is answered', async () => {
    const { id } = await start('approval', [300, 600_000]);
    await standIn.finished(id!, (s) => (s.customStatus as { turn?: number } | null)?.turn === 2);
    const raised = await standIn.api(`answer/${id}`, { json: 'yes' });
    expect(raised.status).toBe(202);
    const status = await standIn.finished(id!);
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: ['expired', 'yes'], customStatus: { turn: 'done' } });
    const history = await storedHistory(id!);
    expect(history.filter((e) => e.EventType === EventType.TimerCreated).map((e) => e.EventId)).toEqual([0, 1]);
    expect(history.filter((e) => e.EventType === EventType.EventRaised).map((e) => [e.Name, e.Input])).toEqual([['answer', '"yes"']]);
  });

  it('fans out with Task.all and runs a sub-orchestration', async () => {
    const fan = await start('fanout', ['a', 'b', 'c']);
    expect(await standIn.finished(fan.id!)).toMatchObject({ runtimeStatus: 'Completed', output: ['hello a', 'hello b', 'hello c'] });
    const parent = await start('parent', 5);
    expect(await standIn.finished(parent.id!)).toMatchObject({ runtimeStatus: 'Completed', output: { child: 20 } });
    const created = (await storedHistory(parent.id!)).find((e) => e.EventType === EventType.SubOrchestrationInstanceCreated)!;
    expect(await standIn.extension.client.status(String(created.InstanceId))).toMatchObject({ name: 'chain', runtimeStatus: 'Completed', output: 20 });
  });

  it('continues as new with a fresh history until the counter is done', async () => {
    const { id } = await start('counter', 0);
    const status = await standIn.finished(id!);
    expect(status).toMatchObject({ runtimeStatus: 'Completed', input: 3, output: 3 });
    const history = await storedHistory(id!);
    expect(history.filter((e) => e.EventType === EventType.ExecutionStarted).map((e) => e.Input)).toEqual(['3']);
  });

  it('detects a non-deterministic orchestrator on replay, which the SDK does not', async () => {
    standIn.scaffolding.nonDeterministic = false;
    const { id } = await start('nondeterministic');
    await standIn.finished(id!, () => true);
    await standIn.finished(id!, (s) => (s.historyEvents ?? []).some((e) => e.EventType === 'TaskCompleted'));
    standIn.scaffolding.nonDeterministic = true;
    try {
      expect((await standIn.api(`answer/${id}?event=go`, { json: null })).status).toBe(202);
      const status = await standIn.finished(id!);
      expect(status.runtimeStatus).toBe('Failed');
      expect(String(status.output)).toMatch(/^Non-Deterministic workflow detected: A previous execution of this orchestration scheduled an activity task with sequence ID 0 and name 'double'/);
    } finally {
      standIn.scaffolding.nonDeterministic = false;
    }
  });
});
