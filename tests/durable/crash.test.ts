import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { uniqueHub } from '../support/azurite';
import { charge, lines, pipeline } from './fixtures/pipeline';
import { durableSuite } from './setup';

const suite = durableSuite();
const dir = mkdtempSync(path.join(tmpdir(), 'durable-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the pipeline in a child process and SIGKILLs it when it reaches the crash point. */
async function runAndKill(env: Record<string, string>): Promise<void> {
  const child = spawn(path.resolve('node_modules/.bin/tsx'), [path.resolve('tests/durable/fixtures/crash-worker.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('CRASH-POINT')) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`worker exited (${code}) early: ${output}`))));
  });
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
}

describe('a worker killed mid-orchestration', () => {
  test.each([
    { moment: 'start', crashAt: 3, what: 'after activity 2 completed (activity 3 had started)', reruns: ['crash:3'] },
    { moment: 'charged', crashAt: 2, what: 'after activity 2 made its side effect but before its completion was stored', reruns: ['crash:2'] },
  ])('$what: another process resumes and every side effect happened exactly once', async ({ moment, crashAt, reruns }) => {
    const hub = uniqueHub();
    const ledger = { attempts: path.join(dir, `${hub}-attempts`), effects: path.join(dir, `${hub}-effects`) };
    await runAndKill({
      STORAGE: suite.azurite.connectionString, HUB: hub, INSTANCE: 'crash', CRASH_AT: String(crashAt), CRASH_MOMENT: moment,
      ATTEMPTS: ledger.attempts, EFFECTS: ledger.effects,
    });
    const store = suite.store(hub);
    expect((await store.readInstance('crash'))!.record).toMatchObject({ runtimeStatus: 'Running' });

    // Another process: its clock is past the dead worker's lease, so the tick takes the instance over.
    const engine = suite.engine({
      store,
      clock: () => new Date(Date.now() + 60 * 60_000),
      orchestrators: { pipeline },
      activities: { charge: charge(ledger) },
    });
    expect(await engine.tick()).toEqual({ due: 1 });

    const status = await engine.getStatus('crash', { showHistory: true });
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: [0, 1, 2, 3, 4].map((i) => `receipt-${i}`) });
    const keys = [0, 1, 2, 3, 4].map((i) => `crash:${i}`);
    expect(lines(ledger.effects)).toEqual(keys);
    expect(lines(ledger.attempts)).toEqual([...keys.slice(0, crashAt + 1), ...keys.slice(crashAt)].sort());
    expect(lines(ledger.attempts).filter((key, i, all) => all.indexOf(key) !== i)).toEqual(reruns);
    const completions = status!.history!.filter((e) => e.type === 'TaskCompleted');
    expect(completions.map((e) => e.type === 'TaskCompleted' && e.step)).toEqual([0, 1, 2, 3, 4]);
  });
});
