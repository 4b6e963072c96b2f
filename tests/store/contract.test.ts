import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cabin } from '../../lib/domain/aircraft';
import type { BookingState, SegmentState } from '../../lib/domain/bookings';
import type { FlightInput } from '../../lib/domain/flights';
import { openDb } from '../../lib/store/mssql/database';
import { openMssqlStore } from '../../lib/store/mssql';
import { loadReferenceData } from '../../lib/store/sample-data';
import { openSqliteStore } from '../../lib/store/sqlite';
import { DuplicateError, SeatTakenError, SoldOutError, VersionConflictError, type Store } from '../../lib/store/store';

/**
 * One repository contract, run against every store: SQLite always (a temp file), Azure SQL when
 * AZURE_SQL_TEST_CONNECTION_STRING names a database this suite may wipe (it drops the app's tables).
 */
const azureSql = process.env.AZURE_SQL_TEST_CONNECTION_STRING;

async function freshSqlite(): Promise<{ store: Store; cleanup: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-contract-'));
  return { store: openSqliteStore(path.join(dir, 'contract.db')), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const appTables = [
  'seat_assignments', 'booking_history', 'idempotency_keys', 'passengers', 'segments', 'bookings',
  'inventory', 'flights', 'airlines', 'airports', 'schema_migrations',
];

async function freshMssql(connectionString: string): Promise<{ store: Store; cleanup: () => void }> {
  const db = openDb(connectionString);
  for (const table of appTables) await db.read(`DROP TABLE IF EXISTS ${table}`);
  return { store: await openMssqlStore(connectionString), cleanup: () => undefined };
}

type NewFlight = FlightInput & { duration_minutes: number };

function flight(number: string, over: Partial<NewFlight> = {}): NewFlight {
  return {
    flight_number: number,
    airline_code: number.slice(0, 2),
    departure_airport: 'PEK',
    arrival_airport: 'SHA',
    departure_time: '08:30',
    arrival_time: '10:45',
    arrival_day_offset: 0,
    days_of_operation: [1, 2, 3, 4, 5, 6, 7],
    aircraft_type: 'A320',
    status: 'active',
    cabins: { economy: { fare: 1000, capacity: 3 }, business: { fare: 3000, capacity: 2 } },
    duration_minutes: 135,
    ...over,
  };
}

const now = '2030-01-10T08:00:00.000Z';
const later = '2030-01-10T09:00:00.000Z';

function segment(flightId: number, date: string, seats: string[], cabin: Cabin = 'economy'): SegmentState {
  return { flight_id: flightId, flight_date: date, cabin, fare_cents: 100_000, seats };
}

function state(segments: SegmentState[], over: Partial<BookingState> = {}): BookingState {
  const passengers = segments[0]!.seats.map((_, i) => ({
    name: i === 0 ? '张三' : `Passenger ${i + 1}`,
    search_key: i === 0 ? 'zhangsan|张三' : `passenger${i + 1}`,
    type: 'adult' as const,
    email: i === 0 ? 'zhang@example.com' : null,
    phone: null,
  }));
  return {
    title: '北京 → 上海',
    status: 'confirmed',
    contact_email: 'zhang@example.com',
    contact_phone: '+86 138 0000 0000',
    total_cents: 100_000 * passengers.length * segments.length,
    hold_expires_at: null,
    cancelled_at: null,
    cancellation_reason: null,
    fee_cents: null,
    refund_cents: null,
    passengers,
    segments,
    ...over,
  };
}

let references = 0;
const newReference = () => `T${String(++references).padStart(5, '0')}`;

function contract(name: string, open: () => Promise<{ store: Store; cleanup: () => void }>) {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => void;
    const ids: Record<string, number> = {};

    const insert = (s: BookingState, idempotency?: { key: string; requestHash: string; statusCode: number }) =>
      store.bookings.insert({ reference: newReference(), state: s, createdBy: 'tester', now, history: { actor: 'tester', action: 'create', after: { ok: true } } }, idempotency);

    const sold = async (flightId: number, date: string) => (await store.flights.seatsSold([{ flightId, date }])).get(`${flightId}|${date}`) ?? {};

    beforeAll(async () => {
      ({ store, cleanup } = await open());
      await store.migrate();
      await loadReferenceData(store);
      ids.ca = (await store.flights.create(flight('CA9001'), now)).id;
      ids.mu = (await store.flights.create(flight('MU9002', { departure_airport: 'SHA', arrival_airport: 'PEK', departure_time: '12:00', arrival_time: '14:20', duration_minutes: 140, cabins: { economy: { fare: 800, capacity: 100 } } }), now)).id;
      ids.cz = (await store.flights.create(
        flight('CZ9003', { departure_airport: 'PEK', arrival_airport: 'CAN', departure_time: '19:00', arrival_time: '22:30', duration_minutes: 210, days_of_operation: [1, 3, 5], cabins: { economy: { fare: 1500, capacity: 50 }, first: { fare: 9000, capacity: 4 } } }),
        now,
      )).id;
    }, 120_000);

    afterAll(async () => {
      await store?.close();
      cleanup?.();
    });

    it('migrates once, to the latest version, and reports health', async () => {
      expect(await store.migrate()).toEqual({ applied: [], version: 3 });
      expect(await store.health()).toEqual({ version: 3, latest: 3 });
    });

    it('loads reference data idempotently, Chinese names intact', async () => {
      await loadReferenceData(store);
      const airlines = await store.reference.airlines();
      expect(airlines.find((a) => a.code === 'CA')).toEqual({ code: 'CA', name_zh: '中国国际航空', name_en: 'Air China' });
      expect(airlines.map((a) => a.code)).toEqual([...airlines.map((a) => a.code)].sort());
    });

    it('creates and reads flights, by id and number, with timestamps and cabins', async () => {
      const ca = await store.flights.get(ids.ca!);
      expect(ca).toMatchObject({
        flight_number: 'CA9001', departure_airport: 'PEK', arrival_airport: 'SHA', departure_time: '08:30', arrival_time: '10:45',
        days_of_operation: [1, 2, 3, 4, 5, 6, 7], status: 'active', created_at: now, updated_at: now,
        cabins: { economy: { fare: 1000, capacity: 3 }, business: { fare: 3000, capacity: 2 } },
      });
      expect(ca!.cabins.first).toBeUndefined();
      expect(await store.flights.getByNumber('CZ9003')).toMatchObject({ id: ids.cz, days_of_operation: [1, 3, 5], cabins: { first: { fare: 9000, capacity: 4 } } });
      expect(await store.flights.get(999_999)).toBeUndefined();
      expect(await store.flights.getByNumber('ZZ0000')).toBeUndefined();
      expect(await store.flights.count()).toBe(3);
    });

    it('refuses a duplicate flight number on create and update', async () => {
      await expect(store.flights.create(flight('CA9001'), now)).rejects.toBeInstanceOf(DuplicateError);
      await expect(store.flights.update(ids.mu!, flight('CA9001'), later)).rejects.toBeInstanceOf(DuplicateError);
      expect(await store.flights.count()).toBe(3);
    });

    it('adds only the missing flights of a batch, in one go', async () => {
      expect(await store.flights.createMissing([flight('CA9001'), flight('HU9004')], now)).toBe(1);
      const added = await store.flights.getByNumber('HU9004');
      expect(await store.flights.get(ids.ca!)).toMatchObject({ updated_at: now });
      expect(await store.flights.delete(added!.id)).toBe('deleted');
      expect(await store.flights.count()).toBe(3);
    });

    it('updates a flight and reports a missing one', async () => {
      const updated = await store.flights.update(ids.mu!, flight('MU9002', { departure_airport: 'SHA', arrival_airport: 'PEK', departure_time: '12:05', arrival_time: '14:20', duration_minutes: 135, cabins: { economy: { fare: 800, capacity: 100 } } }), later);
      expect(updated).toMatchObject({ departure_time: '12:05', duration_minutes: 135, created_at: now, updated_at: later });
      expect(await store.flights.update(999_999, flight('XX9999'), later)).toBeUndefined();
    });

    it('lists flights with filters', async () => {
      // Which flights match; order is the sort test's business (an unsorted, unpaged list has no defined order).
      const numbers = async (filter: Parameters<Store['flights']['list']>[0]) => (await store.flights.list(filter)).items.map((f) => f.flight_number).sort();
      expect(await numbers({})).toEqual(['CA9001', 'CZ9003', 'MU9002']);
      expect(await numbers({ from: ['PEK'] })).toEqual(['CA9001', 'CZ9003']);
      expect(await numbers({ from: ['PEK', 'SHA'], to: ['PEK'] })).toEqual(['MU9002']);
      expect(await numbers({ airlineCode: 'CZ' })).toEqual(['CZ9003']);
      expect(await numbers({ status: 'cancelled' })).toEqual([]);
      expect(await numbers({ weekday: 2 })).toEqual(['CA9001', 'MU9002']);
      expect(await numbers({ weekday: 5 })).toEqual(['CA9001', 'CZ9003', 'MU9002']);
      expect(await numbers({ departAfter: '09:00', departBefore: '19:00' })).toEqual(['CZ9003', 'MU9002']);
      expect(await numbers({ cabin: 'business' })).toEqual(['CA9001']);
      expect(await numbers({ cabin: 'first', maxFareCents: 900_000 })).toEqual(['CZ9003']);
      expect(await numbers({ minFareCents: 90_000, maxFareCents: 120_000 })).toEqual(['CA9001']);
    });

    it('sorts by price, departure time and duration, and pages with a total', async () => {
      const numbers = async (filter: Parameters<Store['flights']['list']>[0]) => (await store.flights.list(filter)).items.map((f) => f.flight_number);
      expect(await numbers({ sort: 'price' })).toEqual(['MU9002', 'CA9001', 'CZ9003']);
      expect(await numbers({ sort: 'departure_time' })).toEqual(['CA9001', 'MU9002', 'CZ9003']);
      expect(await numbers({ sort: 'duration' })).toEqual(['CA9001', 'MU9002', 'CZ9003']);
      expect(await numbers({ sort: 'price', cabin: 'economy' })).toEqual(['MU9002', 'CA9001', 'CZ9003']);
      const page = await store.flights.list({ sort: 'departure_time', skip: 1, limit: 1 });
      expect(page.items.map((f) => f.flight_number)).toEqual(['MU9002']);
      expect(page.total).toBe(3);
      expect((await store.flights.list({ skip: 5, limit: 10 })).items).toEqual([]);
      expect((await store.flights.list({ skip: 5, limit: 10 })).total).toBe(3);
    });

    it('writes a booking with passengers, segments, seats, inventory and history', async () => {
      const result = await insert(state([segment(ids.ca!, '2030-02-01', ['31A', '31B'])]));
      expect(result.kind).toBe('written');
      if (result.kind !== 'written') return;
      const booking = result.booking;
      expect(booking).toMatchObject({
        version: 1, status: 'confirmed', title: '北京 → 上海', created_by: 'tester', created_at: now, updated_at: now, total_cents: 200_000,
        passengers: [{ name: '张三', search_key: 'zhangsan|张三', type: 'adult', email: 'zhang@example.com', phone: null }, { name: 'Passenger 2' }],
        segments: [{ flight_id: ids.ca, flight_date: '2030-02-01', cabin: 'economy', fare_cents: 100_000, seats: ['31A', '31B'] }],
      });
      expect(await store.bookings.get(booking.id)).toEqual(booking);
      expect(await store.bookings.getByReference(booking.reference)).toEqual(booking);
      expect(await store.bookings.getByReference('NOPE00')).toBeUndefined();
      expect(await sold(ids.ca!, '2030-02-01')).toEqual({ economy: 2 });
      expect(await store.bookings.takenSeats(ids.ca!, '2030-02-01')).toEqual(new Set(['31A', '31B']));
      expect(await store.bookings.takenSeats(ids.ca!, '2030-02-02')).toEqual(new Set());
      expect(await store.bookings.history(booking.id)).toEqual([expect.objectContaining({ at: now, actor: 'tester', action: 'create', before: null, after: { ok: true } })]);
      ids.first = booking.id;
    });

    it('reports seats sold for many flights and dates at once', async () => {
      await insert(state([segment(ids.cz!, '2030-02-01', ['1A'], 'first')]));
      const all = await store.flights.seatsSold([
        { flightId: ids.ca!, date: '2030-02-01' },
        { flightId: ids.cz!, date: '2030-02-01' },
        { flightId: ids.mu!, date: '2030-02-01' },
      ]);
      expect(Object.fromEntries(all)).toEqual({ [`${ids.ca}|2030-02-01`]: { economy: 2 }, [`${ids.cz}|2030-02-01`]: { first: 1 } });
    });

    it('refuses to oversell a cabin and leaves nothing behind', async () => {
      const before = (await store.bookings.stats()).total;
      await expect(insert(state([segment(ids.ca!, '2030-02-01', ['32A', '32B'])]))).rejects.toBeInstanceOf(SoldOutError);
      expect(await sold(ids.ca!, '2030-02-01')).toEqual({ economy: 2 });
      expect((await store.bookings.stats()).total).toBe(before);
      await insert(state([segment(ids.ca!, '2030-02-01', ['32A'])]));
      expect(await sold(ids.ca!, '2030-02-01')).toEqual({ economy: 3 });
      await expect(insert(state([segment(ids.ca!, '2030-02-01', ['32B'])]))).rejects.toMatchObject({ name: 'SoldOutError', cabin: 'economy', date: '2030-02-01' });
    });

    it('refuses a taken seat and rolls back the inventory it moved', async () => {
      await expect(insert(state([segment(ids.mu!, '2030-02-01', ['40C']), segment(ids.ca!, '2030-02-03', ['31A'])]))).resolves.toMatchObject({ kind: 'written' });
      const error = await insert(state([segment(ids.mu!, '2030-02-01', ['40D', '40C'])])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeatTakenError);
      expect(error).toMatchObject({ flightId: ids.mu, date: '2030-02-01', seat: '40C' });
      expect(await sold(ids.mu!, '2030-02-01')).toEqual({ economy: 1 });
      expect(await store.bookings.takenSeats(ids.mu!, '2030-02-01')).toEqual(new Set(['40C']));
    });

    it('refuses a duplicate booking reference', async () => {
      const reference = newReference();
      const write = () => store.bookings.insert({ reference, state: state([segment(ids.mu!, '2030-03-01', ['50A'])]), createdBy: 'tester', now, history: { actor: 'tester', action: 'create', after: {} } });
      await write();
      await expect(write()).rejects.toBeInstanceOf(DuplicateError);
      expect(await sold(ids.mu!, '2030-03-01')).toEqual({ economy: 1 });
    });

    it('replays an idempotency key instead of writing twice', async () => {
      const claim = { key: 'idem-Key-1', requestHash: 'hash-1', statusCode: 201 };
      const first = await insert(state([segment(ids.mu!, '2030-04-01', ['41A'])]), claim);
      expect(first.kind).toBe('written');
      const again = await insert(state([segment(ids.mu!, '2030-04-01', ['41B'])]), claim);
      expect(again).toEqual({ kind: 'replay', replay: { requestHash: 'hash-1', statusCode: 201, bookingId: first.kind === 'written' ? first.booking.id : -1 } });
      expect(await sold(ids.mu!, '2030-04-01')).toEqual({ economy: 1 });
      expect(await store.bookings.findIdempotency('idem-Key-1')).toEqual(again.kind === 'replay' ? again.replay : undefined);
      expect(await store.bookings.findIdempotency('idem-key-1')).toBeUndefined();
    });

    it('changes seats, then flight, then cancels, with version checks, inventory and history', async () => {
      const written = await insert(state([segment(ids.mu!, '2030-05-01', ['45A', '45B'])]));
      if (written.kind !== 'written') throw new Error('expected a write');
      const v1 = written.booking;
      const seatChange = state([segment(ids.mu!, '2030-05-01', ['45A', '46F'])]);
      const v2 = await store.bookings.apply({ id: v1.id, expectedVersion: 1, before: v1, after: seatChange, now: later, history: { actor: 'tester', action: 'seat', before: { seat: '45B' }, after: { seat: '46F' } } });
      expect(v2).toMatchObject({ kind: 'written', booking: { version: 2, updated_at: later, created_at: now, segments: [{ seats: ['45A', '46F'] }] } });
      expect(await store.bookings.takenSeats(ids.mu!, '2030-05-01')).toEqual(new Set(['45A', '46F']));
      expect(await sold(ids.mu!, '2030-05-01')).toEqual({ economy: 2 });

      await expect(
        store.bookings.apply({ id: v1.id, expectedVersion: 1, before: v1, after: seatChange, now: later, history: { actor: 'tester', action: 'seat', before: null, after: null } }),
      ).rejects.toBeInstanceOf(VersionConflictError);

      const flightChange = state([segment(ids.mu!, '2030-05-02', ['45A', '45B'])]);
      await store.bookings.apply({ id: v1.id, expectedVersion: 2, before: seatChange, after: flightChange, now: later, history: { actor: 'tester', action: 'change', before: null, after: null } });
      expect(await sold(ids.mu!, '2030-05-01')).toEqual({ economy: 0 });
      expect(await sold(ids.mu!, '2030-05-02')).toEqual({ economy: 2 });
      expect(await store.bookings.takenSeats(ids.mu!, '2030-05-01')).toEqual(new Set());

      const claim = { key: 'cancel-1', requestHash: 'h', statusCode: 200 };
      const cancelled = state([segment(ids.mu!, '2030-05-02', ['45A', '45B'])], { status: 'cancelled', cancelled_at: later, cancellation_reason: '行程变更', fee_cents: 5_000, refund_cents: 195_000 });
      const cancel = await store.bookings.apply({ id: v1.id, expectedVersion: 3, before: flightChange, after: cancelled, now: later, history: { actor: 'tester', action: 'cancel', before: null, after: null } }, claim);
      expect(cancel).toMatchObject({ kind: 'written', booking: { version: 4, status: 'cancelled', cancelled_at: later, cancellation_reason: '行程变更', fee_cents: 5_000, refund_cents: 195_000 } });
      expect(await sold(ids.mu!, '2030-05-02')).toEqual({ economy: 0 });
      expect(await store.bookings.takenSeats(ids.mu!, '2030-05-02')).toEqual(new Set());
      expect(await store.bookings.apply({ id: v1.id, expectedVersion: 3, before: flightChange, after: cancelled, now: later, history: { actor: 'tester', action: 'cancel', before: null, after: null } }, claim)).toEqual({
        kind: 'replay',
        replay: { requestHash: 'h', statusCode: 200, bookingId: v1.id },
      });

      const history = await store.bookings.history(v1.id);
      expect(history.map((h) => h.action)).toEqual(['create', 'seat', 'change', 'cancel']);
      expect(history[1]).toMatchObject({ at: later, before: { seat: '45B' }, after: { seat: '46F' } });
      expect(history.map((h) => h.id)).toEqual([...history.map((h) => h.id)].sort((a, b) => a - b));
    });

    it('lists bookings by status, dates, route, flight and passenger name, ordered by first flight date', async () => {
      const list = (filter: Parameters<Store['bookings']['list']>[0]) => store.bookings.list(filter);
      const all = await list({});
      expect(all.total).toBe(all.items.length);
      const firstDates = all.items.map((b) => b.segments.map((s) => s.flight_date).sort()[0]!);
      expect(firstDates).toEqual([...firstDates].sort());
      expect((await list({ status: 'cancelled' })).items.map((b) => b.status)).toEqual(['cancelled']);
      expect((await list({ fromDate: '2030-04-01', toDate: '2030-04-30' })).items.map((b) => b.segments[0]!.flight_date)).toEqual(['2030-04-01']);
      expect((await list({ departureAirport: 'PEK', arrivalAirport: 'CAN' })).items).toHaveLength(1);
      expect((await list({ flightNumber: 'CZ9003' })).items).toHaveLength(1);
      expect((await list({ nameTerms: ['张三'] })).total).toBe(all.total);
      expect((await list({ nameTerms: ['nobody', 'passenger2'] })).items.every((b) => b.passengers.length >= 2)).toBe(true);
      const page = await list({ skip: 1, limit: 2 });
      expect(page.items.map((b) => b.id)).toEqual(all.items.slice(1, 3).map((b) => b.id));
      expect(page.total).toBe(all.total);
    });

    it('finds expired holds', async () => {
      const pending = await insert(state([segment(ids.mu!, '2030-06-01', ['47A'])], { status: 'pending', hold_expires_at: '2030-01-10T08:15:00.000Z' }));
      await insert(state([segment(ids.mu!, '2030-06-01', ['47B'])], { status: 'pending', hold_expires_at: '2030-01-10T10:00:00.000Z' }));
      const id = pending.kind === 'written' ? pending.booking.id : -1;
      expect(await store.bookings.expiredHolds('2030-01-10T08:15:00.000Z', 10)).toEqual([id]);
      expect(await store.bookings.expiredHolds('2030-01-10T08:14:59.999Z', 10)).toEqual([]);
      expect(await store.bookings.expiredHolds('2030-01-11T00:00:00.000Z', 1)).toEqual([id]);
    });

    it('reports stats', async () => {
      const stats = await store.bookings.stats();
      expect(stats.total).toBe(stats.confirmed + stats.pending + stats.cancelled);
      expect(stats).toMatchObject({ cancelled: 1, pending: 2 });
      expect(stats.routes[0]).toEqual({ departure_airport: 'SHA', arrival_airport: 'PEK', bookings: expect.any(Number) });
      expect(stats.loadFactors[0]).toEqual({ flight_number: 'CA9001', flight_date: '2030-02-01', cabin: 'economy', seats_sold: 3, capacity: 3 });
      expect(stats.loadFactors.every((l) => l.seats_sold > 0)).toBe(true);
    });

    it('refuses to delete a flight with bookings, deletes one without', async () => {
      expect(await store.flights.delete(ids.ca!)).toBe('has_bookings');
      const spare = await store.flights.create(flight('MU9999', { cabins: { economy: { fare: 500, capacity: 10 } } }), now);
      expect(await store.flights.delete(spare.id)).toBe('deleted');
      expect(await store.flights.delete(spare.id)).toBe('not_found');
      expect(await store.flights.get(spare.id)).toBeUndefined();
    });
  });
}

contract('SQLite', freshSqlite);

describe.skipIf(!azureSql)('Azure SQL', () => {
  contract('Azure SQL', () => freshMssql(azureSql!));
});
