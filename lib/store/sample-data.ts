import { aircraftTypes } from '../domain/aircraft';
import { allAirports } from '../domain/airports';
import { airlineData } from '../domain/data/airlines';
import type { SampleFlight } from '../domain/data/flights';
import { checkSchedule } from '../flights/schedule';
import type { Store } from './store';

/** Airports and airlines are reference data: always present, kept up to date at every start. */
export async function loadReferenceData(store: Store): Promise<void> {
  await store.reference.upsertAirports(allAirports);
  await store.reference.upsertAirlines(airlineData);
}

/**
 * Adds the flights that do not exist yet (by flight number) in one transaction, so a crash part-way
 * leaves none of them and the next start loads them all; returns how many were added.
 */
export async function loadFlights(store: Store, flights: readonly SampleFlight[], today: string): Promise<number> {
  const inputs = flights.map((seed) => {
    if (!aircraftTypes.includes(seed.aircraft_type)) throw new Error(`Sample flight ${seed.flight_number} has unknown aircraft ${seed.aircraft_type}`);
    return checkSchedule(
      {
        ...seed,
        arrival_day_offset: seed.arrival_day_offset ?? 0,
        days_of_operation: seed.days_of_operation ?? [1, 2, 3, 4, 5, 6, 7],
        status: 'active',
      },
      today,
    );
  });
  return store.flights.createMissing(inputs, new Date().toISOString());
}
