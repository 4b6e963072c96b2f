/**
 * Whether any booking hold may be open, known without the database: every hold leaves a marker in Table
 * Storage before it is written, and the hold sweeper clears the markers once no hold is pending. The
 * hold-release timer asks the database only while markers exist, so an idle app never touches Azure SQL
 * and the serverless database can auto-pause (a query every minute would keep it online around the clock).
 */
import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { odata } from '../tables/client';

export interface HoldMarkers {
  /** Notes a hold about to be written (before it is: a hold never exists unmarked). */
  mark(at: Date): Promise<void>;
  /** Whether any marker exists. */
  any(): Promise<boolean>;
  /** Removes the markers made before `before`. */
  clearBefore(before: Date): Promise<void>;
}

const partitionKey = 'hold';

export function tableHoldMarkers(table: TableClient): HoldMarkers {
  return {
    async mark(at) {
      await table.createEntity({ partitionKey, rowKey: `${at.toISOString()}_${randomUUID()}` });
    },
    async any() {
      for await (const _ of table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey'] } })) return true;
      return false;
    },
    async clearBefore(before) {
      const rows = table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and RowKey lt ${before.toISOString()}`, select: ['RowKey'] } });
      for await (const row of rows) await table.deleteEntity(partitionKey, row.rowKey!);
    },
  };
}

/**
 * A hold's marker is written before its booking, so a marker may precede a hold the sweep cannot see yet;
 * markers younger than this (longer than any request can take to write its booking) are kept.
 */
export const markerGraceMs = 10 * 60_000;

export interface HoldSweeper {
  releaseExpiredHolds(): Promise<number>;
  hasPendingHolds(): Promise<boolean>;
}

/**
 * One run of the hold-release timer. Without markers (no Table Storage configured) it sweeps every run.
 * With markers it opens the database (`bookings()`) only while a marker exists; when Table Storage cannot
 * be read it sweeps anyway (held seats matter more than an idle database). Resolves with the number of
 * holds released, or undefined when the database was not asked.
 */
export async function sweepHolds(markers: HoldMarkers | undefined, bookings: () => Promise<HoldSweeper>, now: () => Date): Promise<number | undefined> {
  const started = now();
  if (markers && !(await markers.any().catch(() => true))) return undefined;
  const sweeper = await bookings();
  const released = await sweeper.releaseExpiredHolds();
  // Markers left uncleared only make the next run sweep again.
  if (markers && !(await sweeper.hasPendingHolds())) await markers.clearBefore(new Date(started.getTime() - markerGraceMs)).catch(() => undefined);
  return released;
}
