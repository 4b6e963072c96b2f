import type { Store } from '../store';
import { sqliteBookings } from './bookings';
import { latestVersion, migrate, openDatabase, schemaVersion, type Db } from './database';
import { guarded, guardedRepository, type WriteFaults } from './faults';
import { sqliteFlights } from './flights';
import { sqliteReference } from './reference';

const writes = new Set(['upsertAirports', 'upsertAirlines', 'create', 'createMissing', 'update', 'delete', 'insert', 'apply']);

/**
 * A cheap proof that the file can take writes: the write lock taken and given back, or — after a
 * write failed (a full disk) — a real one-page write, so health reports the fault until it is over.
 */
function writeProbe(db: Db, faults: WriteFaults): void {
  if (faults.last) {
    db.pragma(`user_version = ${Number(db.pragma('user_version', { simple: true }))}`);
    return;
  }
  db.prepare('BEGIN IMMEDIATE').run();
  db.prepare('ROLLBACK').run();
}

export function openSqliteStore(file: string): Store {
  const db = openDatabase(file);
  const faults: WriteFaults = {};
  return {
    kind: 'sqlite',
    async migrate() {
      return guarded(async () => migrate(db), true, faults);
    },
    async health() {
      return guarded(
        async () => {
          writeProbe(db, faults);
          return { version: schemaVersion(db), latest: latestVersion };
        },
        true,
        faults,
      );
    },
    async close() {
      db.close();
    },
    reference: guardedRepository(sqliteReference(db), writes, faults),
    flights: guardedRepository(sqliteFlights(db), writes, faults),
    bookings: guardedRepository(sqliteBookings(db), writes, faults),
  };
}
