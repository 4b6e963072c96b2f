import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { repoRoot } from '../support/host-process';

// The bench is not a timed test: this runs every section for about a second so that `npm run bench`
// keeps working (it is a CommonJS program under tsx; it must never import vitest). Figures are not judged.
it('runs every bench section and prints each figure with its target', async () => {
  const child = spawn(process.execPath, [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'bench/run.ts'], {
    cwd: repoRoot,
    env: { ...process.env, BENCH_SMOKE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: the hosts it starts go with it if this test times out
  });
  onTestFinished(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code, output).toBe(0);
  for (const section of [
    /^entry load: dist\/functions \d+ ms/m,
    /^cold start: process start → first 200 \d+ ms/m,
    /^bare node:http \(ceiling\)\s+\d+ req\/s/m,
    /^direct search PEK→SHA, 1 worker\(s\).*% of the bare-http ceiling/m,
    /^booking creation, 1 worker\(s\).*\n\s+bookings \d+.*: consistent/m,
    /^host RSS after warm-up .*: \d+ MB/m,
    /^one-stop search, \d+ flights, 2 workers/m,
    /^conversations(:| \(| memory:)/m,
    /^durable: [\d.]+ steps\/s/m,
    /^offline understanding \(zh\/en\): \d+ µs/m,
  ]) {
    expect(output).toMatch(section);
  }
  const figures = output.slice(output.indexOf('Figures and targets'));
  for (const figure of [
    'entry load ÷ bare @azure/functions',
    'cold start: process start → first 200',
    'first request after start',
    'direct search, 1 worker ÷ bare node:http',
    'host RSS after warm-up',
    'booking creation, 1 worker(s), synchronous=',
    'conversation create p50',
    'conversation turn p50',
    'conversation turn p99',
    'host RSS drift over',
  ]) {
    expect(figures).toMatch(new RegExp(`${figure.replace(/[()÷]/g, '\\$&')}.*target `));
  }
}, 600_000);
