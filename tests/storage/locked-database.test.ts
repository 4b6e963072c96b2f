import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlight } from '../bookings/helpers';
import { daysFromToday, expectProblem, repoRoot, startHost, type TestHost } from '../support/host';

let host: TestHost;
const date = daysFromToday(13);

beforeAll(async () => {
  host = await startHost();
}, 60_000);

afterAll(async () => {
  await host?.stop();
});

/** Another process takes the database's write lock (BEGIN EXCLUSIVE) and holds it for `ms`. */
async function holdLock(ms: number): Promise<{ released: Promise<unknown> }> {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.exec('BEGIN EXCLUSIVE');
    console.log('locked');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));`;
  const locker = spawn(process.execPath, ['-e', script, path.join(host.dataDir, 'flightbooking.db'), String(ms)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  await once(locker.stdout!, 'data');
  return { released: once(locker, 'exit') };
}

const timed = async <T>(work: Promise<T>) => {
  const started = performance.now();
  const value = await work;
  return { value, ms: performance.now() - started };
};

describe('a database locked by another process', () => {
  it('never freezes the host: reads answer at once, writes wait a bounded time then get 503 with Retry-After, and health says why', async () => {
    const flight = await createFlight(host, 30);
    const { released } = await holdLock(9_000);

    const write = timed(host.fetch('/bookings', { method: 'POST', json: { passengers: [{ name: 'Sun Li' }], segments: [{ flight_number: flight.flight_number, date }] } }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // While the write waits for the lock, the same process answers a read (WAL readers are not blocked).
    const read = await timed(host.fetch(`/flights/${flight.id}?date=${date}`));
    expect(read.value.status).toBe(200);
    expect(read.ms).toBeLessThan(1_500);

    const refused = await write;
    await expectProblem(refused.value, 503);
    expect(Number(refused.value.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.ms).toBeLessThan(6_000);

    const health = await host.fetch('/health');
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unhealthy', checks: { database: { status: 'fail', detail: expect.stringContaining('locked') } } });

    await released;
    const booked = await host.fetch('/bookings', { method: 'POST', json: { passengers: [{ name: 'Sun Li' }], segments: [{ flight_number: flight.flight_number, date }] } });
    expect(booked.status).toBe(201);
    expect((await host.fetch('/health')).status).toBe(200);
  }, 60_000);
});
