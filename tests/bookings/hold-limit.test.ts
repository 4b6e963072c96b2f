import { describe, expect, it } from 'vitest';
import { daysFromToday, expectProblem, useHost } from '../support/host';
import { createFlight, type BookingBody } from './helpers';

const host = useHost({ env: { BOOKING_HOLDS_PER_CLIENT: '3' } });
const date = daysFromToday(15);

describe('anonymous holds cannot hoard a flight', () => {
  it('one client address gets BOOKING_HOLDS_PER_CLIENT open holds, even in parallel; one more is 429 with Retry-After until a hold ends', async () => {
    const flight = await createFlight(host, 60);
    const hold = (headers: Record<string, string> = {}, hold = true) =>
      host.fetch('/bookings', { method: 'POST', headers, json: { passengers: [{ name: 'Hoard Er' }], segments: [{ flight_number: flight.flight_number, date }], hold } });

    const parallel = await Promise.all(Array.from({ length: 6 }, () => hold()));
    expect(parallel.map((r) => r.status).sort()).toEqual([201, 201, 201, 429, 429, 429]);
    const refused = parallel.find((r) => r.status === 429)!;
    const problem = await expectProblem(refused, 429, 'body.hold');
    expect(problem.detail).toMatch(/3 bookings/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(20 * 60);

    // The address is the one the front end saw, not what the caller writes in X-Forwarded-For.
    await expectProblem(await hold({ 'x-forwarded-for': '203.0.113.77' }), 429);
    // Booking outright is not holding.
    expect((await hold({}, false)).status).toBe(201);

    const held = (await Promise.all(parallel.filter((r) => r.status === 201).map((r) => r.json()))) as BookingBody[];
    expect((await host.fetch(`/bookings/${held[0]!.id}/cancel`, { method: 'POST', staff: true, json: { reason: 'changed my mind' } })).status).toBe(200);
    expect((await hold()).status).toBe(201);
  }, 60_000);
});
