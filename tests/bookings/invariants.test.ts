import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromToday, startHost, type TestHost } from '../support/host';
import { createFlight, type BookingBody } from './helpers';

const date = daysFromToday(9);

type Operation =
  | { kind: 'create'; flight: number; party: number; hold: boolean; seat?: string }
  | { kind: 'seat'; booking: number; seat: string }
  | { kind: 'move'; booking: number; flight: number }
  | { kind: 'cancel'; booking: number }
  | { kind: 'confirm'; booking: number };

const seat = fc.tuple(fc.integer({ min: 31, max: 34 }), fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F')).map(([row, letter]) => `${row}${letter}`);
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), flight: fc.nat(2), party: fc.integer({ min: 1, max: 3 }), hold: fc.boolean(), seat: fc.option(seat, { nil: undefined }) }),
  fc.record({ kind: fc.constant('seat' as const), booking: fc.nat(40), seat }),
  fc.record({ kind: fc.constant('move' as const), booking: fc.nat(40), flight: fc.nat(2) }),
  fc.record({ kind: fc.constant('cancel' as const), booking: fc.nat(40) }),
  fc.record({ kind: fc.constant('confirm' as const), booking: fc.nat(40) }),
);

const names = ['Ann Lee', 'Bo Wang', 'Cai Lin'];

async function run(host: TestHost, flights: string[], bookings: BookingBody[], op: Operation): Promise<number> {
  const target = 'booking' in op ? bookings[op.booking % Math.max(1, bookings.length)] : undefined;
  const call = (path: string, method: string, json?: unknown) => host.fetch(path, { method, staff: true, ...(json ? { json } : {}) });
  switch (op.kind) {
    case 'create': {
      const passengers = names.slice(0, op.party).map((name) => ({ name }));
      const response = await call('/bookings', 'POST', { passengers, segments: [{ flight_number: flights[op.flight], date, ...(op.seat ? { seats: [op.seat] } : {}) }], hold: op.hold });
      if (response.status === 201) bookings.push((await response.json()) as BookingBody);
      return response.status;
    }
    case 'seat':
      return target ? (await call(`/bookings/${target.id}`, 'PUT', { seats: [{ seat: op.seat }] })).status : 0;
    case 'move':
      return target ? (await call(`/bookings/${target.id}`, 'PUT', { change_flight: { flight_number: flights[op.flight], date } })).status : 0;
    case 'cancel':
      return target ? (await call(`/bookings/${target.id}/cancel`, 'POST', { reason: 'test' })).status : 0;
    case 'confirm':
      return target ? (await call(`/bookings/${target.id}/confirm`, 'POST')).status : 0;
  }
}

/** What the database says, read in one snapshot after the host has stopped. */
function ledger(dataDir: string) {
  const db = new Database(path.join(dataDir, 'flightbooking.db'), { readonly: true });
  try {
    return db.transaction(() => ({
      inventory: db
        .prepare(
          `SELECT i.flight_id, i.cabin, i.seats_sold, f.economy_capacity AS capacity,
             (SELECT COUNT(*) FROM seat_assignments a JOIN segments s ON s.id = a.segment_id JOIN bookings b ON b.id = s.booking_id
              WHERE s.flight_id = i.flight_id AND s.flight_date = i.flight_date AND s.cabin = i.cabin AND b.status <> 'cancelled') AS seated
           FROM inventory i JOIN flights f ON f.id = i.flight_id WHERE i.flight_date = ?`,
        )
        .all(date) as { flight_id: number; cabin: string; seats_sold: number; capacity: number; seated: number }[],
      unseated: (
        db
          .prepare(
            `SELECT COUNT(*) AS n FROM bookings b JOIN segments s ON s.booking_id = b.id JOIN passengers p ON p.booking_id = b.id
             WHERE b.status <> 'cancelled' AND NOT EXISTS (SELECT 1 FROM seat_assignments a WHERE a.segment_id = s.id AND a.passenger_id = p.id)`,
          )
          .get() as { n: number }
      ).n,
      seatsOfCancelled: (
        db.prepare("SELECT COUNT(*) AS n FROM seat_assignments a JOIN segments s ON s.id = a.segment_id JOIN bookings b ON b.id = s.booking_id WHERE b.status = 'cancelled'").get() as { n: number }
      ).n,
    }))();
  } finally {
    db.close();
  }
}

describe('the books always balance', () => {
  it('after hundreds of racing creates, seat changes, flight changes, confirms and cancels across two processes', async () => {
    const host = await startHost({ env: { FUNCTIONS_WORKER_PROCESS_COUNT: '2' } });
    const flights: string[] = [];
    for (let i = 0; i < 3; i++) flights.push((await createFlight(host, 12)).flight_number);
    const bookings: BookingBody[] = [];
    const operations = fc.sample(fc.array(operation, { minLength: 60, maxLength: 60 }), { numRuns: 6, seed: 20261124 });
    const statuses: number[] = [];
    for (const wave of operations) statuses.push(...(await Promise.all(wave.map((op) => run(host, flights, bookings, op)))));
    await host.stop();

    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(5);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(20);
    const { inventory, unseated, seatsOfCancelled } = ledger(host.dataDir);
    for (const row of inventory) {
      expect(row.seats_sold, `flight ${row.flight_id}`).toBe(row.seated);
      expect(row.seats_sold, `flight ${row.flight_id}`).toBeLessThanOrEqual(row.capacity);
    }
    expect(unseated).toBe(0);
    expect(seatsOfCancelled).toBe(0);
  }, 120_000);
});
