import type { FlightFilter, FlightRepository, Store } from '../store/store';

type Listing = Awaited<ReturnType<FlightRepository['list']>>;

/**
 * Flight listings (schedules: routes, times, fares, capacities — never seats sold, which live in the
 * inventory and are read on every request) kept per instance while the flights table is unchanged.
 * Every list() first reads the store's change stamp, one cheap query: a write by any instance is seen
 * by the very next request here. Stores without a stamp are returned as they are.
 */
export function withScheduleCache(store: Store, maxEntries = 1000): Store {
  const flights = store.flights;
  const stampOf = flights.changeStamp?.bind(flights);
  if (!stampOf) return store;
  const listings = new Map<string, Promise<Listing>>();
  let stamp: string | undefined;

  async function list(filter: FlightFilter): Promise<Listing> {
    const current = await stampOf!();
    if (current !== stamp) {
      listings.clear();
      stamp = current;
    }
    const key = JSON.stringify(filter);
    let listing = listings.get(key);
    if (!listing) {
      if (listings.size >= maxEntries) listings.delete(listings.keys().next().value!);
      listing = flights.list(filter);
      listings.set(key, listing);
      listing.catch(() => listings.delete(key));
    }
    const { items, total } = await listing;
    // Callers get their own array; the flight objects are shared and never modified by them.
    return { items: [...items], total };
  }

  return { ...store, flights: { ...flights, list } };
}
