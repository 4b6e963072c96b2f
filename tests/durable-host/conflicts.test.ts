/**
 * Two workers on one task hub (two host processes of the app), neither polling: a message posted through
 * one while the other runs an activity of the instance must still reach the instance. The worker running
 * it learns of the message only because its next write of the instance row finds the row changed (the
 * row's ETag); no poller, no in-process signal tells it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type DurableExtension, startDurableExtension } from '../../host/durable/extension';
import { provideFunctionsCore } from '../../host/worker/functions-core';
import { uniqueHub, useAzurite } from '../support/azurite';
import { eventually } from '../support/eventually';

const azurite = useAzurite();
let fixture: typeof import('./fixture');
let running: DurableExtension;
let posting: DurableExtension;

beforeAll(async () => {
  provideFunctionsCore();
  fixture = await import('./fixture');
  const hubName = uniqueHub('Conflict');
  const worker = () =>
    startDurableExtension({ storage: { connectionString: azurite.connectionString }, hubName, origin: 'http://127.0.0.1:9', key: 'unused', pollMs: 3_600_000 });
  running = await worker();
  posting = await worker();
}, 60_000);

afterAll(async () => {
  await running?.stop();
  await posting?.stop();
});

/** Starts `orchestration` on the running worker and waits until its `held` activity is running there. */
async function startHeld(orchestration: string): Promise<{ id: string; release: () => void }> {
  const id = randomUUID().replaceAll('-', '');
  await running.client.start(orchestration, id, id);
  const release = await eventually('the held activity to start', () => fixture.scaffolding.held.get(id));
  return { id, release };
}

const ended = (id: string) =>
  eventually(`instance ${id} to end`, async () => {
    const status = await running.client.status(id);
    return status && !['Pending', 'Running'].includes(status.runtimeStatus) ? status : undefined;
  });

test('a terminate through another worker during an activity ends the instance when the activity returns: the next activity never runs', async () => {
  const { id, release } = await startHeld('heldThenRecord');
  expect(await posting.client.terminate(id, 'stopped elsewhere')).toBe('accepted');
  release();
  expect(await ended(id)).toMatchObject({ runtimeStatus: 'Terminated', output: 'stopped elsewhere' });
  expect(fixture.scaffolding.recorded).not.toContain(id);
});

test('an event raised through another worker during an activity is delivered, not left in the inbox', async () => {
  const { id, release } = await startHeld('heldThenEvent');
  expect(await posting.client.raise(id, 'go', { from: 'the other worker' })).toBe('accepted');
  release();
  expect(await ended(id)).toMatchObject({ runtimeStatus: 'Completed', output: { from: 'the other worker' } });
});
