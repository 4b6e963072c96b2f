import type { Store } from '../store';
import { mssqlBookings } from './bookings';
import { migrate, openDb, schemaVersion } from './database';
import { mssqlFlights } from './flights';
import { latestVersion } from './migrations';
import { mssqlReference } from './reference';

/** The Azure SQL store. Throws ConnectionStringError at once for a malformed connection string; connects lazily. */
export async function openMssqlStore(connectionString: string): Promise<Store> {
  const db = openDb(connectionString);
  return {
    kind: 'mssql',
    migrate: () => migrate(db),
    async health() {
      return { version: await schemaVersion(db), latest: latestVersion };
    },
    close: () => db.close(),
    reference: mssqlReference(db),
    flights: mssqlFlights(db),
    bookings: mssqlBookings(db),
  };
}
