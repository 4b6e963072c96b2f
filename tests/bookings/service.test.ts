/**
 * The booking service over a real SQLite file and a clock the test moves: creation, seats, changes,
 * holds, cancellation fees, idempotency and If-Match, without HTTP (fast enough for mutation testing;
 * tests/bookings/bookings-api.test.ts covers the same through the host). Expected values are written by
 * hand: fares from the flights below, seats from the A320 map (economy rows 11–35, ABC DEF, exit rows 21–22).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bookingService, type WriteContext } from '../../lib/bookings/service';
import { describeChange } from '../../lib/bookings/changes';
import { BookingCreateInput, BookingUpdateInput, FlatBookingInput } from '../../lib/domain/booking-schemas';
import type { SampleFlight } from '../../lib/domain/data/flights';
import { DomainError } from '../../lib/domain/errors';
import { openSqliteStore } from '../../lib/store/sqlite';
import { loadFlights, loadReferenceData } from '../../lib/store/sample-data';
import type { Store } from '../../lib/store/store';
import { manualClock } from '../support/clock';

const hour = 3_600_000;
/** Tuesday 1 December 2026, 08:00 in Beijing. */
const start = Date.parse('2026-12-01T00:00:00Z');
/** Thursday 10 December: HO8101 leaves at 21:00 Beijing time, 229 h after `start`. */
const day = '2026-12-10';

const a320 = (fare: number) => ({ economy: { fare, capacity: 150 }, business: { fare: fare * 3, capacity: 8 } });
const flights: SampleFlight[] = [
  { flight_number: 'HO8101', airline_code: 'HO', departure_airport: 'PEK', arrival_airport: 'SHA', departure_time: '21:00', arrival_time: '23:15', aircraft_type: 'A320', cabins: a320(900) },
  { flight_number: 'HO8102', airline_code: 'HO', departure_airport: 'PEK', arrival_airport: 'SHA', departure_time: '08:00', arrival_time: '10:15', aircraft_type: 'A320', cabins: a320(700) },
  { flight_number: 'HO8103', airline_code: 'HO', departure_airport: 'SHA', arrival_airport: 'CAN', departure_time: '09:00', arrival_time: '11:30', aircraft_type: 'A320', cabins: a320(1000) },
  { flight_number: 'HO8104', airline_code: 'HO', departure_airport: 'PEK', arrival_airport: 'CAN', departure_time: '10:00', arrival_time: '13:20', aircraft_type: 'A320', cabins: a320(1500) },
  { flight_number: 'HO8105', airline_code: 'HO', departure_airport: 'PKX', arrival_airport: 'PVG', departure_time: '12:00', arrival_time: '14:10', aircraft_type: 'A320', cabins: a320(800) },
  { flight_number: 'HO8106', airline_code: 'HO', departure_airport: 'PVG', arrival_airport: 'CAN', departure_time: '08:00', arrival_time: '10:30', aircraft_type: 'A320', cabins: a320(950) },
];

let dir: string;
let store: Store;
let clock: ReturnType<typeof manualClock>;
let service: ReturnType<typeof bookingService>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'booking-service-'));
  store = openSqliteStore(path.join(dir, 'bookings.db'));
  await store.migrate();
  await loadReferenceData(store);
  await loadFlights(store, flights, '2026-12-01');
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  clock = manualClock(start);
  service = bookingService(store, { holdMinutes: 20, clock: clock.now });
});

const staff: WriteContext = { actor: 'staff' };
let keys = 0;
const keyed = (requestHash = 'h1'): WriteContext => ({ actor: 'staff', idempotency: { key: `key-${++keys}`, requestHash } });

const segment = (flight_number: string, extra: Record<string, unknown> = {}) => ({ flight_number, date: day, ...extra });
const create = (body: Record<string, unknown>, ctx = staff) => service.create(BookingCreateInput.parse(body), ctx);
const update = (id: number, body: Record<string, unknown>, ctx = staff) => service.update(id, BookingUpdateInput.parse(body), ctx);

/** The DomainError a call fails with (a test failure if it succeeds). */
async function failure(call: Promise<unknown>): Promise<DomainError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('creating', () => {
  it('prices each passenger type, seats a party front to back and titles it by its people and route', async () => {
    const { booking, status, replayed } = await create({
      passengers: [{ name: '张三', email: 'zhang@example.com' }, { name: '李四' }, { name: '张小宝', type: 'child' }],
      segments: [segment('HO8101')],
    });
    expect({ status, replayed }).toEqual({ status: 201, replayed: false });
    expect(booking).toMatchObject({
      status: 'confirmed',
      title: '张三 +2 PEK→SHA 2026-12-10',
      total_price: 2250, // 900 + 900 + 450 (a child pays half)
      price: 2250,
      currency: 'CNY',
      version: 1,
      hold_expires_at: null,
      contact: { email: 'zhang@example.com', phone: null },
      passenger_name: '张三',
      flight_number: 'HO8101',
      departure_date: day,
      departure_time: '21:00:00',
      arrival_date: day,
      arrival_time: '23:15:00',
      departure_airport: 'PEK',
      arrival_airport: 'SHA',
      cancellation: null,
      created_at: '2026-12-01T00:00:00.000Z',
    });
    expect(booking.passengers).toEqual([
      { position: 1, name: '张三', type: 'adult', email: 'zhang@example.com', phone: null },
      { position: 2, name: '李四', type: 'adult', email: null, phone: null },
      { position: 3, name: '张小宝', type: 'child', email: null, phone: null },
    ]);
    expect(booking.segments[0]).toMatchObject({ position: 1, flight_number: 'HO8101', cabin: 'economy', fare: 900, seats: [{ passenger: 1, name: '张三', seat: expect.any(String) }, expect.anything(), expect.anything()] });
    const seats = booking.segments[0]!.seats.map((s) => s.seat);
    expect(new Set(seats).size).toBe(3);
    expect(booking.seat_number).toBe(seats[0]);
  });

  it('a two-name party is titled with both names; a held booking expires after the hold minutes', async () => {
    const { booking } = await create({ passengers: [{ name: 'Ann Lee' }, { name: 'Bo Wang' }], segments: [segment('HO8102', { cabin: 'business' })], hold: true });
    expect(booking).toMatchObject({ title: 'Ann Lee, Bo Wang PEK→SHA 2026-12-10', status: 'pending', total_price: 4200, hold_expires_at: '2026-12-01T00:20:00.000Z' });
    expect(booking.segments[0]!.seats.map((s) => s.seat)).toEqual(['1A', '1C']);
  });

  it('joins connecting segments and charges both fares', async () => {
    const { booking } = await create({ passengers: [{ name: 'Wang Fang' }], segments: [segment('HO8101'), segment('HO8103', { date: '2026-12-11' })] });
    expect(booking).toMatchObject({ total_price: 1900, departure_airport: 'PEK', arrival_airport: 'CAN', arrival_date: '2026-12-11', arrival_time: '11:30:00', title: 'Wang Fang PEK→SHA→CAN 2026-12-10' });
    expect(booking.segments.map((s) => [s.position, s.flight_number, s.date])).toEqual([[1, 'HO8101', day], [2, 'HO8103', '2026-12-11']]);
  });

  it('a connection may change airports within a city (SHA → PVG)', async () => {
    const { booking } = await create({ passengers: [{ name: 'Wang Fang' }], segments: [segment('HO8101'), segment('HO8106', { date: '2026-12-11' })] });
    expect(booking).toMatchObject({ total_price: 1850, departure_airport: 'PEK', arrival_airport: 'CAN' });
  });

  it('two parties booking the same flight at once both get seats, and never the same one', async () => {
    const both = await Promise.all([0, 1].map(() => create({ passengers: [{ name: 'Lu Yi' }], segments: [segment('HO8105', { date: '2026-12-15' })] })));
    expect(both.map((b) => b.booking.seat_number).sort()).toEqual(['11A', '11B']);
  });

  it('an anonymous client holds at most holdsPerClient bookings, told when to try again', async () => {
    const limited = bookingService(store, { holdMinutes: 20, holdsPerClient: 2, clock: clock.now });
    const hold = (client: string) => limited.create(BookingCreateInput.parse({ passengers: [{ name: 'Ma Yi' }], segments: [segment('HO8105', { date: '2026-12-16' })], hold: true }), { actor: 'passenger', client });
    await hold('client-a');
    clock.advance(5 * 60_000);
    await hold('client-a');
    const third = await failure(hold('client-a'));
    expect(third).toMatchObject({ kind: 'too_many', field: 'hold', retryAfterSeconds: 15 * 60, message: 'You already hold 2 bookings; confirm or cancel one, or try again when one runs out' });
    expect((await hold('client-b')).booking.status).toBe('pending');
    expect((await limited.create(BookingCreateInput.parse({ passengers: [{ name: 'Ma Er' }], segments: [segment('HO8105', { date: '2026-12-16' })] }), { actor: 'passenger', client: 'client-a' })).booking.status).toBe('confirmed');
  });

  it('refuses segments that do not connect, in place or in time, naming the segment', async () => {
    const from = await failure(create({ passengers: [{ name: 'A B' }], segments: [segment('HO8101'), segment('HO8104', { date: '2026-12-11' })] }));
    expect(from).toMatchObject({ kind: 'invalid', field: 'segments[1].flight_number' });
    expect(from.message).toBe('Segment 2 leaves from PEK, but segment 1 arrives at SHA');
    const early = await failure(create({ passengers: [{ name: 'A B' }], segments: [segment('HO8101'), segment('HO8103')] }));
    expect(early).toMatchObject({ kind: 'invalid', field: 'segments[1].date', message: 'Segment 2 leaves before segment 1 arrives' });
  });

  it('needs an adult, a known flight, no more seats than passengers, and a seat that exists and suits the passenger', async () => {
    expect(await failure(create({ passengers: [{ name: 'Kid One', type: 'child' }], segments: [segment('HO8101')] }))).toMatchObject({ kind: 'invalid', field: 'passengers' });
    expect(await failure(create({ passengers: [{ name: 'A B' }], segments: [segment('HO9999')] }))).toMatchObject({ kind: 'invalid', field: 'segments[0].flight_number' });
    expect(await failure(create({ passengers: [{ name: 'A B' }], segments: [segment('HO8101', { seats: ['30A', '30B'] })] }))).toMatchObject({ kind: 'invalid', field: 'segments[0].seats', message: 'More seats than passengers' });
    expect(await failure(create({ passengers: [{ name: 'A B' }], segments: [segment('HO8101', { seats: ['5A'] })] }))).toMatchObject({
      kind: 'invalid', field: 'segments[0].seats', message: 'Seat 5A does not exist in economy on A320 (HO8101)',
    });
    expect(await failure(create({ passengers: [{ name: 'A B' }, { name: 'C D', type: 'child' }], segments: [segment('HO8101', { seats: ['34A', '21B'] })] }))).toMatchObject({
      kind: 'invalid', field: 'segments[0].seats', message: 'Seat 21B is in an exit row; only adults may sit there',
    });
    expect(await failure(create({ passengers: [{ name: 'A B' }], segments: [segment('HO8101', { date: '2026-11-30' })] }))).toMatchObject({ kind: 'invalid', field: 'segments[0].date' });
  });

  it('a seat already taken is a conflict; a full cabin is sold out', async () => {
    await create({ passengers: [{ name: 'A B' }], segments: [segment('HO8102', { seats: ['35F'] })] });
    expect(await failure(create({ passengers: [{ name: 'C D' }], segments: [segment('HO8102', { seats: ['35f'] })] }))).toMatchObject({
      kind: 'conflict', field: 'segments[0].seats', message: 'Seat 35F is already taken on HO8102 on 2026-12-10',
    });
    const party = ['An', 'Bo', 'Cai', 'Dan', 'Er', 'Fu'].map((given) => ({ name: `${given} Li` }));
    await create({ passengers: party.slice(0, 6), segments: [segment('HO8103', { cabin: 'business', date: '2026-12-12' })] });
    const full = await failure(create({ passengers: party.slice(0, 3), segments: [segment('HO8103', { cabin: 'business', date: '2026-12-12' })] }));
    expect(full.kind).toBe('sold_out');
  });

  it('an Idempotency-Key replays the first answer; reused for another request it is a conflict', async () => {
    const ctx = keyed();
    const body = { passengers: [{ name: 'Ivy Zhou' }], segments: [segment('HO8101')] };
    const first = await create(body, ctx);
    const again = await create(body, ctx);
    expect(again).toMatchObject({ status: 201, replayed: true, booking: { id: first.booking.id, reference: first.booking.reference } });
    expect(await failure(create(body, { ...ctx, idempotency: { key: ctx.idempotency!.key, requestHash: 'other' } }))).toMatchObject({ kind: 'conflict', field: 'idempotency_key' });
  });

  it('the legacy flat body books one adult at the server fare and refuses fields contradicting the flight', async () => {
    const flat = (extra: Record<string, unknown>) => service.createFromFlat(FlatBookingInput.parse({ passenger_name: '王五', flight_number: 'HO8101', departure_date: day, ...extra }), staff);
    const { booking } = await flat({ departure_airport: 'pek', arrival_time: '23:15', arrival_date: day, seat_number: '2C' });
    expect(booking).toMatchObject({ passenger_name: '王五', total_price: 2700, segments: [{ cabin: 'business', seats: [{ seat: '2C' }] }] });
    expect(await failure(flat({ arrival_airport: 'PVG' }))).toMatchObject({ kind: 'invalid', field: 'arrival_airport', message: 'arrival_airport PVG contradicts flight HO8101 (SHA)' });
    expect(await failure(flat({ departure_time: '20:00' }))).toMatchObject({ field: 'departure_time' });
    expect(await failure(flat({ arrival_date: '2026-12-11' }))).toMatchObject({ field: 'arrival_date' });
    expect((await flat({ status: 'pending' })).booking.status).toBe('pending');
  });
});

describe('changing', () => {
  it('moves a flight on the same route, repricing it; the fare difference is what the new fares cost less the old', async () => {
    const { booking } = await create({ passengers: [{ name: 'Ann Lee' }, { name: 'Kid Lee', type: 'child' }], segments: [segment('HO8101')] });
    const quote = await service.quoteUpdate(booking.id, BookingUpdateInput.parse({ change_flight: { flight_number: 'HO8102', date: '2026-12-11' } }));
    expect(quote.fare_difference).toBe(-300); // (700 + 350) − (900 + 450)
    expect((await service.get(booking.id)).flight_number).toBe('HO8101'); // a quote writes nothing
    const moved = await update(booking.id, { change_flight: { flight_number: 'HO8102', date: '2026-12-11' } });
    expect(moved).toMatchObject({ fare_difference: -300, booking: { flight_number: 'HO8102', departure_date: '2026-12-11', total_price: 1050, version: 2 } });
    const up = await update(booking.id, { change_flight: { flight_number: 'HO8102', date: '2026-12-11', cabin: 'business' } });
    expect(up.fare_difference).toBe(2100); // (2100 + 1050) − 1050
    expect((await service.history(booking.id)).map((h) => h.action)).toEqual(['create', 'flight_change', 'flight_change']);
  });

  it('moves to another airport of the same cities, and two changes at once both land', async () => {
    const { booking } = await create({ passengers: [{ name: 'Nie Yi' }], segments: [segment('HO8101')] });
    const moved = await update(booking.id, { change_flight: { flight_number: 'HO8105', date: day } });
    expect(moved).toMatchObject({ fare_difference: -100, booking: { departure_airport: 'PKX', arrival_airport: 'PVG', total_price: 800 } });
    await Promise.all([update(booking.id, { title: 'First' }), update(booking.id, { contact: { email: 'nie@example.com' } })]);
    expect(await service.get(booking.id)).toMatchObject({ version: 4, contact: { email: 'nie@example.com' } });
  });

  it('refuses a move off the route, to the same flight, or of a segment that does not exist', async () => {
    const { booking } = await create({ passengers: [{ name: 'Bo Wang' }], segments: [segment('HO8101')] });
    const offRoute = await failure(update(booking.id, { change_flight: { flight_number: 'HO8104', date: day } }));
    expect(offRoute).toMatchObject({ kind: 'invalid', field: 'change_flight.flight_number' });
    expect(offRoute.message).toBe('HO8104 flies PEK→CAN; a change must keep the route PEK→SHA');
    expect(await failure(update(booking.id, { change_flight: { flight_number: 'HO8101', date: day } }))).toMatchObject({ kind: 'invalid', field: 'change_flight' });
    expect(await failure(update(booking.id, { change_flight: { segment: 2, flight_number: 'HO8102', date: day } }))).toMatchObject({ field: 'change_flight.segment' });
    expect(await failure(update(booking.id, { flight_number: 'HO8102', departure_date: '2026-11-30' }))).toMatchObject({ field: 'change_flight.date' });
  });

  it('changes seats, names and details; the old seat is free again and a change to what it is writes nothing', async () => {
    const { booking } = await create({ passengers: [{ name: 'Cai Lin' }, { name: 'Dan Lin' }], segments: [segment('HO8104', { seats: ['30A', '30B'] })] });
    const changed = await update(booking.id, { seats: [{ passenger: 2, seat: '30C' }], passengers: [{ position: 1, name: 'Cai Ling' }], title: 'Trip', contact: { phone: '+8613800000000', email: 'c@example.com' } });
    expect(changed.booking).toMatchObject({ title: 'Trip', contact: { email: 'c@example.com', phone: '+8613800000000' }, passenger_name: 'Cai Ling', version: 2, total_price: 3000 });
    expect(changed.booking.segments[0]!.seats.map((s) => s.seat)).toEqual(['30A', '30C']);
    expect((await create({ passengers: [{ name: 'Eve Ma' }], segments: [segment('HO8104', { seats: ['30B'] })] })).booking.seat_number).toBe('30B');
    const same = await update(booking.id, { seats: [{ passenger: 2, seat: '30C' }] });
    expect(same.booking.version).toBe(2);
    const flat = await update(booking.id, { seat_number: '31A', passenger_name: 'Cai Ling Li' });
    expect(flat.booking).toMatchObject({ seat_number: '31A', passenger_name: 'Cai Ling Li', version: 3 });
    expect(await failure(update(booking.id, { seats: [{ passenger: 3, seat: '31B' }] }))).toMatchObject({ field: 'seats', message: 'There is no passenger 3' });
    expect(await failure(update(booking.id, { seats: [{ segment: 2, seat: '31B' }] }))).toMatchObject({ field: 'seats', message: 'There is no segment 2' });
    expect(await failure(update(booking.id, { passengers: [{ position: 3, name: 'No One' }] }))).toMatchObject({ field: 'passengers', message: 'There is no passenger 3' });
    expect((await service.history(booking.id)).map((h) => h.action)).toEqual(['create', 'seat_change+name_correction+details', 'seat_change+name_correction']);
  });

  it('If-Match must name the current version (an ETag, weak or not, or *)', async () => {
    const { booking } = await create({ passengers: [{ name: 'Fay Xu' }], segments: [segment('HO8101')] });
    expect(await service.etag(booking.id)).toBe('"1"');
    const stale = await failure(update(booking.id, { title: 'Again' }, { actor: 'staff', ifMatch: '"7"' }));
    expect(stale).toMatchObject({ kind: 'stale', field: 'if_match' });
    expect((await update(booking.id, { title: 'One' }, { actor: 'staff', ifMatch: 'W/"1"' })).booking.version).toBe(2);
    expect((await update(booking.id, { title: 'Two' }, { actor: 'staff', ifMatch: '*' })).booking.version).toBe(3);
    expect((await update(booking.id, { title: 'Three' }, { actor: 'staff', ifMatch: '"3"' })).booking.version).toBe(4);
  });

  it('names what a change does', () => {
    const kinds = (body: Record<string, unknown>) => describeChange(BookingUpdateInput.parse(body));
    expect(kinds({})).toBe('update');
    expect(kinds({ seat_number: '11A' })).toBe('seat_change');
    expect(kinds({ departure_date: day })).toBe('flight_change');
    expect(kinds({ passenger_name: 'A B' })).toBe('name_correction');
    expect(kinds({ contact: { email: 'a@example.com' } })).toBe('details');
    expect(kinds({ status: 'confirmed', title: 'T' })).toBe('details+confirm');
  });
});

describe('holds, confirmation and cancellation', () => {
  it('a hold confirms before it runs out, and not after', async () => {
    const kept = (await create({ passengers: [{ name: 'Gu Yi' }], segments: [segment('HO8101')], hold: true })).booking;
    const lapsed = (await create({ passengers: [{ name: 'Gu Er' }], segments: [segment('HO8101')], hold: true })).booking;
    clock.advance(19 * 60_000);
    expect((await service.confirm(kept.id, staff)).booking).toMatchObject({ status: 'confirmed', hold_expires_at: null, version: 2 });
    expect(await service.confirm(kept.id, staff)).toMatchObject({ status: 200, booking: { version: 2 } });
    clock.advance(60_000);
    const late = await failure(service.confirm(lapsed.id, staff));
    expect(late).toMatchObject({ kind: 'conflict', message: `The hold on ${lapsed.reference} expired at 2026-12-01T00:20:00.000Z; book again` });
  });

  it('the sweeper cancels the holds that ran out, frees their seats and leaves the others', async () => {
    clock.advance(24 * hour);
    await service.releaseExpiredHolds(); // the holds earlier tests left behind
    const open = (await create({ passengers: [{ name: 'Hu Yi' }], segments: [segment('HO8104', { date: '2026-12-13', seats: ['20A'] })], hold: true })).booking;
    clock.advance(10 * 60_000);
    const later = (await create({ passengers: [{ name: 'Hu Er' }], segments: [segment('HO8104', { date: '2026-12-13', seats: ['20B'] })], hold: true })).booking;
    clock.advance(10 * 60_000);
    expect(await service.releaseExpiredHolds()).toBe(1);
    expect(await service.get(open.id)).toMatchObject({ status: 'cancelled', cancellation: { reason: 'hold expired', fee: 0, refund: 0 } });
    expect((await service.get(later.id)).status).toBe('pending');
    expect((await create({ passengers: [{ name: 'Hu San' }], segments: [segment('HO8104', { date: '2026-12-13', seats: ['20A'] })] })).booking.seat_number).toBe('20A');
    expect(await service.releaseExpiredHolds()).toBe(0);
  });

  it('cancels free within 24 h of booking, then at the band fee; a cancelled booking cannot change', async () => {
    const party = { passengers: [{ name: 'Jin Yi' }, { name: 'Jin Er' }, { name: 'Jin Bao', type: 'child' }], segments: [segment('HO8101')] };
    const early = (await create(party)).booking;
    const late = (await create(party)).booking;
    expect(await service.quoteCancellation(early.id)).toMatchObject({ paid: 2250, fee: 0, refund: 2250, hours_before_departure: 229, rule: 'within 24 hours of booking: free' });
    expect((await service.cancel(early.id, 'changed plans', staff)).booking.cancellation).toEqual({ cancelled_at: '2026-12-01T00:00:00.000Z', reason: 'changed plans', fee: 0, refund: 2250 });
    clock.advance(72 * hour); // 157 h before departure: 20 % in economy
    expect(await service.quoteCancellation(late.id)).toMatchObject({ booking_id: late.id, reference: late.reference, status: 'confirmed', currency: 'CNY', paid: 2250, fee: 450, refund: 1800, hours_before_departure: 157 });
    const cancelled = await update(late.id, { status: 'cancelled' });
    expect(cancelled).toMatchObject({ fare_difference: 0, booking: { status: 'cancelled', cancellation: { fee: 450, refund: 1800, reason: null } } });
    expect(await failure(service.cancel(late.id, undefined, staff))).toMatchObject({ kind: 'conflict' });
    expect(await failure(service.quoteCancellation(late.id))).toMatchObject({ kind: 'conflict', message: `Booking ${late.reference} is already cancelled` });
    expect(await failure(service.quoteUpdate(late.id, BookingUpdateInput.parse({ title: 'x' })))).toMatchObject({ kind: 'conflict' });
    const history = await service.history(late.id);
    expect(history.map((h) => [h.action, h.actor])).toEqual([['create', 'staff'], ['cancel', 'staff']]);
    expect(history[1]!.after).toMatchObject({ status: 'cancelled', fee_cents: 45_000, refund_cents: 180_000 });
  });

  it('a held booking cancels for nothing and quotes nothing paid', async () => {
    const { booking } = await create({ passengers: [{ name: 'Ke Yi' }], segments: [segment('HO8101')], hold: true });
    expect(await service.quoteCancellation(booking.id)).toMatchObject({ paid: 0, fee: 0, refund: 0 });
  });
});

describe('finding', () => {
  it('a passenger finds their booking by reference and surname only; staff search names in any script', async () => {
    const { booking } = await create({ passengers: [{ name: '欧阳娜娜' }, { name: 'Mary Smith' }], segments: [segment('HO8103', { date: '2026-12-14' })], title: '=HYPERLINK("x")' });
    expect((await service.getByReference(booking.reference, '欧阳')).id).toBe(booking.id);
    expect((await service.getByReference(booking.reference, 'smith')).id).toBe(booking.id);
    expect(await failure(service.getByReference(booking.reference, 'Jones'))).toMatchObject({ kind: 'not_found', field: 'reference' });
    expect(await service.idByReference(booking.reference)).toBe(booking.id);
    expect(await failure(service.idByReference(booking.reference, 'Jones'))).toMatchObject({ kind: 'not_found', message: `No booking ${booking.reference} with a passenger named Jones` });
    expect(await failure(service.idByReference('ZZZZZZ'))).toMatchObject({ kind: 'not_found', message: 'No booking ZZZZZZ' });
    expect(await failure(service.get(999_999))).toMatchObject({ kind: 'not_found', field: 'id' });
    expect((await service.searchByName('ouyang nana')).map((b) => b.id)).toContain(booking.id);
    expect(await failure(service.searchByName('  '))).toMatchObject({ kind: 'invalid', field: 'passenger_name' });
    const listed = await service.list({ from: 'SHA', to: '广州', flight_number: 'HO8103', from_date: '2026-12-14', to_date: '2026-12-14', status: 'confirmed', passenger: 'Smith', skip: 0, limit: 50 } as never);
    expect(listed).toMatchObject({ total: 1, items: [{ id: booking.id }] });
    const csv = await service.exportCsv({ flight_number: 'HO8103', from_date: '2026-12-14', to_date: '2026-12-14', skip: 0, limit: 50 } as never);
    expect(csv.split('\r\n')).toEqual([
      'reference,status,title,passenger_name,passenger_type,flight_number,departure_date,departure_time,departure_airport,arrival_airport,cabin,seat_number,total_price,currency,created_at',
      `${booking.reference},confirmed,"'=HYPERLINK(""x"")",欧阳娜娜,adult,HO8103,2026-12-14,09:00:00,SHA,CAN,economy,11A,2000,CNY,2026-12-01T00:00:00.000Z`,
      `${booking.reference},confirmed,"'=HYPERLINK(""x"")",Mary Smith,adult,HO8103,2026-12-14,09:00:00,SHA,CAN,economy,11B,2000,CNY,2026-12-01T00:00:00.000Z`,
      '',
    ]);
  });
});
