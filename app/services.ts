/**
 * The composition root: the one place that turns settings into running parts. lib/ receives its
 * settings from here and never reads them itself for these; functions/, agents/ and host/ ask here.
 */
import { tableHoldMarkers, type HoldMarkers } from '../lib/bookings/hold-markers';
import { bookingService } from '../lib/bookings/service';
import { config } from '../lib/config';
import { sampleFlights } from '../lib/domain/data/flights';
import { localDate } from '../lib/domain/time';
import { flightService } from '../lib/flights/service';
import { openStore } from '../lib/store';
import { loadFlights, loadReferenceData } from '../lib/store/sample-data';
import { StoreUnavailableError, type Store } from '../lib/store/store';
import { systemService } from '../lib/system/service';
import { endpointFrom, tableClient } from '../lib/tables/client';
import { tracedStore } from '../lib/telemetry/store';
import { withScheduleCache } from '../lib/flights/schedule-cache';

/** What callers get: services only. The store stays here; nothing outside lib/ reads it directly. */
export interface Services {
  flights: ReturnType<typeof flightService>;
  bookings: ReturnType<typeof bookingService>;
  system: ReturnType<typeof systemService>;
}

let pending: Promise<{ services: Services; store: Store }> | undefined;

async function open(): Promise<{ services: Services; store: Store }> {
  const settings = config();
  const store = withScheduleCache(tracedStore(await openStore(settings.database)));
  await store.migrate();
  await loadReferenceData(store);
  if (settings.seedSampleData && (await store.flights.count()) === 0) {
    await loadFlights(store, sampleFlights, localDate('Asia/Shanghai'));
  }
  const bookings = bookingService(store, { holdMinutes: settings.holdMinutes, holdsPerClient: settings.holdsPerClient, holdMarkers: holdMarkers() });
  const services = { flights: flightService(store), bookings, system: systemService(store) };
  return { services, store };
}

let markers: HoldMarkers | undefined;

/** The hold markers in Table Storage (lib/bookings/hold-markers.ts); none when no storage is configured. */
export function holdMarkers(): HoldMarkers | undefined {
  const settings = config();
  if (!settings.storageConnectionString && !settings.storageTableEndpoint) return undefined;
  markers ??= tableHoldMarkers(tableClient(endpointFrom(settings), `${settings.taskHub}HoldMarkers`));
  return markers;
}

/**
 * The services of this function instance: one store (one pool) per process, opened, migrated and
 * seeded on first use. No request data lives here.
 */
export async function services(): Promise<Services> {
  pending ??= open().catch((error: unknown) => {
    pending = undefined;
    if (error instanceof StoreUnavailableError) throw error;
    throw new StoreUnavailableError(error instanceof Error ? error.message : String(error), { cause: error });
  });
  return (await pending).services;
}

export async function closeServices(): Promise<void> {
  const current = pending;
  pending = undefined;
  if (current) await (await current).store.close();
}
