import { bookingService } from './bookings/service';
import { config } from './config';
import { sampleFlights } from './domain/data/flights';
import { localDate } from './domain/time';
import { flightService } from './flights/service';
import { openStore } from './store';
import { loadFlights, loadReferenceData } from './store/seed';
import { StoreUnavailableError, type Store } from './store/store';

export interface Services {
  store: Store;
  flights: ReturnType<typeof flightService>;
  bookings: ReturnType<typeof bookingService>;
}

let pending: Promise<Services> | undefined;

async function open(): Promise<Services> {
  const settings = config();
  const store = await openStore(settings.database);
  await store.migrate();
  await loadReferenceData(store);
  if (settings.seedSampleData && (await store.flights.count()) === 0) {
    await loadFlights(store, sampleFlights, localDate('Asia/Shanghai'));
  }
  return { store, flights: flightService(store), bookings: bookingService(store, { holdMinutes: settings.holdMinutes }) };
}

/**
 * The services of this function instance: one store (one pool) per process, opened, migrated and
 * seeded on first use. No request data lives here.
 */
export function services(): Promise<Services> {
  pending ??= open().catch((error: unknown) => {
    pending = undefined;
    throw new StoreUnavailableError(error instanceof Error ? error.message : String(error), { cause: error });
  });
  return pending;
}

export async function closeServices(): Promise<void> {
  const current = pending;
  pending = undefined;
  if (current) await (await current).store.close();
}
