import { odata, TableClient } from '@azure/data-tables';
import { describe, expect, test } from 'vitest';
import { ActivityFailedError, EventTimeoutError, type OrchestrationContext } from '../../lib/durable';
import { uniqueHub } from '../support/azurite';
import { durableSuite, manualClock } from './setup';

const suite = durableSuite();

describe('orchestration patterns', () => {
  test('chaining passes each result to the next activity and records every step', async () => {
    const engine = suite.engine({
      activities: { greet: (name: string) => `Hello ${name}`, shout: (text: string) => text.toUpperCase() },
      orchestrators: {
        chain: async (ctx: OrchestrationContext<string>) => {
          const greeting = await ctx.callActivity<string>('greet', ctx.input);
          return ctx.callActivity<string>('shout', greeting);
        },
      },
    });
    const status = await engine.startNew('chain', { input: '上海' });
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: 'HELLO 上海', input: '上海' });
    const { history } = (await engine.getStatus(status.instanceId, { showHistory: true }))!;
    expect(history!.filter((event) => event.type !== 'OrchestratorStarted').map((event) => event.type)).toEqual([
      'ExecutionStarted', 'TaskScheduled', 'TaskCompleted', 'TaskScheduled', 'TaskCompleted', 'ExecutionCompleted',
    ]);
  });

  test('fan-out/fan-in runs 20 activities at once and gathers their results in order', async () => {
    let active = 0;
    let peak = 0;
    const keys = new Set<string>();
    const engine = suite.engine({
      activities: {
        square: async (n: number, { idempotencyKey }) => {
          keys.add(idempotencyKey);
          peak = Math.max(peak, ++active);
          await new Promise((resolve) => setTimeout(resolve, 5 + ((n * 7) % 11)));
          active--;
          return n * n;
        },
      },
      orchestrators: {
        fanOut: async (ctx) => {
          const squares = await ctx.all(Array.from({ length: 20 }, (_, n) => ctx.callActivity<number>('square', n)));
          return { squares, sum: squares.reduce((a, b) => a + b, 0) };
        },
      },
    });
    const status = await engine.startNew('fanOut', { instanceId: 'fan' });
    expect(status.runtimeStatus).toBe('Completed');
    expect(status.output).toEqual({ squares: Array.from({ length: 20 }, (_, n) => n * n), sum: 2470 });
    expect(peak).toBe(20);
    expect(keys).toEqual(new Set(Array.from({ length: 20 }, (_, n) => `fan:${n}`)));
  });

  describe('human interaction: an approval event races a timeout', () => {
    const approval = async (ctx: OrchestrationContext) => {
      ctx.setCustomStatus('waiting for approval');
      const approved = ctx.waitForExternalEvent<boolean>('approval');
      const deadline = ctx.createTimer(new Date(ctx.currentUtcDateTime.getTime() + 60 * 60_000));
      const winner = await ctx.any<unknown>([approved, deadline]);
      if (winner.task === deadline) return 'escalated';
      return (await approved) ? 'approved' : 'rejected';
    };

    test('the event arrives first', async () => {
      const clock = manualClock();
      const engine = suite.engine({ clock: clock.now, orchestrators: { approval } });
      const started = await engine.startNew('approval', { instanceId: 'approve-me' });
      expect(started).toMatchObject({ runtimeStatus: 'Running', customStatus: 'waiting for approval' });
      clock.advance(10 * 60_000);
      await engine.tick();
      expect((await engine.getStatus('approve-me'))!.runtimeStatus).toBe('Running');
      const after = await engine.raiseEvent('approve-me', 'approval', true);
      expect(after).toMatchObject({ runtimeStatus: 'Completed', output: 'approved' });
    });

    test('the timer fires first and a tick resumes the instance', async () => {
      const clock = manualClock();
      const engine = suite.engine({ clock: clock.now, orchestrators: { approval } });
      await engine.startNew('approval', { instanceId: 'too-slow' });
      clock.advance(60 * 60_000 - 1);
      expect(await engine.tick()).toEqual({ due: 0 });
      clock.advance(1);
      expect(await engine.tick()).toEqual({ due: 1 });
      expect(await engine.getStatus('too-slow')).toMatchObject({ runtimeStatus: 'Completed', output: 'escalated' });
    });

    test('waitForExternalEvent with a timeout fails with EventTimeoutError', async () => {
      const clock = manualClock();
      const engine = suite.engine({
        clock: clock.now,
        orchestrators: {
          confirm: async (ctx) => {
            try {
              return await ctx.waitForExternalEvent('confirm', { timeoutMs: 5 * 60_000 });
            } catch (error) {
              return error instanceof EventTimeoutError ? `timed out: ${error.eventName}` : 'unexpected';
            }
          },
        },
      });
      await engine.startNew('confirm', { instanceId: 'confirm-timeout' });
      clock.advance(5 * 60_000);
      await engine.tick();
      expect(await engine.getStatus('confirm-timeout')).toMatchObject({ runtimeStatus: 'Completed', output: 'timed out: confirm' });
      // An event arriving in time wins, and its timer no longer wakes the instance.
      await engine.startNew('confirm', { instanceId: 'confirm-in-time' });
      expect(await engine.raiseEvent('confirm-in-time', 'confirm', { seat: '12A' })).toMatchObject({ output: { seat: '12A' } });
    });
  });

  test('monitor: a loop of checks and timers, resumed by ticks', async () => {
    const clock = manualClock();
    const checks: string[] = [];
    const engine = suite.engine({
      clock: clock.now,
      activities: { checkPrice: (attempt: number) => (checks.push(`check ${attempt}`), attempt >= 3 ? 880 : 1200) },
      orchestrators: {
        priceWatch: async (ctx) => {
          for (let attempt = 1; ; attempt++) {
            const price = await ctx.callActivity<number>('checkPrice', attempt);
            ctx.setCustomStatus({ attempt, price });
            if (price < 1000) return { price, attempt };
            await ctx.createTimer(new Date(ctx.currentUtcDateTime.getTime() + 15 * 60_000));
          }
        },
      },
    });
    const started = await engine.startNew('priceWatch', { instanceId: 'watch' });
    expect(started).toMatchObject({ runtimeStatus: 'Running', customStatus: { attempt: 1, price: 1200 } });
    clock.advance(15 * 60_000);
    await engine.tick();
    expect((await engine.getStatus('watch'))!.customStatus).toEqual({ attempt: 2, price: 1200 });
    clock.advance(15 * 60_000);
    await engine.tick();
    expect(await engine.getStatus('watch')).toMatchObject({ runtimeStatus: 'Completed', output: { price: 880, attempt: 3 } });
    expect(checks).toEqual(['check 1', 'check 2', 'check 3']);
  });

  test('continueAsNew restarts with the new input and a fresh history', async () => {
    const hub = uniqueHub();
    const engine = suite.engine({
      store: suite.store(hub),
      activities: { add: ({ total, n }: { total: number; n: number }) => total + n },
      orchestrators: {
        counter: async (ctx: OrchestrationContext<{ n: number; total: number }>) => {
          const { n, total } = ctx.input;
          if (n > 5) return total;
          const next = await ctx.callActivity<number>('add', { total, n });
          ctx.continueAsNew({ n: n + 1, total: next });
          return undefined;
        },
      },
    });
    const status = await engine.startNew('counter', { instanceId: 'count', input: { n: 1, total: 0 } });
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: 15, input: { n: 6, total: 15 } });
    const { history } = (await engine.getStatus('count', { showHistory: true }))!;
    expect(history!.map((event) => event.type)).toEqual(['OrchestratorStarted', 'ExecutionStarted', 'ExecutionCompleted']);
    // The earlier executions' rows are deleted, not just hidden.
    const table = TableClient.fromConnectionString(suite.azurite.connectionString, `${hub}History`, { allowInsecureConnection: true });
    let rows = 0;
    for await (const _ of table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${'count'}` } })) rows++;
    expect(rows).toBe(3);
  });

  test('continueAsNew hands events the old execution did not consume to the new one', async () => {
    const engine = suite.engine({
      activities: { answer: async (text: string) => `re: ${text}` },
      orchestrators: {
        turns: async (ctx: OrchestrationContext<string[]>) => {
          const message = await ctx.waitForExternalEvent<string>('message');
          const replies = [...ctx.input, await ctx.callActivity<string>('answer', message)];
          if (replies.length === 3) return replies;
          ctx.continueAsNew(replies);
          return undefined;
        },
        collect: async (ctx: OrchestrationContext<string[]>) => {
          const replies = [...ctx.input, `re: ${await ctx.waitForExternalEvent<string>('message')}`];
          if (replies.length === 3) return replies;
          ctx.continueAsNew(replies);
          return undefined;
        },
      },
    });
    // Suspended, an instance collects all three messages; resumed, it sees them in one episode.
    // 'turns' takes the first and leaves two waiting; 'collect' continues as new before looking at the others.
    for (const name of ['turns', 'collect']) {
      await engine.startNew(name, { instanceId: name, input: [] });
      await engine.suspend(name);
      for (const text of ['一', 'two', 'three']) await engine.raiseEvent(name, 'message', text);
      expect(await engine.resume(name)).toMatchObject({ runtimeStatus: 'Completed', output: ['re: 一', 're: two', 're: three'] });
    }
  });

  describe('retries', () => {
    test('an activity that fails twice succeeds on the third attempt, with one idempotency key', async () => {
      const attempts: { attempt: number; key: string }[] = [];
      const engine = suite.engine({
        activities: {
          flaky: (_: unknown, { attempt, idempotencyKey }) => {
            attempts.push({ attempt, key: idempotencyKey });
            if (attempt < 3) throw new Error(`attempt ${attempt} failed`);
            return 'booked';
          },
        },
        orchestrators: {
          book: (ctx) => ctx.callActivity('flaky', null, { maxAttempts: 5, firstRetryIntervalMs: 5, backoffCoefficient: 2 }),
        },
      });
      const status = await engine.startNew('book', { instanceId: 'retry-ok' });
      expect(status).toMatchObject({ runtimeStatus: 'Completed', output: 'booked' });
      expect(attempts).toEqual([1, 2, 3].map((attempt) => ({ attempt, key: 'retry-ok:0' })));
    });

    test('gives up after maxAttempts and the orchestrator sees ActivityFailedError', async () => {
      let calls = 0;
      const engine = suite.engine({
        activities: {
          broken: () => {
            calls++;
            throw new TypeError('seat map unavailable');
          },
        },
        orchestrators: {
          book: async (ctx) => {
            try {
              return await ctx.callActivity('broken', null, { maxAttempts: 3, firstRetryIntervalMs: 2 });
            } catch (error) {
              if (!(error instanceof ActivityFailedError)) throw error;
              return { gaveUp: error.attempts, cause: error.failure };
            }
          },
          unguarded: (ctx) => ctx.callActivity('broken', null, { maxAttempts: 2, firstRetryIntervalMs: 2 }),
        },
      });
      expect(await engine.startNew('book')).toMatchObject({
        runtimeStatus: 'Completed',
        output: { gaveUp: 3, cause: { name: 'TypeError', message: 'seat map unavailable' } },
      });
      expect(calls).toBe(3);
      const failed = await engine.startNew('unguarded');
      expect(failed.runtimeStatus).toBe('Failed');
      expect(failed.failure).toEqual({ name: 'ActivityFailedError', message: 'Activity "broken" failed after 2 attempt(s): TypeError: seat map unavailable' });
    });

    test('the total retry time limits the attempts', async () => {
      let calls = 0;
      const engine = suite.engine({
        activities: {
          broken: () => {
            calls++;
            throw new Error('down');
          },
        },
        inlineWaitMs: 1000,
        orchestrators: {
          // Attempt 1 at ~0 ms, attempt 2 at ~300 ms; a third would start after 600 ms, past the 500 ms budget.
          book: (ctx) => ctx.callActivity('broken', null, { maxAttempts: 10, firstRetryIntervalMs: 300, backoffCoefficient: 1, retryTimeoutMs: 500 }),
        },
      });
      expect((await engine.startNew('book')).runtimeStatus).toBe('Failed');
      expect(calls).toBe(2);
    });

    test('an attempt over its timeout fails and its signal aborts', async () => {
      const aborted: boolean[] = [];
      const engine = suite.engine({
        activities: {
          slow: (_: unknown, { signal }) =>
            new Promise((resolve) => {
              const timer = setTimeout(resolve, 2000, 'late');
              signal.addEventListener('abort', () => {
                clearTimeout(timer);
                aborted.push(true);
              });
            }),
        },
        orchestrators: { book: (ctx) => ctx.callActivity('slow', null, { timeoutMs: 20, maxAttempts: 2, firstRetryIntervalMs: 1 }) },
      });
      const status = await engine.startNew('book');
      expect(status.runtimeStatus).toBe('Failed');
      expect(status.failure?.message).toContain('ActivityTimeoutError: Activity "slow" did not finish within 20 ms');
      expect(aborted).toEqual([true, true]);
    });
  });
});
