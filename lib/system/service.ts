import type { Store } from '../store/store';

/** What the operations endpoints report about the data: schema health and booking statistics. */
export function systemService(store: Store) {
  return {
    /** The database's kind and schema version; throws when it cannot be reached. */
    async schema(): Promise<{ kind: string; version: number; latest: number }> {
      const { version, latest } = await store.health();
      return { kind: store.kind, version, latest };
    },

    async stats() {
      const [bookings, totalFlights] = await Promise.all([store.bookings.stats(), store.flights.count()]);
      return {
        total_bookings: bookings.total,
        total_flights: totalFlights,
        confirmed_bookings: bookings.confirmed,
        pending_bookings: bookings.pending,
        cancelled_bookings: bookings.cancelled,
        routes: bookings.routes,
        load_factors: bookings.loadFactors.map((row) => ({ ...row, load_factor: row.capacity ? Math.round((row.seats_sold / row.capacity) * 1000) / 1000 : 0 })),
      };
    },
  };
}
