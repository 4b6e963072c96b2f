import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sampleFlights } from '../../lib/domain/data/flights';
import { startHost, tempDir } from '../support/host';

/** Rows in `table` as another process sees them (0 while the file or table does not exist yet). */
function rowsIn(file: string, table: string): number {
  if (!fs.existsSync(file)) return 0;
  const db = new Database(file);
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

/** Starts a host on a fresh folder and SIGKILLs its process group the moment `trigger` sees the database reach a point. */
async function killDuringFirstStart(trigger: (file: string) => boolean): Promise<string> {
  const dataDir = tempDir('seed-crash-');
  const file = path.join(dataDir, 'flightbooking.db');
  let child: ChildProcess | undefined;
  startHost({ dataDir, onSpawn: (spawned) => (child = spawned) }).catch(() => {});
  const deadline = Date.now() + 60_000;
  while (!trigger(file)) {
    if (Date.now() > deadline) throw new Error('seeding never started');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const exited = new Promise((resolve) => child!.once('exit', resolve));
  process.kill(-child!.pid!, 'SIGKILL');
  await exited;
  return dataDir;
}

describe('a crash during the first start', () => {
  it.each([
    ['as soon as the first sample flight is visible', (file: string) => rowsIn(file, 'flights') > 0],
    ['as soon as the reference data is in, while the flights load', (file: string) => rowsIn(file, 'airports') > 0],
  ])('killed %s, the next start has every sample flight once', async (_, trigger) => {
    const dataDir = await killDuringFirstStart(trigger);
    const file = path.join(dataDir, 'flightbooking.db');
    const host = await startHost({ dataDir });
    await host.stop();
    const db = new Database(file, { readonly: true });
    try {
      const { n, numbers } = db.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT flight_number) AS numbers FROM flights').get() as { n: number; numbers: number };
      expect({ n, numbers }).toEqual({ n: sampleFlights.length, numbers: sampleFlights.length });
    } finally {
      db.close();
    }
  }, 120_000);
});
