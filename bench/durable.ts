import { DurableEngine, TableStore } from '../lib/durable';
import { startAzurite } from '../host/azurite';
import { bench } from './settings';

export interface DurableBench {
  /** Activity steps per second over many instances at once. */
  stepsPerSecond: number;
  /** Time one step adds to a sequential chain with a no-op activity (history append + instance write + replay). */
  addedLatencyMsPerStep: number;
  /** One raiseEvent that runs one activity and returns the reply, median. */
  raiseEventMs: number;
  chainSteps: number;
  instances: number;
}

const chainSteps = bench.smoke ? 5 : 50;
const instances = bench.smoke ? 4 : 20;
const stepsPerInstance = bench.smoke ? 2 : 10;
const events = bench.smoke ? 5 : 30;

/** Figures for the orchestration engine against an in-memory Azurite. */
export async function benchDurable(): Promise<DurableBench> {
  const azurite = await startAzurite();
  try {
    const engine = new DurableEngine({
      store: TableStore.connect({ connectionString: azurite.connectionString }, 'Bench'),
      activities: { noop: (n: number) => n },
      orchestrators: {
        chain: async (ctx) => {
          let total = 0;
          for (let i = 0; i < ctx.input; i++) total += await ctx.callActivity<number>('noop', i);
          return total;
        },
        chat: async (ctx) => {
          for (;;) ctx.setCustomStatus(await ctx.callActivity('noop', await ctx.waitForExternalEvent<number>('message')));
        },
      },
    });
    await engine.startNew('chain', { input: 1 }); // tables created, connections warm

    let started = performance.now();
    await engine.startNew('chain', { input: chainSteps });
    const addedLatencyMsPerStep = (performance.now() - started) / chainSteps;

    started = performance.now();
    await Promise.all(Array.from({ length: instances }, () => engine.startNew('chain', { input: stepsPerInstance })));
    const stepsPerSecond = (instances * stepsPerInstance) / ((performance.now() - started) / 1000);

    await engine.startNew('chat', { instanceId: 'chat' });
    const latencies: number[] = [];
    for (let i = 0; i < events; i++) {
      started = performance.now();
      await engine.raiseEvent('chat', 'message', i);
      latencies.push(performance.now() - started);
    }
    const raiseEventMs = latencies.sort((a, b) => a - b)[Math.floor(events / 2)]!;

    const result = { stepsPerSecond: round(stepsPerSecond), addedLatencyMsPerStep: round(addedLatencyMsPerStep), raiseEventMs: round(raiseEventMs), chainSteps, instances };
    console.log(
      `durable: ${result.stepsPerSecond} steps/s (${instances} instances × ${stepsPerInstance} steps), ` +
        `${result.addedLatencyMsPerStep} ms added per step (chain of ${chainSteps}), raiseEvent with one activity ${result.raiseEventMs} ms (median)`,
    );
    return result;
  } finally {
    await azurite.stop();
  }
}

const round = (value: number) => Math.round(value * 10) / 10;

if (require.main === module) void benchDurable();
