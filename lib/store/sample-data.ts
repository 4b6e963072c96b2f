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

/** Adds flights that do not exist yet (by flight number); returns how many were added. */
export async function loadFlights(store: Store, flights: readonly SampleFlight[], today: string): Promise<number> {
  let added = 0;
  for (const seed of flights) {
    if (await store.flights.getByNumber(seed.flight_number)) continue;
    if (!aircraftTypes.includes(seed.aircraft_type)) throw new Error(`Sample flight ${seed.flight_number} has unknown aircraft ${seed.aircraft_type}`);
    const input = checkSchedule(
      {
        ...seed,
        arrival_day_offset: seed.arrival_day_offset ?? 0,
        days_of_operation: seed.days_of_operation ?? [1, 2, 3, 4, 5, 6, 7],
        status: 'active',
      },
      today,
    );
    await store.flights.create(input, new Date().toISOString());
    added++;
  }
  return added;
}
