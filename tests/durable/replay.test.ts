import { describe, expect, test } from 'vitest';
import { type OrchestrationContext } from '../../lib/durable';
import { durableSuite } from './setup';

const suite = durableSuite();

describe('replay', () => {
  test('a replay that asks for another step fails the instance with NonDeterministicOrchestration', async () => {
    const store = suite.store();
    const ran: string[] = [];
    const activities = {
      reserve: () => ran.push('reserve'),
      charge: () => ran.push('charge'),
      notify: () => ran.push('notify'),
    };
    const v1 = suite.engine({
      store,
      activities,
      orchestrators: {
        booking: async (ctx) => {
          await ctx.callActivity('reserve');
          await ctx.waitForExternalEvent('confirm');
          await ctx.callActivity('notify');
        },
      },
    });
    await v1.startNew('booking', { instanceId: 'changed-code' });
    // A deployment changed the code under a running instance; it even catches the error and carries on.
    const v2 = suite.engine({
      store,
      activities,
      orchestrators: {
        booking: async (ctx) => {
          const unawaited = ctx.callActivity('notify');
          try {
            await ctx.callActivity('charge');
          } catch {
            await ctx.callActivity('notify');
          }
          await unawaited;
        },
      },
    });
    const status = await v2.raiseEvent('changed-code', 'confirm');
    expect(status.runtimeStatus).toBe('Failed');
    expect(status.failure).toEqual({
      name: 'NonDeterministicOrchestration',
      message: 'Step 0: the history holds activity "reserve" but the orchestrator asked for activity "notify"',
    });
    expect(ran).toEqual(['reserve']);
    const { history } = (await v2.getStatus('changed-code', { showHistory: true }))!;
    expect(history!.at(-1)).toMatchObject({ type: 'ExecutionFailed', failure: { name: 'NonDeterministicOrchestration' } });
  });

  test('a replay that skips a recorded step is caught too', async () => {
    const store = suite.store();
    const v1 = suite.engine({
      store,
      activities: { audit: () => 'ok' },
      orchestrators: {
        flow: async (ctx) => {
          await ctx.createTimer(new Date(ctx.currentUtcDateTime.getTime() + 1));
          await ctx.callActivity('audit');
          return ctx.waitForExternalEvent('done');
        },
      },
    });
    await v1.startNew('flow', { instanceId: 'skipped' });
    const v2 = suite.engine({ store, orchestrators: { flow: (ctx) => ctx.waitForExternalEvent('done') } });
    const status = await v2.raiseEvent('skipped', 'done', 1);
    expect(status.failure).toEqual({
      name: 'NonDeterministicOrchestration',
      message: 'Step 0: the history holds a timer but the orchestrator asked for nothing (it took another path)',
    });
  });

  test('newGuid, currentUtcDateTime and race winners are the same on every replay', async () => {
    const engine = suite.engine({
      activities: { echo: (value: unknown) => value, slow: () => new Promise((resolve) => setTimeout(resolve, 30, 'slow')) },
      orchestrators: {
        stable: async (ctx) => {
          const first = { guid: ctx.newGuid(), time: ctx.currentUtcDateTime.toISOString() };
          const recorded = await ctx.callActivity<typeof first>('echo', first);
          const fast = ctx.callActivity<string>('echo', 'fast');
          const race = await ctx.any<unknown>([ctx.callActivity('slow'), fast]);
          await ctx.waitForExternalEvent('next');
          return { same: JSON.stringify(first) === JSON.stringify(recorded), winner: race.index, second: ctx.newGuid() !== first.guid };
        },
      },
    });
    await engine.startNew('stable', { instanceId: 'stable' });
    expect(await engine.raiseEvent('stable', 'next')).toMatchObject({
      runtimeStatus: 'Completed',
      output: { same: true, winner: 1, second: true },
    });
  });

  test('payloads over 32 KiB round-trip intact through input, activities, events, status and output', async () => {
    const big = (seed: string) => Array.from({ length: 13_000 }, (_, i) => `${seed}${i.toString(36).padStart(8, '0')}航班`).join('');
    const input = big('in');
    const engine = suite.engine({
      activities: { reverse: (text: string) => [...text].reverse().join('') },
      orchestrators: {
        large: async (ctx: OrchestrationContext<string>) => {
          const reversed = await ctx.callActivity<string>('reverse', ctx.input);
          ctx.setCustomStatus({ reversedLength: reversed.length, reversed });
          const event = await ctx.waitForExternalEvent<string>('payload');
          return { back: [...reversed].reverse().join('') === ctx.input, event };
        },
      },
    });
    expect(Buffer.byteLength(input)).toBeGreaterThan(200 * 1024);
    const started = await engine.startNew('large', { instanceId: 'large', input });
    expect((started.customStatus as { reversed: string }).reversed).toBe([...input].reverse().join(''));
    const event = big('ev');
    const status = await engine.raiseEvent('large', 'payload', event);
    expect(status.runtimeStatus).toBe('Completed');
    expect(status.output).toEqual({ back: true, event });
    expect(status.input).toBe(input);
    const { history } = (await engine.getStatus('large', { showHistory: true }))!;
    expect(history!.find((e) => e.type === 'TaskCompleted')).toMatchObject({ result: [...input].reverse().join('') });
  });
});

describe('client', () => {
  test('the fast path: each raised event returns the reply the orchestrator set', async () => {
    const engine = suite.engine({
      activities: { plan: (text: string) => `You said: ${text}` },
      orchestrators: {
        chat: async (ctx) => {
          for (;;) {
            const message = await ctx.waitForExternalEvent<{ text: string }>('message');
            if (message.text === 'bye') return 'closed';
            ctx.setCustomStatus({ reply: await ctx.callActivity<string>('plan', message.text) });
          }
        },
      },
    });
    const started = await engine.startNew('chat', { instanceId: 'chat-1' });
    expect(started).toMatchObject({ runtimeStatus: 'Running', customStatus: null });
    for (const text of ['明天去东京', 'cheapest please']) {
      expect((await engine.raiseEvent('chat-1', 'message', { text })).customStatus).toEqual({ reply: `You said: ${text}` });
    }
    // Two messages at once: both are answered once, neither is lost.
    const [a, b] = await Promise.all([
      engine.raiseEvent('chat-1', 'message', { text: 'one' }),
      engine.raiseEvent('chat-1', 'message', { text: 'two' }),
    ]);
    expect([a.runtimeStatus, b.runtimeStatus]).toEqual(['Running', 'Running']);
    const { history } = (await engine.getStatus('chat-1', { showHistory: true }))!;
    const replies = history!.flatMap((e) => (e.type === 'TaskCompleted' ? [e.result] : []));
    expect(replies.slice(0, 2)).toEqual(['You said: 明天去东京', 'You said: cheapest please']);
    expect(replies.slice(2).sort()).toEqual(['You said: one', 'You said: two']);
    expect(await engine.raiseEvent('chat-1', 'message', { text: 'bye' })).toMatchObject({ runtimeStatus: 'Completed', output: 'closed' });
  });

  test('unknown and finished instances are told apart', async () => {
    const engine = suite.engine({ orchestrators: { quick: async () => 'done' } });
    await expect(engine.raiseEvent('nobody', 'x')).rejects.toMatchObject({ name: 'InstanceNotFoundError' });
    expect(await engine.getStatus('nobody')).toBeUndefined();
    await engine.startNew('quick', { instanceId: 'finished' });
    await expect(engine.raiseEvent('finished', 'x')).rejects.toMatchObject({ name: 'InstanceFinishedError', runtimeStatus: 'Completed' });
    await expect(engine.startNew('missing')).rejects.toMatchObject({ name: 'UnknownFunctionError' });
  });

  test('terminate, suspend, resume and purge', async () => {
    const engine = suite.engine({
      orchestrators: {
        wait: async (ctx) => {
          const first = await ctx.waitForExternalEvent('go');
          ctx.setCustomStatus({ first });
          return [first, await ctx.waitForExternalEvent('go')];
        },
      },
    });
    await engine.startNew('wait', { instanceId: 'stop-me' });
    expect(await engine.startNew('wait', { instanceId: 'stop-me' }).catch((e: Error) => e.name)).toBe('InstanceExistsError');
    expect(await engine.terminate('stop-me', 'customer cancelled')).toMatchObject({ runtimeStatus: 'Terminated', output: 'customer cancelled' });
    await expect(engine.raiseEvent('stop-me', 'go')).rejects.toMatchObject({ name: 'InstanceFinishedError', runtimeStatus: 'Terminated' });

    await engine.startNew('wait', { instanceId: 'pause-me' });
    expect((await engine.suspend('pause-me')).runtimeStatus).toBe('Suspended');
    expect(await engine.raiseEvent('pause-me', 'go', 1)).toMatchObject({ runtimeStatus: 'Suspended', customStatus: null });
    expect(await engine.resume('pause-me')).toMatchObject({ runtimeStatus: 'Running', customStatus: { first: 1 } });
    expect(await engine.raiseEvent('pause-me', 'go', 2)).toMatchObject({ runtimeStatus: 'Completed', output: [1, 2] });

    expect(await engine.purge('pause-me')).toBe(true);
    expect(await engine.getStatus('pause-me')).toBeUndefined();
    expect(await engine.purge('pause-me')).toBe(false);
    // A finished instance's id can be reused.
    expect((await engine.startNew('wait', { instanceId: 'stop-me' })).runtimeStatus).toBe('Running');
  });

  test('listInstances filters by status and created time and pages with a continuation token', async () => {
    const engine = suite.engine({ orchestrators: { quick: async () => 'done', wait: (ctx) => ctx.waitForExternalEvent('never') } });
    for (let i = 0; i < 5; i++) await engine.startNew('quick', { instanceId: `done-${i}` });
    const from = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (let i = 0; i < 2; i++) await engine.startNew('wait', { instanceId: `wait-${i}` });

    const running = await engine.listInstances({ status: ['Running'] });
    expect(running.instances.map((i) => i.instanceId).sort()).toEqual(['wait-0', 'wait-1']);
    const recent = await engine.listInstances({ createdFrom: from });
    expect(recent.instances.map((i) => i.instanceId).sort()).toEqual(['wait-0', 'wait-1']);

    const seen: string[] = [];
    let continuationToken: string | undefined;
    let pages = 0;
    do {
      const page = await engine.listInstances({ status: ['Completed'], pageSize: 2, continuationToken });
      expect(page.instances.length).toBeLessThanOrEqual(2);
      seen.push(...page.instances.map((i) => i.instanceId));
      continuationToken = page.continuationToken;
      pages++;
    } while (continuationToken);
    expect(seen.sort()).toEqual(['done-0', 'done-1', 'done-2', 'done-3', 'done-4']);
    expect(pages).toBeGreaterThanOrEqual(3);
  });
});
