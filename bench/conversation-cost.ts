// What one conversation (create + one message, offline planner) costs the local stack, measured in CPU
// rather than wall-clock time, which a shared machine makes noisy: host and Azurite CPU ms per conversation
// and the storage requests it makes, counted by a proxy in front of Azurite.
// `npx tsx bench/conversation-cost.ts [conversations=60] [concurrency=20]` (after `npm run build`).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { azuriteConnectionString, startAzurite } from '../host/azurite';
import { startHost, tempDir, type TestHost } from '../tests/support/host-process';
import { percentile } from './figures';
import { hostRssMb } from './memory';

const ticksPerSecond = 100;

/** User + system CPU of a process tree's members, in ms (Linux /proc). */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // ended
    }
  }
  return (ticks * 1000) / ticksPerSecond;
}

function pidsWithCmdline(fragment: string): number[] {
  return fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map(Number).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(fragment);
    } catch {
      return false;
    }
  });
}

/** Forwards every request to Azurite and counts it by kind. */
async function countingProxy(target: number) {
  const counts = new Map<string, number>();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const table = /\/devstoreaccount1\/([A-Za-z0-9]+)/.exec(url.pathname)?.[1] ?? '?';
    const kind = url.pathname.endsWith('$batch') ? 'batch' : `${request.method} ${table.replace(/^\w+?(Local\w+|Limits)$/, '$1')}${url.pathname.includes('(') ? '(row)' : ''}`;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    const upstream = http.request({ host: '127.0.0.1', port: target, method: request.method, path: request.url, headers: request.headers, agent }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, counts, close: () => (server.close(), agent.destroy()) };
}

async function post(host: TestHost, route: string, body: unknown): Promise<{ ms: number; json: Record<string, unknown> }> {
  const started = performance.now();
  const response = await host.fetch(route, { method: 'POST', json: body });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${route}: ${response.status} ${JSON.stringify(json)}`);
  return { ms: performance.now() - started, json };
}

async function conversations(host: TestHost, count: number, concurrency: number) {
  const creates: number[] = [];
  const turns: number[] = [];
  let started = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started++ < count) {
        const created = await post(host, '/assistant/conversations', {});
        creates.push(created.ms);
        turns.push((await post(host, `/assistant/conversations/${String(created.json.id)}/messages`, { text: '明天北京到上海的航班' })).ms);
      }
    }),
  );
  return { creates, turns };
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Storage requests of a create and of a turn, one conversation at a time, each left to settle (its run released). */
async function perPhase(host: TestHost, counts: Map<string, number>, conversations: number) {
  // The poller's query for due instances runs every second whatever happens: measured idle, then left out.
  const idleBefore = total(counts);
  await pause(5000);
  const idle = ((total(counts) - idleBefore) / 5000) * 500;
  const phases = { create: -idle * conversations, turn: -idle * conversations };
  for (let i = 0; i < conversations; i++) {
    let before = total(counts);
    const created = await post(host, '/assistant/conversations', {});
    await pause(500);
    phases.create += total(counts) - before;
    before = total(counts);
    await post(host, `/assistant/conversations/${String(created.json.id)}/messages`, { text: '明天北京到上海的航班' });
    await pause(500);
    phases.turn += total(counts) - before;
  }
  return { create: phases.create / conversations, turn: phases.turn / conversations };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 60);
  const concurrency = Number(process.argv[3] ?? 20);
  const dataDir = tempDir('flightbook-cost-');
  const location = path.join(dataDir, 'azurite');
  const azurite = await startAzurite({ location });
  const proxy = await countingProxy(azurite.port);
  const host = await startHost({
    onSpawn: (child) => process.once('exit', () => child.kill()),
    dataDir,
    env: { AzureWebJobsStorage: azuriteConnectionString(proxy.port), ASSISTANT_TURNS_PER_MINUTE_PER_CLIENT: '0', ASSISTANT_CONVERSATIONS_PER_MINUTE_PER_CLIENT: '0' },
  });
  try {
    await conversations(host, concurrency, concurrency); // warm-up
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const phases = await perPhase(host, proxy.counts, 10);
    const azuritePids = pidsWithCmdline(location);
    const hostPids = [host.process.pid!];
    proxy.counts.clear();
    const before = { host: cpuMs(hostPids), azurite: cpuMs(azuritePids) };
    const began = performance.now();
    const run = await conversations(host, count, concurrency);
    const seconds = (performance.now() - began) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1500)); // what a turn leaves behind (lease release) is counted too
    const hostMs = (cpuMs(hostPids) - before.host) / count;
    const azuriteMs = (cpuMs(azuritePids) - before.azurite) / count;
    const requests = total(proxy.counts);
    console.log(`${count} conversations, ${concurrency} at once, ${(count / seconds).toFixed(1)} conversations/s`);
    console.log(`CPU per conversation: host ${hostMs.toFixed(1)} ms, Azurite ${azuriteMs.toFixed(1)} ms; host RSS ${hostRssMb(host.process.pid!)} MB`);
    console.log(`storage requests per conversation: ${(requests / count).toFixed(1)} (one at a time: ${phases.create.toFixed(1)} per create, ${phases.turn.toFixed(1)} per turn)`);
    for (const [kind, n] of [...proxy.counts.entries()].sort((a, b) => b[1] - a[1])) console.log(`  ${kind}: ${(n / count).toFixed(2)}`);
    console.log(
      `create p50 ${Math.round(percentile(run.creates, 50))} ms; turn p50 ${Math.round(percentile(run.turns, 50))} ms, p99 ${Math.round(percentile(run.turns, 99))} ms`,
    );
  } finally {
    await host.stop();
    proxy.close();
    await azurite.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
