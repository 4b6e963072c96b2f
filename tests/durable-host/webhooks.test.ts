import { describe, expect, it } from 'vitest';
import { useStandIn } from './harness';

const standIn = useStandIn();

const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

async function startViaWebhook(name: string, input: unknown, instanceId = '') {
  const response = await standIn.webhook(`orchestrators/${name}${instanceId ? `/${instanceId}` : ''}`, json(input));
  return response;
}

/** An approval conversation whose turns wait ten minutes each: it stays Running until the test acts. */
async function waiting(): Promise<string> {
  const response = await startViaWebhook('approval', [600_000, 600_000]);
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  await standIn.finished(id, (s) => s.runtimeStatus === 'Running');
  return id;
}

describe('the management webhooks answer as the extension’s HttpApiHandler', () => {
  it('need the key', async () => {
    const response = await fetch(`${standIn.origin}/runtime/webhooks/durabletask/instances`);
    expect(response.status).toBe(401);
  });

  it('start an instance (202, Location, Retry-After 10), then report it: 202 while running, 200 with the status payload when done', async () => {
    const started = await startViaWebhook('chain', 2, 'webhook-chain');
    expect(started.status).toBe(202);
    expect(started.headers.get('retry-after')).toBe('10');
    const links = (await started.json()) as Record<string, string>;
    expect(links.id).toBe('webhook-chain');
    expect(started.headers.get('location')).toBe(links.statusQueryGetUri);
    await standIn.finished('webhook-chain');
    const status = await fetch(links.statusQueryGetUri!);
    expect(status.status).toBe(200);
    const body = (await status.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['createdTime', 'customStatus', 'input', 'instanceId', 'lastUpdatedTime', 'name', 'output', 'runtimeStatus']);
    expect(body).toMatchObject({ name: 'chain', instanceId: 'webhook-chain', runtimeStatus: 'Completed', input: 2, output: 8, customStatus: null });
    expect(body.createdTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const history = (await (await standIn.webhook('instances/webhook-chain?showHistory=true&showHistoryOutput=true')).json()) as { historyEvents: Record<string, unknown>[] };
    expect(history.historyEvents.map((e) => e.EventType)).toEqual(['ExecutionStarted', 'TaskCompleted', 'TaskCompleted', 'ExecutionCompleted']);
    expect(history.historyEvents[0]).toMatchObject({ FunctionName: 'chain', Input: '2' });
    expect(history.historyEvents[1]).toMatchObject({ FunctionName: 'double', Result: 4, Input: '2' });
    expect(history.historyEvents[3]).toMatchObject({ OrchestrationStatus: 'Completed', Result: 8 });
  });

  it('refuse what the extension refuses: unknown orchestrator 400, unknown instance 404, a running id again 409 (extension: 500)', async () => {
    const unknown = await startViaWebhook('nope', null);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ Message: 'One or more of the arguments submitted is incorrect' });
    expect((await standIn.webhook('instances/missing-instance')).status).toBe(404);
    expect((await standIn.webhook('instances/missing-instance/terminate', { method: 'POST' })).status).toBe(404);
    const id = await waiting();
    expect((await startViaWebhook('approval', [1], id)).status).toBe(409);
    expect((await standIn.webhook(`instances/${id}`)).status).toBe(202);
    await standIn.webhook(`instances/${id}/terminate?reason=cleanup`, { method: 'POST' });
  });

  it('raise events only as application/json, and not on a finished instance (410)', async () => {
    const id = await waiting();
    const text = await standIn.webhook(`instances/${id}/raiseEvent/answer`, { method: 'POST', body: 'yes', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(400);
    expect(await text.json()).toMatchObject({ Message: 'Only application/json request content is supported' });
    expect((await standIn.webhook(`instances/${id}/raiseEvent/answer`, json('one'))).status).toBe(202);
    expect((await standIn.webhook(`instances/${id}/raiseEvent/answer`, json('two'))).status).toBe(202);
    const status = await standIn.finished(id);
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: ['one', 'two'] });
    expect((await standIn.webhook(`instances/${id}/raiseEvent/answer`, json('late'))).status).toBe(410);
  });

  it('suspend, hold events while suspended, resume; terminate with a reason; 410 once finished', async () => {
    const id = await waiting();
    expect((await standIn.webhook(`instances/${id}/suspend?reason=pause`, { method: 'POST' })).status).toBe(202);
    await standIn.finished(id, (s) => s.runtimeStatus === 'Suspended');
    expect((await standIn.webhook(`instances/${id}`)).status).toBe(202);
    expect((await standIn.webhook(`instances/${id}/raiseEvent/answer`, json('held'))).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await standIn.extension.client.status(id))!.customStatus).toEqual({ turn: 1 });
    expect((await standIn.webhook(`instances/${id}/resume?reason=go`, { method: 'POST' })).status).toBe(202);
    await standIn.finished(id, (s) => (s.customStatus as { turn?: number }).turn === 2);
    expect((await standIn.webhook(`instances/${id}/terminate?reason=enough`, { method: 'POST' })).status).toBe(202);
    const status = await standIn.finished(id);
    expect(status).toMatchObject({ runtimeStatus: 'Terminated', output: 'enough' });
    expect((await standIn.webhook(`instances/${id}/terminate`, { method: 'POST' })).status).toBe(410);
  });

  it('list with filters and continuation, and purge one instance or a time range', async () => {
    for (const id of ['list-a', 'list-b']) {
      await startViaWebhook('chain', 1, id);
      await standIn.finished(id);
    }
    const running = await waiting();
    const completed = (await (await standIn.webhook('instances?runtimeStatus=Completed')).json()) as { instanceId: string }[];
    expect(completed.map((s) => s.instanceId)).toEqual(expect.arrayContaining(['list-a', 'list-b']));
    expect(completed.map((s) => s.instanceId)).not.toContain(running);
    const page = await standIn.webhook('instances?top=1&instanceIdPrefix=list-');
    expect(((await page.json()) as unknown[]).length).toBe(1);
    expect(page.headers.get('x-ms-continuation-token')).toBeTruthy();
    // The SDK's getStatusBy follows the continuation token through the RPC endpoint.
    expect((await (await standIn.api('list')).json()) as string[]).toEqual(expect.arrayContaining(['list-a', 'list-b']));

    const purged = await standIn.webhook('instances/list-a', { method: 'DELETE' });
    expect(purged.status).toBe(200);
    expect(await purged.json()).toEqual({ instancesDeleted: 1 });
    expect((await standIn.webhook('instances/list-a')).status).toBe(404);
    expect((await standIn.webhook('instances/list-a', { method: 'DELETE' })).status).toBe(404);
    const noRange = await standIn.webhook('instances', { method: 'DELETE' });
    expect(noRange.status).toBe(400);
    expect(await noRange.json()).toBe("Please provide value for 'createdTimeFrom' parameter.");
    const from = new Date(Date.now() - 3600_000).toISOString();
    const byRange = await standIn.webhook(`instances?createdTimeFrom=${from}&runtimeStatus=Terminated,Completed`, { method: 'DELETE' });
    expect(byRange.status).toBe(200);
    expect(((await byRange.json()) as { instancesDeleted: number }).instancesDeleted).toBeGreaterThanOrEqual(1);
    expect((await standIn.webhook('instances/list-b')).status).toBe(404);
    expect((await standIn.webhook(`instances/${running}`)).status).toBe(202);
    await standIn.webhook(`instances/${running}/terminate`, { method: 'POST' });
  });

  it('serve the SDK’s DurableClient through rpcBaseUrl: terminate, waitForCompletion, purgeInstanceHistory', async () => {
    const id = await waiting();
    expect((await standIn.api(`control/${id}/terminate`, { method: 'POST' })).status).toBe(202);
    expect(await standIn.finished(id)).toMatchObject({ runtimeStatus: 'Terminated', output: 'stopped by test' });
    const links = (await (await standIn.api('start/chain', { json: { input: 5 } })).json()) as { id: string };
    const waited = await standIn.api(`control/${links.id}/wait`, { method: 'POST' });
    expect(waited.status).toBe(200);
    expect(await waited.json()).toBe(20);
    const purge = await standIn.api(`control/${links.id}/purge`, { method: 'POST' });
    expect(await purge.json()).toEqual({ instancesDeleted: 1 });
    expect(standIn.extension.rpcBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/durabletask\/$/);
  });
});
