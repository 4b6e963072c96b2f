import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { daysFromToday, repoRoot, startHost } from '../tests/support/host-process';
import { startBareServer } from './baseline';
import { median, report } from './figures';
import { bench } from './settings';

/** Wall time (ms) and final RSS (MB) of a whole `node` process that requires one module and exits. */
function loadProcess(module: string): { ms: number; rssMb: number } {
  const script = `console.warn = () => {}; require(${JSON.stringify(module)}); console.log(process.memoryUsage().rss)`;
  const started = performance.now();
  const run = spawnSync(process.execPath, ['-e', script], { cwd: repoRoot, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`loading ${module} failed:\n${run.stderr}`);
  return { ms, rssMb: Math.round(Number(run.stdout.trim()) / 1024 / 1024) };
}

/** Loading the function app's entry against loading bare @azure/functions, whole processes, interleaved. */
export function entryLoad(): void {
  const entry = path.join(repoRoot, 'dist/functions/index.js');
  const bare: number[] = [];
  const app: number[] = [];
  let appRss = 0;
  for (let i = 0; i < bench.launches; i++) {
    bare.push(loadProcess('@azure/functions').ms);
    const loaded = loadProcess(entry);
    app.push(loaded.ms);
    appRss = loaded.rssMb;
  }
  const ratio = median(app) / median(bare);
  console.log(`entry load: dist/functions ${Math.round(median(app))} ms (${appRss} MB), bare @azure/functions ${Math.round(median(bare))} ms — whole node processes, median of ${bench.launches}`);
  report({ name: 'entry load ÷ bare @azure/functions', measured: `${ratio.toFixed(2)}× (${Math.round(median(app))} ms, ${appRss} MB)`, target: '≤ 4×', met: ratio <= 4 });
}

/** Process start → first 200 of a direct search on the local host, and that first request alone. */
export async function coldStart(): Promise<void> {
  // The bench's own fetch loads its HTTP client on first use (~100-200 ms): not the host's time.
  const warm = await startBareServer();
  await (await fetch(warm.url)).arrayBuffer();
  warm.stop();
  const launches = Math.min(bench.launches, 3);
  const total: number[] = [];
  const first: number[] = [];
  for (let i = 0; i < launches; i++) {
    const started = performance.now();
    const host = await startHost();
    try {
      const listening = performance.now();
      const response = await fetch(`${host.baseUrl}/flights/search/PEK/SHA?date=${daysFromToday(1)}&max_stops=0`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`first search answered ${response.status}`);
      const answered = performance.now();
      total.push(answered - started);
      first.push(answered - listening);
    } finally {
      await host.stop();
    }
  }
  console.log(`cold start: process start → first 200 ${Math.round(median(total))} ms, of which the first request ${Math.round(median(first))} ms (median of ${launches})`);
  report({ name: 'cold start: process start → first 200', measured: `${Math.round(median(total))} ms`, target: 'reported (includes Azurite and SQLite start)' });
  report({ name: 'first request after start', measured: `${Math.round(median(first))} ms`, target: '≤ 300 ms', met: median(first) <= 300 });
}
