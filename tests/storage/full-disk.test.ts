import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createFlight } from '../bookings/helpers';
import { daysFromToday, expectProblem, startHost, tempDir } from '../support/host';

/** A real small disk: a 32 MB tmpfs. Mounting needs root (this machine and CI have it); where it cannot be mounted the test is skipped and says why. */
const disk = tempDir('full-disk-');
const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', disk], { encoding: 'utf8' });
const mounted = mount.status === 0;
if (!mounted) console.warn(`full-disk test skipped: cannot mount a tmpfs (${mount.error?.message ?? mount.stderr.trim()})`);
const date = daysFromToday(14);

afterAll(() => {
  if (mounted) spawnSync('umount', [disk]);
});

/** Fills the disk to the last byte. */
function fill(file: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const size of [1 << 20, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

describe.skipIf(!mounted)('a full disk', () => {
  it('gives 503 with Retry-After (never a 500), health reports it, and writes work again once there is room', async () => {
    const file = path.join(disk, 'flightbooking.db');
    const host = await startHost({ env: { DATABASE_URL: `sqlite:${file}` } });
    try {
      const flight = await createFlight(host, 100);
      const book = () => host.fetch('/bookings', { method: 'POST', json: { passengers: [{ name: 'Zhao Man' }], segments: [{ flight_number: flight.flight_number, date }] } });
      expect((await book()).status).toBe(201);

      // The write-ahead log is emptied first, so the next commit must grow a file, as on a disk that filled up over time.
      const other = new Database(file);
      other.pragma('wal_checkpoint(TRUNCATE)');
      other.close();
      const filler = path.join(disk, 'filler');
      fill(filler);

      let refused: Response | undefined;
      for (let i = 0; i < 50 && !refused; i++) {
        const response = await book();
        if (response.status !== 201) refused = response;
      }
      expect(refused, 'every write succeeded on a full disk').toBeDefined();
      await expectProblem(refused!, 503);
      expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);

      const health = await host.fetch('/health');
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'unhealthy', checks: { database: { status: 'fail', detail: expect.stringContaining('disk is full') } } });
      expect((await host.fetch(`/flights/${flight.id}?date=${date}`)).status).toBe(200);

      fs.rmSync(filler);
      expect((await host.fetch('/health')).status).toBe(200);
      expect((await book()).status).toBe(201);
    } finally {
      await host.stop();
    }
  }, 90_000);
});
