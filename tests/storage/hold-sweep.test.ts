import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { daysFromToday, startHost } from '../support/host';
import { createFlight, seatsLeft, type BookingBody } from '../bookings/helpers';
import { eventually } from '../support/eventually';

const date = daysFromToday(12);
const holds = 230;

describe('hold-release timer', () => {
  it('releases every expired hold in one run, however many there are', async () => {
    const host = await startHost({ env: { HOLD_RELEASE_SCHEDULE: '*/3 * * * * *', BOOKING_HOLDS_PER_CLIENT: '0' } });
    try {
      const flight = await createFlight(host, holds + 20, { aircraft_type: 'A330-300' });
      const ids: number[] = [];
      for (let start = 0; start < holds; start += 10) {
        const batch = Array.from({ length: Math.min(10, holds - start) }, () =>
          host.fetch('/bookings', { method: 'POST', staff: true, json: { passengers: [{ name: 'Hold Person' }], segments: [{ flight_number: flight.flight_number, date }], hold: true } }),
        );
        for (const response of await Promise.all(batch)) {
          if (response.status !== 201) throw new Error(await response.text());
          ids.push(((await response.json()) as BookingBody).id);
        }
      }
      expect(await seatsLeft(host, flight.id, date)).toBe(20);

      // Every hold runs out at once, as after a burst of abandoned checkouts.
      const db = new Database(path.join(host.dataDir, 'flightbooking.db'));
      try {
        db.pragma('busy_timeout = 5000');
        db.prepare("UPDATE bookings SET hold_expires_at = '2000-01-01T00:00:00.000Z' WHERE status = 'pending'").run();
      } finally {
        db.close();
      }

      const firstRun = await eventually('the hold sweep to log its first run', () => /Released (\d+) expired booking holds/.exec(host.output()), { timeoutMs: 20_000 });
      expect(Number(firstRun[1])).toBe(holds);
      expect(await seatsLeft(host, flight.id, date)).toBe(holds + 20);
      const statuses = await Promise.all(ids.slice(0, 5).concat(ids.slice(-5)).map(async (id) => ((await (await host.fetch(`/bookings/${id}`, { staff: true })).json()) as BookingBody).status));
      expect(new Set(statuses)).toEqual(new Set(['cancelled']));
    } finally {
      await host.stop();
    }
  }, 120_000);
});
