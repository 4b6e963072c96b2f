import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { daysFromToday, repoRoot, startHost, tempDir } from '../tests/support/host-process';
import { cycle, describeLoad, load } from './load';
import { bench } from './settings';

/** One-stop searches over a seeded network of many flights, varying the airport pair on every request. */
export async function largeNetworkBench(bare: number): Promise<void> {
  const dataDir = tempDir('flightbook-bench-');
  const started = performance.now();
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(repoRoot, 'scripts/seed.ts'), '--flights', String(bench.largeNetworkFlights)], {
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  const db = new Database(path.join(dataDir, 'flightbooking.db'), { readonly: true });
  const airports = db.prepare('SELECT DISTINCT departure_airport AS code FROM flights').all() as { code: string }[];
  const flights = (db.prepare('SELECT COUNT(*) AS n FROM flights').get() as { n: number }).n;
  const pairs = db
    .prepare(
      `SELECT a.code AS origin, b.code AS destination FROM airports a, airports b
       WHERE a.code <> b.code AND a.code IN (SELECT departure_airport FROM flights) AND b.code IN (SELECT arrival_airport FROM flights)
       ORDER BY (a.rowid * 7919 + b.rowid * 104729) % 1000 LIMIT 60`,
    )
    .all() as { origin: string; destination: string }[];
  db.close();
  console.log(`large network: ${flights} flights across ${airports.length} airports (seeded in ${Math.round(performance.now() - started)} ms)`);
  const host = await startHost({ dataDir, env: { SEED_SAMPLE_DATA: 'false', FUNCTIONS_WORKER_PROCESS_COUNT: '2' } });
  try {
    const tomorrow = daysFromToday(1);
    const next = cycle(pairs.map((p) => ({ path: `/api/flights/search/${p.origin}/${p.destination}?date=${tomorrow}&max_stops=1` })));
    for (const connections of bench.smoke ? [8] : [1, 8, 32]) {
      const result = await load(host.baseUrl, { connections, seconds: bench.seconds, next });
      console.log(describeLoad(`one-stop search, ${flights} flights, 2 workers, ${connections} conn`, result, bare));
    }
  } finally {
    await host.stop();
  }
}
