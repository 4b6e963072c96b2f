import { spawnSync } from 'node:child_process';
import * as df from 'durable-functions';
import { startAzurite } from '../host/azurite';
import type { DurableClientService } from '../host/durable/client';
import { startDurableExtension } from '../host/durable/extension';
import type { StatusPayload } from '../host/durable/status';
import { provideFunctionsCore } from '../host/worker/functions-core';
import { bench } from './settings';

export interface DurableBench {
  /** Activity steps per second over many instances at once. */
  stepsPerSecond: number;
  /** Time one step adds to a sequential chain with a no-op activity (episode: history read + SDK replay + append + instance write). */
  addedLatencyMsPerStep: number;
  /** From raiseEvent to the custom status the orchestrator sets after one activity, median. */
  raiseEventMs: number;
  chainSteps: number;
  instances: number;
}

const chainSteps = bench.smoke ? 5 : 30;
const instances = bench.smoke ? 4 : 20;
const stepsPerInstance = bench.smoke ? 2 : 10;
const events = bench.smoke ? 5 : 20;

function registerBenchApp(): void {
  df.app.activity('benchNoop', { handler: (n: number) => n });
  df.app.orchestration('benchChain', function* (context) {
    let total = 0;
    for (let i = 0; i < context.df.getInput<number>(); i++) total += (yield context.df.callActivity('benchNoop', i)) as number;
    return total;
  });
  df.app.orchestration('benchChat', function* (context) {
    for (;;) {
      const message: number = yield context.df.waitForExternalEvent('message');
      context.df.setCustomStatus(yield context.df.callActivity('benchNoop', message));
    }
  });
}

async function until(client: DurableClientService, id: string, done: (status: StatusPayload) => boolean): Promise<void> {
  for (;;) {
    const status = await client.status(id);
    if (status && done(status)) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const completed = (status: StatusPayload) => status.runtimeStatus === 'Completed';
const round = (value: number) => Math.round(value * 10) / 10;

/** The figures, measured in this process: the stand-in running SDK orchestrations over an in-memory Azurite. */
async function measure(): Promise<DurableBench> {
  provideFunctionsCore();
  registerBenchApp();
  const azurite = await startAzurite();
  const extension = await startDurableExtension({ storage: { connectionString: azurite.connectionString }, hubName: 'Bench', origin: 'http://localhost', key: 'bench', pollMs: 200 });
  const { client } = extension;
  try {
    await until(client, await client.start('benchChain', undefined, 1), completed); // tables created, connections warm
    let started = performance.now();
    await until(client, await client.start('benchChain', undefined, chainSteps), completed);
    const addedLatencyMsPerStep = (performance.now() - started) / chainSteps;

    started = performance.now();
    const ids = await Promise.all(Array.from({ length: instances }, () => client.start('benchChain', undefined, stepsPerInstance)));
    await Promise.all(ids.map((id) => until(client, id, completed)));
    const stepsPerSecond = (instances * stepsPerInstance) / ((performance.now() - started) / 1000);

    const chat = await client.start('benchChat', undefined, null);
    const latencies: number[] = [];
    for (let i = 1; i <= events; i++) {
      started = performance.now();
      await client.raise(chat, 'message', i);
      await until(client, chat, (status) => status.customStatus === i);
      latencies.push(performance.now() - started);
    }
    await client.terminate(chat, 'bench over');
    const raiseEventMs = latencies.sort((a, b) => a - b)[Math.floor(events / 2)]!;
    return { stepsPerSecond: round(stepsPerSecond), addedLatencyMsPerStep: round(addedLatencyMsPerStep), raiseEventMs: round(raiseEventMs), chainSteps, instances };
  } finally {
    await extension.stop();
    await azurite.stop();
  }
}

/**
 * Figures for the local Durable Task stand-in. Measured in a child process: the host must supply
 * @azure/functions-core before anything registers a function, which the rest of the bench does in test mode.
 */
export async function benchDurable(): Promise<DurableBench> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', __filename], { encoding: 'utf8', env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{')) throw new Error(`the durable bench failed (exit ${child.status}): ${child.stdout}`);
  const result = JSON.parse(line) as DurableBench;
  console.log(
    `durable: ${result.stepsPerSecond} steps/s (${instances} instances × ${stepsPerInstance} steps, durable-functions on the local stand-in), ` +
      `${result.addedLatencyMsPerStep} ms added per step (chain of ${chainSteps}), raiseEvent to the reply after one activity ${result.raiseEventMs} ms (median)`,
  );
  return result;
}

if (require.main === module) {
  measure().then(
    (result) => {
      console.log(JSON.stringify(result));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
