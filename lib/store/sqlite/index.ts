import type { Store } from '../store';
import { sqliteBookings } from './bookings';
import { latestVersion, migrate, openDatabase, schemaVersion } from './database';
import { sqliteFlights } from './flights';
import { sqliteReference } from './reference';

export function openSqliteStore(file: string): Store {
  const db = openDatabase(file);
  return {
    kind: 'sqlite',
    async migrate() {
      return migrate(db);
    },
    async health() {
      return { version: schemaVersion(db), latest: latestVersion };
    },
    async close() {
      db.close();
    },
    reference: sqliteReference(db),
    flights: sqliteFlights(db),
    bookings: sqliteBookings(db),
  };
}
