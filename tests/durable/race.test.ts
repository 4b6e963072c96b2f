import { describe, expect, test } from 'vitest';
import type { HistoryEvent, OrchestrationContext } from '../../lib/durable';
import { durableSuite, manualClock } from './setup';

const suite = durableSuite();

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Each step is scheduled once and completed once; no event is doubled. */
function expectNoDuplicates(history: HistoryEvent[]) {
  const keys = history.filter((e) => 'step' in e).map((e) => `${e.type}:${'step' in e ? e.step : ''}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(history.filter((e) => e.type === 'ExecutionStarted')).toHaveLength(1);
  expect(history.filter((e) => e.type === 'ExecutionCompleted')).toHaveLength(1);
}

describe('two workers on one instance', () => {
  test('racing for a due instance: one takes the lease, the other backs off', async () => {
    const store = suite.store();
    const clock = manualClock();
    const calls: string[] = [];
    const options = {
      store,
      clock: clock.now,
      activities: { work: (_: unknown, { idempotencyKey }: { idempotencyKey: string }) => (calls.push(idempotencyKey), 'done') },
      orchestrators: {
        later: async (ctx: OrchestrationContext) => {
          await ctx.createTimer(new Date(ctx.currentUtcDateTime.getTime() + 60_000));
          return ctx.callActivity('work');
        },
      },
    };
    const first = suite.engine(options);
    const second = suite.engine(options);
    await first.startNew('later', { instanceId: 'due' });
    clock.advance(60_000);
    const ticks = await Promise.all([first.tick(), second.tick(), first.tick(), second.tick()]);
    expect(ticks.every((tick) => tick.due <= 1)).toBe(true);
    const status = await first.getStatus('due', { showHistory: true });
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: 'done' });
    expect(calls).toEqual(['due:1']);
    expectNoDuplicates(status!.history!);
  });

  test('a stalled worker whose lease was taken over cannot append a second history', async () => {
    const store = suite.store();
    const gates = { stalled: deferred(), takeover: deferred() };
    const started = { stalled: deferred(), takeover: deferred() };
    const effects = new Map<string, number>();
    const orchestrators = {
      pay: async (ctx: OrchestrationContext) => {
        const receipt = await ctx.callActivity<string>('charge');
        return ctx.callActivity<string>('email', receipt);
      },
    };
    const workerActivities = (who: keyof typeof gates) => ({
      charge: async (_: unknown, { idempotencyKey }: { idempotencyKey: string }) => {
        started[who].resolve();
        await gates[who].promise;
        effects.set(idempotencyKey, (effects.get(idempotencyKey) ?? 0) + 1);
        return `receipt by ${who}`;
      },
      email: (receipt: string) => `sent ${receipt}`,
    });
    const stalled = suite.engine({ store, leaseMs: 60_000, orchestrators, activities: workerActivities('stalled') });
    // The second worker's clock is past the first one's lease.
    const takeover = suite.engine({ store, clock: () => new Date(Date.now() + 3_600_000), orchestrators, activities: workerActivities('takeover') });

    const first = stalled.startNew('pay', { instanceId: 'pay' });
    await started.stalled.promise;
    const second = takeover.tick();
    await started.takeover.promise;
    // The stalled worker finishes first and appends; its lease is gone, so it stops at its next write.
    gates.stalled.resolve();
    await first;
    // The new owner's append collides with that row: it reloads, replays the stalled worker's result and goes on.
    gates.takeover.resolve();
    await second;

    const status = await takeover.getStatus('pay', { showHistory: true });
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: 'sent receipt by stalled' });
    expectNoDuplicates(status!.history!);
    expect(status!.history!.filter((e) => e.type === 'TaskCompleted')).toHaveLength(2);
    // Both workers ran the charge, with the same idempotency key, which is what lets a real API apply it once.
    expect([...effects]).toEqual([['pay:0', 2]]);
  });
});
