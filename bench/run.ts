// npm run bench: cold start, throughput and latency of the HTTP API against a bare node:http ceiling,
// booking creation with an oversell check, the conversation figures, and the orchestration engine.
// Everything runs on this machine against loopback; every figure is printed with its target at the end.
// BENCH_SMOKE=1 runs each section for about a second (the test suite does, to keep the bench working).
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../lib/store/sqlite/database';
import { daysFromToday, startHost, tempDir, type TestHost } from '../tests/support/host-process';
import { startBareServer } from './baseline';
import { conversationBench } from './conversations';
import { benchDurable } from './durable';
import { printFigures, report } from './figures';
import { largeNetworkBench } from './large-network';
import { cycle, describeLoad, load, type LoadResult } from './load';
import { hostRssMb } from './memory';
import { bench, runs } from './settings';
import { coldStart, entryLoad } from './startup';
import { benchUnderstanding } from './understanding';
import { ensureWrk, wrk } from './wrk';

const { seconds } = bench;
const tomorrow = daysFromToday(1);
const wrkMissing = ensureWrk();
/** The machine's 1, 5 and 15 minute load averages: figures taken on a busy machine read worse. */
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');

/** A fixed GET under load: wrk when available (it outruns the server on 2 cores), else autocannon. */
async function loadGet(url: string): Promise<LoadResult> {
  if (wrkMissing) return load(url, { seconds });
  const result = wrk(url, { seconds });
  return { ...result, total: Math.round(result.requestsPerSecond * seconds), errors: 0 };
}

async function ceiling(): Promise<number> {
  const bare = await startBareServer();
  try {
    const result = await loadGet(bare.url);
    console.log(describeLoad('bare node:http (ceiling)', result));
    return result.requestsPerSecond;
  } finally {
    bare.stop();
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
function oversellCheck(dataDir: string): { line: string; consistent: boolean } {
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
      const consistent = sold === seated && seated === bookings && oversold === 0;
      return { line: `bookings ${bookings}, seats sold ${sold}, seats assigned ${seated}, oversold flight-dates ${oversold}: ${consistent ? 'consistent' : 'INCONSISTENT'}`, consistent };
    })();
  } finally {
    db.close();
  }
}

/** The synchronous mode the app's SQLite connections use, read from a connection opened the app's way. */
function sqliteSynchronous(): string {
  const db = openDatabase(path.join(tempDir('flightbook-pragma-'), 'probe.db'));
  try {
    return ['OFF', 'NORMAL', 'FULL', 'EXTRA'][db.pragma('synchronous', { simple: true }) as number] ?? 'unknown';
  } finally {
    db.close();
  }
}

async function appBench(bare: number, workers: number): Promise<void> {
  const host = await startHost({ env: { FUNCTIONS_WORKER_PROCESS_COUNT: String(workers) } });
  let booking: LoadResult;
  try {
    const direct = await loadGet(`${host.baseUrl}/flights/search/PEK/SHA?date=${tomorrow}&max_stops=0`);
    console.log(describeLoad(`direct search PEK→SHA, ${workers} worker(s), 32 conn`, direct, bare));
    const cities = await loadGet(`${host.baseUrl}/flights/search/${encodeURI('北京')}/${encodeURI('上海')}?date=${tomorrow}`);
    console.log(describeLoad(`北京→上海 incl. one-stop, ${workers} worker(s), 32 conn`, cities, bare));
    booking = await bookingBench(host);
    if (workers === 1) {
      const share = (direct.requestsPerSecond / bare) * 100;
      report({ name: 'direct search, 1 worker ÷ bare node:http', measured: `${share.toFixed(1)} % (${direct.requestsPerSecond} req/s)`, target: '≥ 25 %', met: share >= 25 && direct.non2xx === 0 });
      const rss = hostRssMb(host.process.pid!);
      console.log(`host RSS after warm-up (searches and bookings, 1 worker): ${rss} MB`);
      report({ name: 'host RSS after warm-up, 1 worker', measured: `${rss} MB`, target: '≤ 150 MB', met: rss <= 150 });
    }
  } finally {
    await host.stop();
  }
  console.log(describeLoad(`booking creation, ${workers} worker(s), 32 conn`, booking));
  const check = oversellCheck(host.dataDir);
  console.log(`  ${check.line}`);
  report({
    name: `booking creation, ${workers} worker(s), synchronous=${sqliteSynchronous()}`,
    measured: `${booking.requestsPerSecond} bookings/s`,
    target: 'no target; nothing oversold',
    met: check.consistent && booking.errors === 0,
  });
}

async function main(): Promise<void> {
  console.log(`Benchmarks (${seconds} s per run, ${wrkMissing ? `autocannon (${wrkMissing})` : 'wrk'} for fixed GETs, autocannon for varied requests, loopback, ${new Date().toISOString()}, load average ${loadAverage()})\n`);
  if (runs('startup')) {
    entryLoad();
    await coldStart();
  }
  if (runs('search') || runs('network')) {
    const bare = await ceiling();
    if (runs('search')) await appBench(bare, 1);
    if (runs('search') && !bench.smoke) await appBench(bare, 2);
    if (runs('network')) await largeNetworkBench(bare);
  }
  if (runs('conversations')) await conversationBench();
  if (runs('durable')) await benchDurable();
  if (runs('understanding')) {
    const understanding = benchUnderstanding();
    console.log(`offline understanding (zh/en): ${understanding.microsecondsPerMessage} µs per message over ${understanding.messages} corpus utterances`);
  }
  printFigures();
  console.log(`load average at the end: ${loadAverage()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
