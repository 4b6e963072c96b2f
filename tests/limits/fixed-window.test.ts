/** The shared fixed-window counters against a real Azurite: two app instances (two table clients) counting one key. */
import { describe, expect, test } from 'vitest';
import { FixedWindowCounters } from '../../lib/limits/fixed-window';
import { endpointFrom, tableClient } from '../../lib/tables/client';
import { uniqueHub, useAzurite } from '../support/azurite';

const azurite = useAzurite();
const minute = 60_000;

function instances(count: number): FixedWindowCounters[] {
  const table = uniqueHub('Limits');
  return Array.from({ length: count }, () => new FixedWindowCounters(tableClient(endpointFrom({ storageConnectionString: azurite.connectionString }), table)));
}

describe('fixed-window counters in Table Storage', () => {
  test('admit `limit` events in a window, then refuse until it ends; a new window starts from zero', async () => {
    const [counters] = instances(1);
    const windowStart = 1_800_000_000_000;
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await counters!.take('turns', 'client-a', 3, minute, windowStart + 15_000 + i));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(await counters!.take('turns', 'client-b', 3, minute, windowStart + 15_000)).toEqual({ allowed: true });
    expect(await counters!.take('other-scope', 'client-a', 3, minute, windowStart + 15_000)).toEqual({ allowed: true });
    expect(await counters!.take('turns', 'client-a', 3, minute, windowStart + minute)).toEqual({ allowed: true });
  }, 30_000);

  test('purge deletes the rows of keys not seen since the cutoff, and a purged key counts afresh', async () => {
    const [counters] = instances(1);
    const now = Date.now();
    const dayAgo = now - 86_400_000;
    await counters!.take('turns', 'gone-client', 1, minute, dayAgo - minute);
    await counters!.take('turns', 'recent-client', 1, minute, now);
    expect(await counters!.purge(dayAgo)).toBe(1);
    expect(await counters!.take('turns', 'recent-client', 1, minute, now)).toMatchObject({ allowed: false });
    expect(await counters!.take('turns', 'gone-client', 1, minute, now)).toEqual({ allowed: true });
    expect(await counters!.purge(dayAgo)).toBe(0);
  }, 30_000);

  test('instances racing on one key never admit more than the limit together', async () => {
    const racers = instances(2);
    const now = Date.now();
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => racers[i % 2]!.take('turns', '2001:db8::1', 5, minute, now)));
    expect(results.filter((r) => r.allowed).length).toBe(5);
    expect(await racers[0]!.take('turns', '2001:db8::1', 5, minute, now)).toMatchObject({ allowed: false });
  }, 30_000);

  test('a burst on one key under its limit is admitted whole: lost writes are tried again, not refused', async () => {
    const racers = instances(2);
    const now = Date.now();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => racers[i % 2]!.take('turns', 'conversation-1', 1000, minute, now)));
    expect(results.every((r) => r.allowed)).toBe(true);
  }, 60_000);
});
