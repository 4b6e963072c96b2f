/** One run of the hold-release timer against hold markers: when it opens the database, and which markers it clears. */
import { describe, expect, it } from 'vitest';
import { markerGraceMs, sweepHolds, type HoldMarkers, type HoldSweeper } from '../../lib/bookings/hold-markers';

const now = new Date('2026-12-01T00:00:00.000Z');

function markersWith(state: { any: boolean | 'unreadable'; clearFails?: boolean }) {
  const cleared: string[] = [];
  const markers: HoldMarkers = {
    mark: async () => undefined,
    any: async () => {
      if (state.any === 'unreadable') throw new Error('Table Storage is down');
      return state.any;
    },
    clearBefore: async (before) => {
      if (state.clearFails) throw new Error('Table Storage is down');
      cleared.push(before.toISOString());
    },
  };
  return { markers, cleared };
}

function database(released: number, pending: boolean) {
  const opened: string[] = [];
  const open = async (): Promise<HoldSweeper> => {
    opened.push('opened');
    return { releaseExpiredHolds: async () => released, hasPendingHolds: async () => pending };
  };
  return { open, opened };
}

describe('the hold sweep', () => {
  it('without markers it sweeps every run', async () => {
    const db = database(3, true);
    expect(await sweepHolds(undefined, db.open, () => now)).toBe(3);
    expect(db.opened).toEqual(['opened']);
  });

  it('with no marker it leaves the database alone', async () => {
    const db = database(3, false);
    const { markers, cleared } = markersWith({ any: false });
    expect(await sweepHolds(markers, db.open, () => now)).toBeUndefined();
    expect(db.opened).toEqual([]);
    expect(cleared).toEqual([]);
  });

  it('with a marker it sweeps, then clears the markers older than 10 minutes once nothing is pending', async () => {
    expect(markerGraceMs).toBe(600_000);
    const db = database(2, false);
    const { markers, cleared } = markersWith({ any: true });
    expect(await sweepHolds(markers, db.open, () => now)).toBe(2);
    expect(cleared).toEqual(['2026-11-30T23:50:00.000Z']);
  });

  it('keeps the markers while a hold is still pending', async () => {
    const { markers, cleared } = markersWith({ any: true });
    expect(await sweepHolds(markers, database(0, true).open, () => now)).toBe(0);
    expect(cleared).toEqual([]);
  });

  it('sweeps anyway when the markers cannot be read, and a failed clear costs only a sweep next time', async () => {
    const db = database(1, false);
    expect(await sweepHolds(markersWith({ any: 'unreadable' }).markers, db.open, () => now)).toBe(1);
    expect(db.opened).toEqual(['opened']);
    expect(await sweepHolds(markersWith({ any: true, clearFails: true }).markers, database(4, false).open, () => now)).toBe(4);
  });
});
