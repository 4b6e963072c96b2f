import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvocationContext } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import '../../functions/orchestrations';
import { durable } from '../../app/services';
import type { OrchestrationContext } from '../../lib/durable';
import { createLocalHost } from '../../host/server';
import { registrations } from '../../lib/http/app';
import { uniqueHub, useAzurite } from '../support/azurite';

const azurite = useAzurite();
const key = 'durable-http-test-key';
let server: Server;
let base: string;

beforeAll(async () => {
  // Read by config() on the engine's first use.
  process.env.AzureWebJobsStorage = azurite.connectionString;
  process.env.DURABLE_TASK_HUB = uniqueHub('Http');
  durable()
    .registerActivity('quote', (route: string) => ({ route, fare: 880 }))
    .registerOrchestrator('approval', async (ctx: OrchestrationContext<string>) => {
      const quote = await ctx.callActivity('quote', ctx.input);
      ctx.setCustomStatus({ quote });
      const answer = await ctx.waitForExternalEvent<{ ok: boolean }>('approval');
      return answer.ok ? 'booked' : 'declined';
    })
    .registerOrchestrator('quick', async (ctx: OrchestrationContext<number>) => ctx.input * 2)
    .registerOrchestrator('sleepy', async (ctx) => {
      await ctx.createTimer(new Date(ctx.currentUtcDateTime.getTime() + 1500));
      return 'woke';
    });
  server = createLocalHost({ functions: registrations.http.filter((fn) => fn.name.startsWith('orchestrations-')), apiKey: key });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(() => {
  server?.close();
});

function call(path: string, init: RequestInit & { json?: unknown } = {}) {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('x-functions-key', key);
  if (json !== undefined) headers.set('content-type', 'application/json');
  return fetch(path.startsWith('http') ? path : `${base}${path}`, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
}

describe('orchestration management API', () => {
  test('start, check, raise an event, read the result, purge', async () => {
    const started = await call('/orchestrators/approval?instanceId=trip-1', { method: 'POST', json: { input: 'PEK-SHA' } });
    expect(started.status).toBe(202);
    const links = (await started.json()) as Record<string, string>;
    const instance = `${base}/instances/trip-1`;
    expect(links).toEqual({
      id: 'trip-1',
      statusQueryGetUri: instance,
      sendEventPostUri: `${instance}/raiseEvent/{eventName}`,
      terminatePostUri: `${instance}/terminate?reason={text}`,
      suspendPostUri: `${instance}/suspend?reason={text}`,
      resumePostUri: `${instance}/resume?reason={text}`,
      purgeHistoryDeleteUri: instance,
    });
    expect(started.headers.get('location')).toBe(instance);
    expect(started.headers.get('retry-after')).toBe('1');

    const running = await call(links.statusQueryGetUri!);
    expect(running.status).toBe(202);
    expect(await running.json()).toMatchObject({ runtimeStatus: 'Running', input: 'PEK-SHA', customStatus: { quote: { route: 'PEK-SHA', fare: 880 } } });

    const raised = await call('/instances/trip-1/raiseEvent/approval', { method: 'POST', json: { ok: true } });
    expect(raised.status).toBe(202);
    expect(await raised.json()).toMatchObject({ runtimeStatus: 'Completed', output: 'booked' });

    const done = await call('/instances/trip-1?showHistory=true&showInput=false');
    expect(done.status).toBe(200);
    const status = (await done.json()) as Record<string, unknown> & { historyEvents: { type: string }[] };
    expect(status).not.toHaveProperty('input');
    expect(status.historyEvents.map((e) => e.type)).toContain('EventRaised');

    const late = await call('/instances/trip-1/raiseEvent/approval', { method: 'POST', json: { ok: false } });
    expect(late.status).toBe(410);
    expect(late.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await call('/instances/trip-1/terminate', { method: 'POST' })).status).toBe(410);

    expect(await (await call('/instances/trip-1', { method: 'DELETE' })).json()).toEqual({ instancesDeleted: 1 });
    expect((await call('/instances/trip-1')).status).toBe(404);
    expect((await call('/instances/trip-1', { method: 'DELETE' })).status).toBe(404);
    expect((await call('/instances/nobody/raiseEvent/approval', { method: 'POST' })).status).toBe(404);
  });

  test('waitForCompletion answers 200 with the output; ids come from the query or the body', async () => {
    const quick = await call('/orchestrators/quick?waitForCompletion=5000', { method: 'POST', json: { instanceId: 'quick-1', input: 21 } });
    expect(quick.status).toBe(200);
    expect(await quick.json()).toBe(42);
    expect((await call('/instances/quick-1')).status).toBe(200);

    await call('/orchestrators/approval?instanceId=busy', { method: 'POST', json: { input: 'CAN-CTU' } });
    const again = await call('/orchestrators/approval?instanceId=busy', { method: 'POST' });
    expect(again.status).toBe(409);
    const slow = await call('/orchestrators/approval?waitForCompletion=50', { method: 'POST', json: { input: 'SZX-XIY' } });
    expect(slow.status).toBe(202);
    expect((await call('/orchestrators/nothing-here', { method: 'POST' })).status).toBe(404);
    expect((await call('/orchestrators/quick', { method: 'POST', json: { instanceId: 'a/b' } })).status).toBe(400);
    expect((await fetch(`${base}/orchestrators/quick`, { method: 'POST' })).status).toBe(401);
  });

  test('terminate, suspend and resume', async () => {
    await call('/orchestrators/approval?instanceId=ops', { method: 'POST', json: { input: 'HGH-KMG' } });
    const suspended = await call('/instances/ops/suspend?reason=audit', { method: 'POST' });
    expect(suspended.status).toBe(202);
    expect(await suspended.json()).toMatchObject({ runtimeStatus: 'Suspended' });
    expect(await (await call('/instances/ops/resume', { method: 'POST' })).json()).toMatchObject({ runtimeStatus: 'Running' });
    const terminated = await call('/instances/ops/terminate?reason=customer%20left', { method: 'POST' });
    expect(await terminated.json()).toMatchObject({ runtimeStatus: 'Terminated', output: 'customer left' });
  });

  test('list filters by status and pages with x-ms-continuation-token', async () => {
    for (let i = 0; i < 3; i++) await call(`/orchestrators/quick?instanceId=list-${i}`, { method: 'POST', json: { input: i } });
    const ids: string[] = [];
    let token: string | null = null;
    do {
      const response: Response = await call('/instances?runtimeStatus=Completed&top=1', { headers: token ? { 'x-ms-continuation-token': token } : {} });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { instanceId: string; runtimeStatus: string }[];
      expect(page.length).toBeLessThanOrEqual(1);
      expect(page.every((i) => i.runtimeStatus === 'Completed')).toBe(true);
      ids.push(...page.map((i) => i.instanceId));
      token = response.headers.get('x-ms-continuation-token');
    } while (token);
    expect(ids).toEqual(expect.arrayContaining(['list-0', 'list-1', 'list-2']));
    const running = (await (await call('/instances?runtimeStatus=Running,Suspended')).json()) as { runtimeStatus: string }[];
    expect(running.every((i) => i.runtimeStatus === 'Running' || i.runtimeStatus === 'Suspended')).toBe(true);
    expect((await call('/instances?runtimeStatus=Sleeping')).status).toBe(400);
  });

  test('the tick timer runs every 10 s and resumes instances whose timers are due', async () => {
    const tick = registrations.timers.find((t) => t.name === 'orchestrations-tick')!;
    expect(tick.schedule).toBe('*/10 * * * * *');
    await call('/orchestrators/sleepy?instanceId=sleepy', { method: 'POST' });
    expect(await (await call('/instances/sleepy')).json()).toMatchObject({ runtimeStatus: 'Running' });
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await tick.handler({ isPastDue: false, scheduleStatus: undefined } as never, new InvocationContext({ functionName: 'orchestrations-tick' }));
    expect(await (await call('/instances/sleepy')).json()).toMatchObject({ runtimeStatus: 'Completed', output: 'woke' });
  });
});
