// npm run seed -- [--flights N] [--seed S]: loads reference data and the sample network into the
// configured database, or, with --flights, a generated network of N flights for benchmarks.
import { parseArgs } from 'node:util';
import { config } from '../lib/config';
import { sampleFlights } from '../lib/domain/data/flights';
import { localDate } from '../lib/domain/time';
import { applyLocalSettings } from '../host/local-settings';
import { openStore } from '../lib/store';
import { loadFlights, loadReferenceData } from '../lib/store/sample-data';
import { generateNetwork } from './network';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { flights: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  const count = values.flights === undefined ? undefined : Number(values.flights);
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) throw new Error('--flights takes a whole number');
  applyLocalSettings(process.cwd());
  const settings = config();
  const store = await openStore(settings.database);
  try {
    await store.migrate();
    await loadReferenceData(store);
    const flights = count === undefined ? sampleFlights : generateNetwork({ flights: count, seed: Number(values.seed) });
    const started = performance.now();
    const added = await loadFlights(store, flights, localDate('Asia/Shanghai'));
    const where = settings.database.kind === 'sqlite' ? settings.database.path : 'Azure SQL';
    console.log(`${added} flights added (${flights.length - added} already there) to ${where} in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
