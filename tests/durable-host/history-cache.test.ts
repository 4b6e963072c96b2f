/**
 * A process keeps the history of the instances it ran, so taking one back does not read it again; another
 * process (a second worker) that ran the instance in between must never leave it working from a stale copy.
 */
import { expect, it } from 'vitest';
import { DurableClientService } from '../../host/durable/client';
import { EventType } from '../../host/durable/history';
import { OrchestrationRunner } from '../../host/durable/runner';
import { useStandIn } from './harness';

const standIn = useStandIn();
const turn = (n: number) => (status: { customStatus?: unknown }) => (status.customStatus as { turn?: unknown } | null)?.turn === n;

it('an instance another worker advanced is taken back with that worker’s events, not this process’s cached history', async () => {
  const here = standIn.extension.client;
  const otherWorker = new DurableClientService(new OrchestrationRunner({ store: here.runner.store }));
  const id = await here.start('approval', undefined, [600_000, 600_000, 600_000]);
  await standIn.finished(id, turn(1));
  await here.raise(id, 'answer', 'first, here');
  await standIn.finished(id, turn(2));
  await otherWorker.raise(id, 'answer', 'second, by the other worker');
  await standIn.finished(id, turn(3));
  await otherWorker.runner.idle();
  const started = Date.now();
  await here.raise(id, 'answer', 'third, here again');
  const status = await standIn.finished(id);
  // A stale history would append over the other worker's rows, fail, and hold the lease until it expired (30 s).
  expect(Date.now() - started).toBeLessThan(5000);
  expect(status).toMatchObject({ runtimeStatus: 'Completed', output: ['first, here', 'second, by the other worker', 'third, here again'] });
  const stored = await here.runner.store.load(id, 0);
  expect(stored.events.filter((event) => event.EventType === EventType.EventRaised).map((event) => event.Input)).toEqual([
    '"first, here"', '"second, by the other worker"', '"third, here again"',
  ]);
}, 30_000);
