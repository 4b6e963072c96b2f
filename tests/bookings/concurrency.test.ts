import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, startHost, type TestHost } from '../support/host';
import { book, createFlight, seatsLeft, type BookingBody } from './helpers';

const date = daysFromToday(3);

/** A distinct Latin name per racer: Racer Aa, Racer Ba, … (names hold letters only). */
const racer = (i: number) => `Racer ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;

const booking = (flight_number: string, name: string, seat?: string) => ({
  passengers: [{ name }],
  segments: [{ flight_number, date, ...(seat ? { seats: [seat] } : {}) }],
});

// One process, and two worker processes sharing the database: the guarantees are the database's.
describe.each([1, 2])('with %i worker process(es)', (workers) => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startHost({ env: { FUNCTIONS_WORKER_PROCESS_COUNT: String(workers) } });
  }, 60_000);

  afterAll(async () => {
    await host?.stop();
  });

  describe('nothing is ever oversold', () => {
    it('200 simultaneous requests for 10 seats: exactly 10 bookings, the rest 409', async () => {
      const flight = await createFlight(host, 10);
      const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => book(host, booking(flight.flight_number, racer(i)))));
      const created = responses.filter((r) => r.status === 201);
      const refused = responses.filter((r) => r.status === 409);
      expect(created).toHaveLength(10);
      expect(refused).toHaveLength(190);
      const problem = (await refused[0]!.json()) as { type: string; detail: string };
      expect(refused[0]!.headers.get('content-type')).toContain('application/problem+json');
      expect(problem.type).toBe('urn:flightbooking:sold-out');
      expect(problem.detail).toMatch(/seats/);

      const seats = await Promise.all(created.map(async (r) => ((await r.json()) as BookingBody).segments[0]!.seats[0]!.seat));
      expect(new Set(seats).size).toBe(10);
      expect(await seatsLeft(host, flight.id, date)).toBe(0);
      const listed = await host.fetch(`/bookings?flight_number=${flight.flight_number}&status=confirmed`, { staff: true });
      expect(listed.headers.get('x-total-count')).toBe('10');
    });

    it('50 racers for one seat number: one gets it, 49 are told it is taken', async () => {
      const flight = await createFlight(host, 100);
      const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => book(host, booking(flight.flight_number, racer(i), '20C'))));
      expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
      const refused = responses.filter((r) => r.status === 409);
      expect(refused).toHaveLength(49);
      const problem = (await refused[0]!.json()) as { detail: string; errors: { field: string }[] };
      expect(problem.detail).toContain('20C');
      expect(problem.errors[0]!.field).toBe('body.segments[0].seats');
      expect(await seatsLeft(host, flight.id, date)).toBe(99);
    });
  });

  describe('retries never book twice', () => {
    it('the same Idempotency-Key sent 20 times in parallel makes one booking, and every reply is it', async () => {
      const flight = await createFlight(host, 50);
      const body = booking(flight.flight_number, '王五');
      const responses = await Promise.all(Array.from({ length: 20 }, () => book(host, body, { 'idempotency-key': 'retry-test-1' })));
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
      const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as BookingBody).id));
      expect(new Set(ids).size).toBe(1);
      expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
      expect(await seatsLeft(host, flight.id, date)).toBe(49);
    });

    it('the same key with another body is a 409 and changes nothing', async () => {
      const flight = await createFlight(host, 50);
      expect((await book(host, booking(flight.flight_number, '赵六'), { 'idempotency-key': 'retry-test-2' })).status).toBe(201);
      const other = await book(host, booking(flight.flight_number, '钱七'), { 'idempotency-key': 'retry-test-2' });
      expect(other.status).toBe(409);
      expect(((await other.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('headers.idempotency-key');
      expect(await seatsLeft(host, flight.id, date)).toBe(49);
    });

    it('a retried cancellation with its key answers the same without cancelling twice', async () => {
      const flight = await createFlight(host, 50);
      const created = (await (await book(host, booking(flight.flight_number, '孙八'))).json()) as BookingBody;
      const cancel = () => host.fetch(`/bookings/${created.id}`, { method: 'DELETE', staff: true, headers: { 'idempotency-key': 'cancel-once' } });
      const [first, second] = await Promise.all([cancel(), cancel()]);
      expect([first!.status, second!.status]).toEqual([200, 200]);
      const history = (await (await host.fetch(`/bookings/${created.id}/history`, { staff: true })).json()) as { action: string }[];
      expect(history.filter((h) => h.action === 'cancel')).toHaveLength(1);
      expect(await seatsLeft(host, flight.id, date)).toBe(50);
    });
  });
});
