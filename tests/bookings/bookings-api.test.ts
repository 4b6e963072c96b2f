import { describe, expect, it } from 'vitest';
import { daysFromToday, expectProblem, startHost, useHost } from '../support/host';
import { book, bookingCount, createFlight, seatsLeft, type BookingBody } from './helpers';

const host = useHost({ env: { HOLD_RELEASE_SCHEDULE: '*/1 * * * * *', LOG_REQUESTS: 'true' } });
const tomorrow = daysFromToday(1);
const inTenDays = daysFromToday(10);

async function created(response: Response, status = 201): Promise<BookingBody> {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${await response.text()}`);
  return (await response.json()) as BookingBody;
}

describe('the seed’s flat booking', () => {
  it('creates a one-passenger booking at the server’s fare and answers with the seed fields', async () => {
    const body = {
      title: '张三的商务出差',
      passenger_name: '张三',
      flight_number: 'CA1001',
      departure_date: tomorrow,
      departure_time: '08:30:00',
      arrival_date: tomorrow,
      arrival_time: '10:45:00',
      departure_airport: 'PEK',
      arrival_airport: 'SHA',
      price: '1.00',
    };
    // The original flat API answered its creates with 200.
    const booking = await created(await book(host, body), 200);
    expect(booking).toMatchObject({
      title: '张三的商务出差',
      status: 'confirmed',
      passenger_name: '张三',
      flight_number: 'CA1001',
      departure_date: tomorrow,
      departure_time: '08:30:00',
      arrival_time: '10:45:00',
      departure_airport: 'PEK',
      arrival_airport: 'SHA',
      price: 680,
    });
    expect(booking.reference).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(booking.seat_number).toMatch(/^\d+[A-F]$/);
    expect(booking.passengers).toHaveLength(1);
    expect(booking.segments).toHaveLength(1);
  });

  it('refuses fields that contradict the flight, naming them, and writes nothing', async () => {
    const before = await bookingCount(host);
    const body = { title: 'x', passenger_name: '张三', flight_number: 'CA1001', departure_date: tomorrow, departure_airport: 'PVG', arrival_time: '11:00:00' };
    await expectProblem(await book(host, body), 422, 'body.departure_airport');
    await expectProblem(await book(host, { ...body, departure_airport: 'PEK' }), 422, 'body.arrival_time');
    expect(await bookingCount(host)).toBe(before);
  });
});

describe('booking lifecycle: hold → confirm → change seat → quote → cancel', () => {
  it('runs end to end with versions, ETags, history and seats released', async () => {
    const flight = await createFlight(host, 40);
    const left = await seatsLeft(host, flight.id, inTenDays);
    const hold = await created(
      await book(host, {
        passengers: [{ name: 'John Smith', email: 'john@example.com' }, { name: 'Amy Smith', type: 'child' }],
        segments: [{ flight_number: flight.flight_number, date: inTenDays, seat_preference: 'window' }],
        hold: true,
      }),
    );
    expect(hold.status).toBe('pending');
    expect(Date.parse(hold.hold_expires_at!)).toBeGreaterThan(Date.now() + 19 * 60_000);
    expect(hold.total_price).toBe(900 + 450);
    expect(hold.segments[0]!.seats.map((s) => s.seat)).toEqual(['11A', '11F']);
    expect(await seatsLeft(host, flight.id, inTenDays)).toBe(left - 2);

    const confirm = await host.fetch(`/bookings/${hold.id}/confirm`, { method: 'POST', staff: true });
    expect(confirm.status).toBe(200);
    const confirmed = (await confirm.json()) as BookingBody;
    expect(confirmed.status).toBe('confirmed');
    expect(confirm.headers.get('etag')).toBe(`"${confirmed.version}"`);

    const stale = await host.fetch(`/bookings/${hold.id}`, { method: 'PUT', staff: true, headers: { 'if-match': `"${hold.version}"` }, json: { seats: [{ passenger: 1, seat: '15C' }] } });
    await expectProblem(stale, 412, 'headers.if-match');
    const seatChange = await host.fetch(`/bookings/${hold.id}`, { method: 'PUT', staff: true, headers: { 'if-match': confirm.headers.get('etag')! }, json: { seats: [{ passenger: 1, seat: '15C' }] } });
    expect(seatChange.status).toBe(200);
    expect(((await seatChange.json()) as BookingBody).segments[0]!.seats[0]!.seat).toBe('15C');

    const quote = (await (await host.fetch(`/bookings/${hold.id}/cancellation-quote`, { staff: true })).json()) as { fee: number; refund: number; rule: string };
    expect(quote).toMatchObject({ fee: 0, refund: 1350 });
    expect(quote.rule).toContain('24 hours');

    const cancel = await host.fetch(`/bookings/${hold.id}/cancel`, { method: 'POST', staff: true, json: { reason: 'plans changed' } });
    const cancelled = (await cancel.json()) as BookingBody;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancellation).toMatchObject({ fee: 0, refund: 1350, reason: 'plans changed' });
    expect(await seatsLeft(host, flight.id, inTenDays)).toBe(left);
    const seatMap = (await (await host.fetch(`/flights/${flight.id}/seats?date=${inTenDays}`)).json()) as { rows: { seats: { seat: string; available: boolean }[] }[] };
    expect(seatMap.rows.flatMap((r) => r.seats).find((s) => s.seat === '15C')!.available).toBe(true);

    await expectProblem(await host.fetch(`/bookings/${hold.id}`, { method: 'PUT', staff: true, json: { seats: [{ seat: '16C' }] } }), 409);
    await expectProblem(await host.fetch(`/bookings/${hold.id}`, { method: 'DELETE', staff: true }), 409);

    const history = (await (await host.fetch(`/bookings/${hold.id}/history`, { staff: true })).json()) as { action: string; actor: string; before: unknown; after: { status: string } }[];
    expect(history.map((h) => h.action)).toEqual(['create', 'confirm', 'seat_change', 'cancel']);
    expect(history[0]!.actor).toBe('passenger');
    expect(history[2]!.actor).toBe('staff');
    expect(history[3]!.after.status).toBe('cancelled');
    expect(history[2]!.before).toBeTruthy();
  });

  it('changes flight on the same route and applies the fare difference; another route is refused', async () => {
    const cheap = await createFlight(host, 40);
    const dear = await createFlight(host, 40, { departure_time: '22:00', arrival_time: '23:59', cabins: { economy: { fare: 1300, capacity: 40 } } });
    const booking = await created(await book(host, { passengers: [{ name: '李四' }], segments: [{ flight_number: cheap.flight_number, date: inTenDays }] }));
    const moved = await host.fetch(`/bookings/${booking.id}`, { method: 'PUT', staff: true, json: { change_flight: { flight_number: dear.flight_number, date: inTenDays } } });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('x-fare-difference')).toBe('400');
    const after = (await moved.json()) as BookingBody;
    expect(after.total_price).toBe(1300);
    expect(after.segments[0]!.flight_number).toBe(dear.flight_number);
    expect(await seatsLeft(host, cheap.id, inTenDays)).toBe(40);
    expect(await seatsLeft(host, dear.id, inTenDays)).toBe(39);
    await expectProblem(
      await host.fetch(`/bookings/${booking.id}`, { method: 'PUT', staff: true, json: { change_flight: { flight_number: 'CZ3101', date: inTenDays } } }),
      422,
      'body.change_flight.flight_number',
    );
  });

  it('corrects a passenger name and keeps it findable', async () => {
    const flight = await createFlight(host, 10);
    const booking = await created(await book(host, { passengers: [{ name: '欧阳娜' }], segments: [{ flight_number: flight.flight_number, date: inTenDays }] }));
    const renamed = await host.fetch(`/bookings/${booking.id}`, { method: 'PUT', staff: true, json: { passenger_name: '欧阳娜娜' } });
    expect(((await renamed.json()) as BookingBody).passengers[0]!.name).toBe('欧阳娜娜');
    const found = (await (await host.fetch(`/bookings/search/${encodeURIComponent('ouyang nana')}`, { staff: true })).json()) as BookingBody[];
    expect(found.map((b) => b.id)).toContain(booking.id);
  });

  it('an expired hold is released by the timer and can no longer be confirmed', async () => {
    const quick = await startHost({ env: { BOOKING_HOLD_MINUTES: '0', HOLD_RELEASE_SCHEDULE: '*/1 * * * * *' } });
    try {
      const flight = await createFlight(quick, 5);
      const hold = await created(await book(quick, { passengers: [{ name: 'Hold Expiry' }], segments: [{ flight_number: flight.flight_number, date: inTenDays }], hold: true }));
      await expectProblem(await quick.fetch(`/bookings/${hold.id}/confirm`, { method: 'POST', staff: true }), 409);
      let status = 'pending';
      for (let i = 0; i < 40 && status === 'pending'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = ((await (await quick.fetch(`/bookings/${hold.id}`, { staff: true })).json()) as BookingBody).status;
      }
      expect(status).toBe('cancelled');
      expect(await seatsLeft(quick, flight.id, inTenDays)).toBe(5);
      const history = (await (await quick.fetch(`/bookings/${hold.id}/history`, { staff: true })).json()) as { action: string; actor: string }[];
      expect(history.at(-1)).toMatchObject({ action: 'hold_expired', actor: 'system' });
    } finally {
      await quick.stop();
    }
  });
});

describe('rules', () => {
  it('a one-stop itinerary and a party of three, each passenger seated on each segment', async () => {
    const booking = await created(
      await book(host, {
        passengers: [{ name: '王大明' }, { name: '王小明', type: 'child' }, { name: 'Wang Lili' }],
        segments: [
          { flight_number: 'CA1001', date: inTenDays },
          { flight_number: 'MU5303', date: inTenDays },
        ],
      }),
    );
    expect(booking.segments.map((s) => s.flight_number)).toEqual(['CA1001', 'MU5303']);
    for (const segment of booking.segments) expect(new Set(segment.seats.map((s) => s.seat)).size).toBe(3);
  });

  it('children never get exit rows; seats must exist in the cabin', async () => {
    const flight = await createFlight(host, 40);
    await expectProblem(await book(host, { passengers: [{ name: '张大' }, { name: '张小', type: 'child' }], segments: [{ flight_number: flight.flight_number, date: inTenDays, seats: [null, '21A'] }] }), 422, 'body.segments[0].seats');
    await expectProblem(await book(host, { passengers: [{ name: '张大' }], segments: [{ flight_number: flight.flight_number, date: inTenDays, seats: ['99A'] }] }), 422, 'body.segments[0].seats');
    await expectProblem(await book(host, { passengers: [{ name: '张大' }], segments: [{ flight_number: flight.flight_number, date: inTenDays, cabin: 'first' }] }), 422, 'body.segments[0].cabin');
  });

  it('flights that do not operate that day, cancelled flights, departed flights are refused', async () => {
    const weekdays = await createFlight(host, 10, { days_of_operation: [1, 2, 3, 4, 5] });
    const saturday = Array.from({ length: 7 }, (_, i) => daysFromToday(2 + i)).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6)!;
    await expectProblem(await book(host, { passengers: [{ name: '周一' }], segments: [{ flight_number: weekdays.flight_number, date: saturday }] }), 422, 'body.segments[0].date');
    const cancelled = await createFlight(host, 10, { status: 'cancelled' });
    await expectProblem(await book(host, { passengers: [{ name: '周二' }], segments: [{ flight_number: cancelled.flight_number, date: inTenDays }] }), 422, 'body.segments[0].flight_number');
    await expectProblem(await book(host, { passengers: [{ name: '周三' }], segments: [{ flight_number: 'CA1001', date: daysFromToday(-1) }] }), 422, 'body.segments[0].date');
  });

  it('a flight with bookings cannot be deleted, only cancelled', async () => {
    const flight = await createFlight(host, 10);
    await created(await book(host, { passengers: [{ name: '吴九' }], segments: [{ flight_number: flight.flight_number, date: inTenDays }] }));
    await expectProblem(await host.fetch(`/flights/${flight.id}`, { method: 'DELETE', staff: true }), 409);
  });
});

describe('bad input gets a 4xx problem and changes nothing', () => {
  const date = daysFromToday(5);
  it.each([
    ['missing passengers', { segments: [{ flight_number: 'CA1001', date }] }, 400, 'body.passengers'],
    ['empty passengers', { passengers: [], segments: [{ flight_number: 'CA1001', date }] }, 400, 'body.passengers'],
    ['10 passengers', { passengers: Array.from({ length: 10 }, (_, i) => ({ name: `Guest ${String.fromCharCode(65 + i)}` })), segments: [{ flight_number: 'CA1001', date }] }, 400, 'body.passengers'],
    ['unknown flight', { passengers: [{ name: '张三' }], segments: [{ flight_number: 'ZZ9999', date }] }, 422, 'body.segments[0].flight_number'],
    ['seat Z99', { passengers: [{ name: '张三' }], segments: [{ flight_number: 'CA1001', date, seats: ['Z99'] }] }, 400, 'body.segments[0].seats[0]'],
    ['date in the past', { passengers: [{ name: '张三' }], segments: [{ flight_number: 'CA1001', date: '2020-01-01' }] }, 422, 'body.segments[0].date'],
    ['not a date', { passengers: [{ name: '张三' }], segments: [{ flight_number: 'CA1001', date: '12/01/2026' }] }, 400, 'body.segments[0].date'],
    ['wrong type', { passengers: [{ name: 42 }], segments: [{ flight_number: 'CA1001', date }] }, 400, 'body.passengers[0].name'],
    ['unknown field', { passengers: [{ name: '张三' }], segments: [{ flight_number: 'CA1001', date }], discount: 100 }, 400, 'body.discount'],
    ['only infants', { passengers: [{ name: '张小宝', type: 'infant' }], segments: [{ flight_number: 'CA1001', date }] }, 422, 'body.passengers'],
  ])('%s', async (_name, body, status, field) => {
    const before = await bookingCount(host);
    await expectProblem(await book(host, body), status, field);
    expect(await bookingCount(host)).toBe(before);
  });

  it('non-JSON, malformed JSON and bad query values', async () => {
    const before = await bookingCount(host);
    await expectProblem(await host.fetch('/bookings', { method: 'POST', body: 'passenger=张三', headers: { 'content-type': 'text/plain' } }), 415);
    await expectProblem(await host.fetch('/bookings', { method: 'POST', body: '{"passengers": [', headers: { 'content-type': 'application/json' } }), 400, 'body');
    await expectProblem(await host.fetch('/bookings?limit=-1', { staff: true }), 400, 'query.limit');
    await expectProblem(await host.fetch('/bookings?status=lost', { staff: true }), 400, 'query.status');
    await expectProblem(await host.fetch('/bookings/reference/ABC?last_name=x'), 400, 'params.pnr');
    await expectProblem(await host.fetch('/bookings/reference/ABCDEF'), 400, 'query.last_name');
    await expectProblem(await host.fetch('/bookings/999999', { staff: true }), 404, 'params.id');
    expect(await bookingCount(host)).toBe(before);
  });
});

describe('who sees what', () => {
  it('listing and searching need the staff key; a passenger sees a booking by reference and surname only', async () => {
    const booking = await created(await book(host, { passengers: [{ name: 'Mary Jones' }], segments: [{ flight_number: 'CA1001', date: inTenDays }] }));
    await expectProblem(await host.fetch('/bookings'), 401);
    await expectProblem(await host.fetch(`/bookings/${booking.id}`), 401);
    await expectProblem(await host.fetch('/bookings/search/Mary'), 401);
    await expectProblem(await host.fetch('/bookings/export?format=csv'), 401);
    const mine = await host.fetch(`/bookings/reference/${booking.reference.toLowerCase()}?last_name=JONES`);
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as BookingBody).id).toBe(booking.id);
    await expectProblem(await host.fetch(`/bookings/reference/${booking.reference}?last_name=Smith`), 404);
  });

  it('fuzzy name search: order, case, spaces, honorifics and pinyin', async () => {
    const make = async (name: string) => (await created(await book(host, { passengers: [{ name }], segments: [{ flight_number: 'CA1001', date: inTenDays }] }))).id;
    const sanZhang = await make('San Zhang');
    const zhangSan = await make('张三');
    const liSi = await make('李四');
    const liNa = await make('李娜');
    const wangLi = await make('王李');
    const search = async (q: string) => ((await (await host.fetch(`/bookings/search/${encodeURIComponent(q)}`, { staff: true })).json()) as BookingBody[]).map((b) => b.id);
    expect(await search('ZHANG SAN')).toEqual(expect.arrayContaining([sanZhang, zhangSan]));
    expect(await search('zhangsan')).toContain(zhangSan);
    const li = await search('李先生');
    expect(li).toEqual(expect.arrayContaining([liSi, liNa]));
    expect(li).not.toContain(wangLi);
    expect(await search('李女士')).toContain(liNa);
    const list = await host.fetch(`/bookings?passenger=${encodeURIComponent('张三')}&from_date=${inTenDays}`, { staff: true });
    expect(((await list.json()) as BookingBody[]).map((b) => b.id)).toContain(zhangSan);
  });

  it('exports CSV for staff, and passenger names never reach the request log', async () => {
    const csv = await host.fetch('/bookings/export?format=csv', { staff: true });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toContain('reference,status,title,passenger_name');
    expect(text).toContain('张三');
    await host.fetch(`/bookings/search/${encodeURIComponent('张三')}`, { staff: true });
    const log = host.output();
    expect(log).toMatch(/GET \/api\/bookings\/search\/\{passenger_name\} 200/);
    expect(log).not.toContain('张三');
    expect(log).not.toContain('Mary');
  });
});
