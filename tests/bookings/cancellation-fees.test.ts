/**
 * Cancellation fees end to end: bookings made three days ago (their creation time is set back in the real
 * SQLite file, as if the traveller had booked then), cancelled over HTTP at known distances from departure.
 * The flight leaves at 21:00 Beijing time, so "tomorrow" is 21–45 h away, "in 4 days" 93–117 h and
 * "in 10 days" 237–261 h whenever the test runs: each in one band of the policy. Fees are written by hand
 * from the policy table for one adult paying the economy fare of ¥900.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { daysFromToday, useHost } from '../support/host';
import { book, createFlight, type BookingBody } from './helpers';

const host = useHost();

function bookedDaysAgo(ids: number[], days: number) {
  const db = new Database(path.join(host.dataDir, 'flightbooking.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const at = new Date(Date.now() - days * 86_400_000).toISOString();
    const update = db.prepare('UPDATE bookings SET created_at = ? WHERE id = ?');
    for (const id of ids) expect(update.run(at, id).changes).toBe(1);
  } finally {
    db.close();
  }
}

it.each([
  ['tomorrow (under 48 h): 50 %', 1, 450],
  ['in 4 days (2 to 7 days): 20 %', 4, 180],
  ['in 10 days (over 7 days): 5 %', 10, 45],
])('a booking made 3 days ago, departing %s, is cancelled over HTTP with the fee the policy sets', async (_, days, fee) => {
  const flight = await createFlight(host, 40);
  const response = await book(host, { passengers: [{ name: 'Wang Fang' }], segments: [{ flight_number: flight.flight_number, date: daysFromToday(days) }] });
  expect(response.status).toBe(201);
  const booking = (await response.json()) as BookingBody;
  expect(booking.total_price).toBe(900);
  bookedDaysAgo([booking.id], 3);

  const quote = (await (await host.fetch(`/bookings/${booking.id}/cancellation-quote`, { staff: true })).json()) as { fee: number; refund: number; paid: number };
  expect(quote).toMatchObject({ paid: 900, fee, refund: 900 - fee });
  const cancel = await host.fetch(`/bookings/${booking.id}/cancel`, { method: 'POST', staff: true, json: { reason: 'plans changed' } });
  expect(cancel.status).toBe(200);
  expect(((await cancel.json()) as BookingBody).cancellation).toMatchObject({ fee, refund: 900 - fee, reason: 'plans changed' });
  const stored = (await (await host.fetch(`/bookings/${booking.id}`, { staff: true })).json()) as BookingBody;
  expect(stored).toMatchObject({ status: 'cancelled', cancellation: { fee, refund: 900 - fee } });
});
