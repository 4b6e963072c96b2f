// npm run bench: prints throughput and latency figures for the HTTP API, booking creation with an
// oversell check, and the orchestration engine. Everything runs on this machine against loopback.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { daysFromToday, repoRoot, startHost, tempDir, type TestHost } from '../tests/support/host';
import { startBareServer } from './baseline';
import { benchDurable } from './durable';
import { benchUnderstanding } from './understanding';
import { describeLoad, load, type LoadResult } from './load';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const tomorrow = daysFromToday(1);

function cycle<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

async function ceiling(): Promise<number> {
  const bare = await startBareServer();
  try {
    const result = await load(bare.url, { seconds });
    console.log(describeLoad('bare node:http (ceiling)', result));
    return result.requestsPerSecond;
  } finally {
    bare.stop();
  }
}

async function searchBench(host: TestHost, bare: number, workers: number): Promise<void> {
  const direct = await load(`${host.baseUrl}/flights/search/PEK/SHA?date=${tomorrow}&max_stops=0`, { seconds });
  console.log(describeLoad(`direct search PEK→SHA, ${workers} worker(s), 32 conn`, direct, bare));
  const cities = await load(`${host.baseUrl}/flights/search/${encodeURI('北京')}/${encodeURI('上海')}?date=${tomorrow}`, { seconds });
  console.log(describeLoad(`北京→上海 incl. one-stop, ${workers} worker(s), 32 conn`, cities, bare));
}

async function largeNetworkBench(bare: number): Promise<void> {
  const dataDir = tempDir('flightbook-bench-');
  const started = performance.now();
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(repoRoot, 'scripts/seed.ts'), '--flights', '20000'], {
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
    const next = cycle(pairs.map((p) => ({ path: `/api/flights/search/${p.origin}/${p.destination}?date=${tomorrow}&max_stops=1` })));
    for (const connections of [1, 8, 32]) {
      const result = await load(host.baseUrl, { connections, seconds, next });
      console.log(describeLoad(`one-stop search, 20k flights, 2 workers, ${connections} conn`, result, bare));
    }
  } finally {
    await host.stop();
  }
}

async function bookingBench(host: TestHost): Promise<LoadResult> {
  const flights = (await (await host.fetch('/flights?limit=1000&status=active')).json()) as { flight_number: string; days_of_operation: number[] }[];
  const daily = flights.filter((f) => f.days_of_operation.length === 7);
  const bodies = daily.flatMap((f) =>
    Array.from({ length: 20 }, (_, d) =>
      JSON.stringify({ passengers: [{ name: 'Bench Traveller' }], segments: [{ flight_number: f.flight_number, date: daysFromToday(2 + d) }] }),
    ),
  );
  const next = cycle(bodies.map((body) => ({ path: '/api/bookings', method: 'POST', body })));
  return load(host.baseUrl, { seconds, next });
}

/** Reads the stopped host's database in one snapshot: nothing oversold, every seat sold is a seat assigned. */
function oversellCheck(dataDir: string): string {
  const db = new Database(path.join(dataDir, 'flightbooking.db'), { readonly: true });
  try {
    return db.transaction(() => {
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      const bookings = count("SELECT COUNT(*) AS n FROM bookings WHERE status <> 'cancelled'");
      const oversold = count(
        `SELECT COUNT(*) AS n FROM inventory i JOIN flights f ON f.id = i.flight_id
         WHERE i.seats_sold > CASE i.cabin WHEN 'economy' THEN f.economy_capacity WHEN 'business' THEN f.business_capacity ELSE f.first_capacity END`,
      );
      const sold = count('SELECT COALESCE(SUM(seats_sold), 0) AS n FROM inventory');
      const seated = count('SELECT COUNT(*) AS n FROM seat_assignments');
      const consistent = sold === seated && seated === bookings;
      return `bookings ${bookings}, seats sold ${sold}, seats assigned ${seated}: ${consistent ? 'consistent' : 'INCONSISTENT'}; oversold flight-dates: ${oversold}`;
    })();
  } finally {
    db.close();
  }
}

async function appBench(bare: number, workers: number): Promise<void> {
  const host = await startHost({ env: { FUNCTIONS_WORKER_PROCESS_COUNT: String(workers) } });
  let booking: LoadResult;
  try {
    await searchBench(host, bare, workers);
    booking = await bookingBench(host);
  } finally {
    await host.stop();
  }
  console.log(describeLoad(`booking creation, ${workers} worker(s), 32 conn`, booking));
  console.log(`  ${oversellCheck(host.dataDir)}`);
}

async function main(): Promise<void> {
  console.log(`Benchmarks (${seconds} s per run, autocannon on loopback, ${new Date().toISOString()})\n`);
  const bare = await ceiling();
  await appBench(bare, 1);
  await appBench(bare, 2);
  await largeNetworkBench(bare);
  await benchDurable();
  const understanding = benchUnderstanding();
  console.log(`offline understanding (zh/en): ${understanding.microsecondsPerMessage} µs per message over ${understanding.messages} corpus utterances`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
