/**
 * What the deployed app costs while idle: the hold-release timer runs every minute, but asks Azure SQL
 * only while a hold may be open (hold markers in Table Storage, real Azurite here), so an idle serverless
 * database can auto-pause; and no function of the package fires more often than once a minute.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { markerGraceMs, sweepHolds, tableHoldMarkers, type HoldSweeper } from '../../lib/bookings/hold-markers';
import { endpointFrom, tableClient } from '../../lib/tables/client';
import { useAzurite, uniqueHub } from '../support/azurite';
import { daysFromToday, startHost } from '../support/host';
import { createFlight } from '../bookings/helpers';

const azurite = useAzurite();
const markerTable = (hub = uniqueHub('HM')) => tableClient(endpointFrom({ storageConnectionString: azurite.connectionString }), `${hub}HoldMarkers`);

/** The database side of a sweep: counts how often it is opened. */
function fakeDatabase(pending: boolean, released = 0) {
  let opened = 0;
  const sweeper: HoldSweeper = { releaseExpiredHolds: async () => released, hasPendingHolds: async () => pending };
  return { open: async () => (opened++, sweeper), opened: () => opened };
}

describe('hold-release timer: the database only while a hold may be open', () => {
  it('no hold was ever made: the run does not open the database', async () => {
    const db = fakeDatabase(false);
    expect(await sweepHolds(tableHoldMarkers(markerTable()), db.open, () => new Date())).toBeUndefined();
    expect(db.opened()).toBe(0);
  });

  it('a hold marked: every run sweeps while it is pending; once none is pending, old markers go and the runs stop', async () => {
    const markers = tableHoldMarkers(markerTable());
    const t0 = new Date('2026-11-30T08:00:00.000Z');
    await markers.mark(t0);
    const busy = fakeDatabase(true, 0);
    expect(await sweepHolds(markers, busy.open, () => new Date(t0.getTime() + 60_000))).toBe(0);
    expect(busy.opened()).toBe(1);
    expect(await markers.any()).toBe(true);

    // Released (or confirmed), nothing pending: markers made before the grace period are cleared.
    const done = fakeDatabase(false, 1);
    expect(await sweepHolds(markers, done.open, () => new Date(t0.getTime() + 21 * 60_000))).toBe(1);
    expect(await markers.any()).toBe(false);
    const idle = fakeDatabase(false);
    expect(await sweepHolds(markers, idle.open, () => new Date(t0.getTime() + 22 * 60_000))).toBeUndefined();
    expect(idle.opened()).toBe(0);
  });

  it('keeps a marker younger than the grace period: its booking may not be written yet', async () => {
    const table = markerTable();
    const markers = tableHoldMarkers(table);
    const now = new Date('2026-11-30T09:00:00.000Z');
    await markers.mark(new Date(now.getTime() - markerGraceMs - 1_000));
    await markers.mark(new Date(now.getTime() - 1_000));
    await sweepHolds(markers, fakeDatabase(false).open, () => now);
    const left: string[] = [];
    for await (const row of table.listEntities()) left.push(row.rowKey!);
    expect(left).toEqual([expect.stringMatching(/^2026-11-30T08:59:59\.000Z_/)]);
  });

  it('Table Storage unreadable: sweeps anyway (held seats matter more than an idle database)', async () => {
    const broken = tableHoldMarkers(tableClient(endpointFrom({ storageConnectionString: azurite.connectionString.replace(/:\d+\//, ':1/') }), 'NoHoldMarkers'));
    const db = fakeDatabase(false, 2);
    expect(await sweepHolds(broken, db.open, () => new Date())).toBe(2);
    expect(db.opened()).toBe(1);
  });
});

describe('hold markers through the real host', () => {
  it('a hold made through the API leaves one marker, made before its booking; a confirmed booking none', async () => {
    const hub = uniqueHub('HH');
    const host = await startHost({ env: { AzureWebJobsStorage: azurite.connectionString, DURABLE_TASK_HUB: hub, HOLD_RELEASE_SCHEDULE: '*/2 * * * * *' } });
    try {
      const flight = await createFlight(host, 10);
      const response = await host.fetch('/bookings', {
        method: 'POST',
        staff: true,
        json: { passengers: [{ name: 'Hold Person' }], segments: [{ flight_number: flight.flight_number, date: daysFromToday(9) }], hold: true },
      });
      expect(response.status).toBe(201);
      const confirmed = await host.fetch('/bookings', {
        method: 'POST',
        staff: true,
        json: { passengers: [{ name: 'Paid Person' }], segments: [{ flight_number: flight.flight_number, date: daysFromToday(9) }] },
      });
      expect(confirmed.status).toBe(201);
      const created = Date.parse(((await response.json()) as { created_at: string }).created_at);
      const keys: string[] = [];
      for await (const row of markerTable(hub).listEntities()) keys.push(row.rowKey!);
      expect(keys).toHaveLength(1);
      expect(Date.parse(keys[0]!.split('_')[0]!)).toBeLessThanOrEqual(created);
    } finally {
      await host.stop();
    }
  }, 90_000);
});

describe('no function of the deployed app fires more often than once a minute', () => {
  it('the durable stand-in\'s 10 s poller is the local host\'s: nothing the function app loads imports host/', () => {
    const root = path.resolve(__dirname, '../..');
    const sources = ['functions', 'app', 'agents', 'lib'].flatMap((dir) =>
      (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f)),
    );
    expect(sources.length).toBeGreaterThan(50);
    const importing = sources.filter((file) => /(?:from|require\()\s*'(?:\.\.\/)+host\//.test(fs.readFileSync(path.join(root, file), 'utf8')));
    expect(importing).toEqual([]);
  });

  it('timer schedules as the Bicep sets them', () => {
    const bicep = fs.readFileSync(path.resolve(__dirname, '../../infra/modules/functionapp.bicep'), 'utf8');
    const functions = fs.readdirSync(path.resolve(__dirname, '../../functions')).map((f) => fs.readFileSync(path.resolve(__dirname, '../../functions', f), 'utf8'));
    const bound = functions.flatMap((source) => [...source.matchAll(/schedule: '%(\w+)%'/g)].map((m) => m[1]!));
    expect(bound.sort()).toEqual(['CONVERSATION_PURGE_SCHEDULE', 'HOLD_RELEASE_SCHEDULE']);
    for (const name of bound) {
      const schedule = new RegExp(`${name}: '([^']+)'`).exec(bicep)?.[1];
      const [first, second] = new Cron(schedule!).nextRuns(2);
      expect(second!.getTime() - first!.getTime(), name).toBeGreaterThanOrEqual(60_000);
    }
  });
});
