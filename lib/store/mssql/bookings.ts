import type { Cabin } from '../../domain/aircraft';
import { inventoryDeltas, seatsHeld, type BookingState } from '../../domain/bookings';
import { bookingsFromRows, cabinColumns, historyFromRow, type BookingRow, type HistoryRow, type PassengerRow, type SeatRow, type SegmentRow } from '../rows';
import {
  DuplicateError,
  HoldLimitError,
  SeatTakenError,
  SoldOutError,
  VersionConflictError,
  type BookingFilter,
  type BookingRepository,
  type BookingStats,
  type IdempotencyClaim,
  type IdempotentReplay,
  type WriteResult,
} from '../store';
import { bookingFilterClause, type BookingFilterDialect } from '../conditions';
import { param, violatedConstraint, type Db, type Executor, type Param, type Params } from './database';

const headerColumns = [
  'title', 'status', 'contact_email', 'contact_phone', 'total_cents', 'hold_expires_at',
  'cancelled_at', 'cancellation_reason', 'fee_cents', 'refund_cents',
] as const;

const inIds = 'IN (SELECT CAST(value AS INT) FROM OPENJSON(@ids))';

/** Takes or releases seats; a take only happens while it stays within the cabin's capacity (one statement, row-locked). */
function moveSeats(capacityColumn: string): string {
  return `UPDATE inventory SET seats_sold = seats_sold + @delta
    WHERE flight_id = @flight AND flight_date = @date AND cabin = @cabin
      AND seats_sold + @delta >= 0
      AND seats_sold + @delta <= (SELECT ${capacityColumn} FROM flights WHERE id = @flight)`;
}

export const sql = {
  bookingsByIds: `SELECT * FROM bookings WHERE id ${inIds}`,
  passengersByBookings: `SELECT * FROM passengers WHERE booking_id ${inIds}`,
  segmentsByBookings: `SELECT * FROM segments WHERE booking_id ${inIds}`,
  seatsByBookings: `SELECT a.segment_id, a.passenger_id, a.seat FROM seat_assignments a JOIN segments s ON s.id = a.segment_id WHERE s.booking_id ${inIds}`,
  /** Inside a write: a concurrent request with the same key waits here, then sees the stored answer. */
  claimIdempotency: 'SELECT request_hash, status_code, booking_id FROM idempotency_keys WITH (UPDLOCK, HOLDLOCK) WHERE idem_key = @key',
  findIdempotency: 'SELECT request_hash, status_code, booking_id FROM idempotency_keys WHERE idem_key = @key',
  rememberIdempotency: 'INSERT INTO idempotency_keys (idem_key, request_hash, status_code, booking_id, created_at) VALUES (@key, @hash, @status, @booking, @now)',
  /** Race-safe insert-if-missing: the key-range lock makes a concurrent first booking wait, not fail. */
  ensureInventory: `INSERT INTO inventory (flight_id, flight_date, cabin, seats_sold)
    SELECT @flight, @date, @cabin, 0
    WHERE NOT EXISTS (SELECT 1 FROM inventory WITH (UPDLOCK, HOLDLOCK) WHERE flight_id = @flight AND flight_date = @date AND cabin = @cabin)`,
  moveSeats: Object.fromEntries(Object.entries(cabinColumns).map(([cabin, columns]) => [cabin, moveSeats(columns.capacity)])) as Record<Cabin, string>,
  deleteSeats: 'DELETE FROM seat_assignments WHERE segment_id IN (SELECT id FROM segments WHERE booking_id = @booking)',
  passengerAt: 'SELECT id FROM passengers WHERE booking_id = @booking AND position = @position',
  updatePassenger: 'UPDATE passengers SET name = @name, search_key = @key, type = @type, email = @email, phone = @phone WHERE id = @id',
  insertPassenger: `INSERT INTO passengers (booking_id, position, name, search_key, type, email, phone) VALUES (@booking, @position, @name, @key, @type, @email, @phone);
    SELECT CAST(SCOPE_IDENTITY() AS INT) AS id`,
  segmentAt: 'SELECT id FROM segments WHERE booking_id = @booking AND position = @position',
  updateSegment: 'UPDATE segments SET flight_id = @flight, flight_date = @date, cabin = @cabin, fare_cents = @fare WHERE id = @id',
  insertSegment: `INSERT INTO segments (booking_id, position, flight_id, flight_date, cabin, fare_cents) VALUES (@booking, @position, @flight, @date, @cabin, @fare);
    SELECT CAST(SCOPE_IDENTITY() AS INT) AS id`,
  insertSeat: 'INSERT INTO seat_assignments (segment_id, passenger_id, flight_id, flight_date, seat) VALUES (@segment, @passenger, @flight, @date, @seat)',
  insertHistory: 'INSERT INTO booking_history (booking_id, at, actor, action, before_json, after_json) VALUES (@booking, @at, @actor, @action, @before, @after)',
  /** The range lock keeps the client's other holds out until this one commits. */
  openHolds: `SELECT COUNT(*) AS n, MIN(hold_expires_at) AS next FROM bookings WITH (UPDLOCK, HOLDLOCK)
    WHERE client_key = @clientKey AND status = 'pending' AND hold_expires_at > @now`,
  setClientKey: 'UPDATE bookings SET client_key = @clientKey WHERE id = @id',
  insertBooking: `INSERT INTO bookings (reference, ${headerColumns.join(', ')}, version, created_by, created_at, updated_at)
    VALUES (@reference, ${headerColumns.map((c) => `@${c}`).join(', ')}, 1, @createdBy, @now, @now);
    SELECT CAST(SCOPE_IDENTITY() AS INT) AS id`,
  updateBooking: `UPDATE bookings SET ${headerColumns.map((c) => `${c} = @${c}`).join(', ')}, version = version + 1, updated_at = @now
    WHERE id = @id AND version = @expectedVersion`,
  idByReference: 'SELECT id FROM bookings WHERE reference = @reference',
  history: 'SELECT * FROM booking_history WHERE booking_id = @id ORDER BY id',
  takenSeats: 'SELECT seat FROM seat_assignments WHERE flight_id = @flight AND flight_date = @date',
  expiredHolds: "SELECT TOP (@limit) id FROM bookings WHERE status = 'pending' AND hold_expires_at <= @now ORDER BY hold_expires_at",
  statusCounts: 'SELECT status, COUNT(*) AS n FROM bookings GROUP BY status',
  routes: `SELECT TOP 20 f.departure_airport, f.arrival_airport, COUNT(DISTINCT s.booking_id) AS bookings
    FROM segments s JOIN flights f ON f.id = s.flight_id JOIN bookings b ON b.id = s.booking_id
    WHERE b.status <> 'cancelled'
    GROUP BY f.departure_airport, f.arrival_airport ORDER BY bookings DESC`,
  loadFactors: `SELECT TOP 20 f.flight_number, CONVERT(CHAR(10), i.flight_date, 23) AS flight_date, i.cabin, i.seats_sold, c.capacity
    FROM inventory i JOIN flights f ON f.id = i.flight_id
    CROSS APPLY (SELECT CASE i.cabin WHEN 'economy' THEN f.economy_capacity WHEN 'business' THEN f.business_capacity ELSE f.first_capacity END AS capacity) c
    WHERE i.seats_sold > 0
    ORDER BY i.seats_sold * 1.0 / NULLIF(c.capacity, 0) DESC, i.flight_date`,
} as const;

const dialect: BookingFilterDialect<Param> = {
  code: param.code,
  date: param.date,
  terms: param.json,
  termsMatch: "EXISTS (SELECT 1 FROM OPENJSON(@terms) t WHERE p.search_key LIKE CONCAT(N'%', t.value, N'%'))",
};

/** The statements list() sends for a filter (exported so the parse test can enumerate every variant). */
export function listStatements(filter: BookingFilter): { select: string; count: string; params: Params } {
  const { sql: where, params } = bookingFilterClause(filter, dialect);
  return {
    select: `SELECT b.id FROM bookings b ${where}
      ORDER BY (SELECT MIN(s.flight_date) FROM segments s WHERE s.booking_id = b.id), b.id
      OFFSET @skip ROWS FETCH NEXT @limit ROWS ONLY`,
    count: `SELECT COUNT(*) AS n FROM bookings b ${where}`,
    params: { ...params, skip: param.int(filter.skip ?? 0), limit: param.int(filter.limit ?? 100) },
  };
}

function header(state: BookingState): Params {
  return {
    title: param.text(state.title),
    status: param.code(state.status),
    contact_email: param.text(state.contact_email),
    contact_phone: param.text(state.contact_phone),
    total_cents: param.bigint(state.total_cents),
    hold_expires_at: param.instant(state.hold_expires_at),
    cancelled_at: param.instant(state.cancelled_at),
    cancellation_reason: param.text(state.cancellation_reason),
    fee_cents: param.bigint(state.fee_cents),
    refund_cents: param.bigint(state.refund_cents),
  };
}

async function load(run: Executor, ids: number[]) {
  if (!ids.length) return [];
  const byIds = { ids: param.json(ids) };
  const rows = (await run.query<BookingRow>(sql.bookingsByIds, byIds)).rows;
  const passengers = (await run.query<PassengerRow>(sql.passengersByBookings, byIds)).rows;
  const segments = (await run.query<SegmentRow>(sql.segmentsByBookings, byIds)).rows;
  const seats = (await run.query<SeatRow>(sql.seatsByBookings, byIds)).rows;
  const byId = new Map(bookingsFromRows(rows, passengers, segments, seats).map((b) => [b.id, b]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function replayFrom(row: { request_hash: string; status_code: number; booking_id: number | null } | undefined): IdempotentReplay | undefined {
  return row && { requestHash: row.request_hash, statusCode: row.status_code, bookingId: row.booking_id };
}

async function claimed(tx: Executor, claim: IdempotencyClaim | undefined): Promise<IdempotentReplay | undefined> {
  if (!claim) return undefined;
  return replayFrom((await tx.query<{ request_hash: string; status_code: number; booking_id: number | null }>(sql.claimIdempotency, { key: param.code(claim.key) })).rows[0]);
}

async function remember(tx: Executor, claim: IdempotencyClaim | undefined, bookingId: number, now: string) {
  if (!claim) return;
  await tx.query(sql.rememberIdempotency, {
    key: param.code(claim.key),
    hash: param.code(claim.requestHash),
    status: param.int(claim.statusCode),
    booking: param.int(bookingId),
    now: param.instant(now),
  });
}

async function moveInventory(tx: Executor, before: BookingState | undefined, after: BookingState) {
  for (const delta of inventoryDeltas(before, after)) {
    const key = { flight: param.int(delta.flight_id), date: param.date(delta.flight_date), cabin: param.code(delta.cabin) };
    await tx.query(sql.ensureInventory, key);
    const { rowsAffected } = await tx.query(sql.moveSeats[delta.cabin], { ...key, delta: param.int(delta.delta) });
    if (rowsAffected !== 1) throw new SoldOutError(delta.flight_id, delta.flight_date, delta.cabin);
  }
}

/** The id of the child row at a position: updated in place when it exists, inserted otherwise. */
async function refuseHoarding(tx: Executor, { clientKey, max }: { clientKey: string; max: number }, now: string) {
  const open = (await tx.query<{ n: number; next: Date | null }>(sql.openHolds, { clientKey: param.code(clientKey), now: param.instant(now) })).rows[0]!;
  if (open.n >= max) throw new HoldLimitError(max, open.next!.toISOString());
}

async function upsertChild(tx: Executor, statements: { at: string; update: string; insert: string }, bookingId: number, position: number, values: Params) {
  const at = { booking: param.int(bookingId), position: param.int(position) };
  const existing = (await tx.query<{ id: number }>(statements.at, at)).rows[0];
  if (existing) {
    await tx.query(statements.update, { ...values, id: param.int(existing.id) });
    return existing.id;
  }
  return (await tx.query<{ id: number }>(statements.insert, { ...at, ...values })).rows[0]!.id;
}

async function writeChildren(tx: Executor, bookingId: number, state: BookingState) {
  await tx.query(sql.deleteSeats, { booking: param.int(bookingId) });
  const passengerIds: number[] = [];
  for (const [i, p] of state.passengers.entries()) {
    passengerIds.push(
      await upsertChild(tx, { at: sql.passengerAt, update: sql.updatePassenger, insert: sql.insertPassenger }, bookingId, i + 1, {
        name: param.text(p.name),
        key: param.text(p.search_key),
        type: param.code(p.type),
        email: param.text(p.email),
        phone: param.text(p.phone),
      }),
    );
  }
  const segmentIds: number[] = [];
  for (const [i, s] of state.segments.entries()) {
    segmentIds.push(
      await upsertChild(tx, { at: sql.segmentAt, update: sql.updateSegment, insert: sql.insertSegment }, bookingId, i + 1, {
        flight: param.int(s.flight_id),
        date: param.date(s.flight_date),
        cabin: param.code(s.cabin),
        fare: param.int(s.fare_cents),
      }),
    );
  }
  for (const hold of seatsHeld(state)) {
    try {
      await tx.query(sql.insertSeat, {
        segment: param.int(segmentIds[hold.segment]!),
        passenger: param.int(passengerIds[hold.passenger]!),
        flight: param.int(hold.flight_id),
        date: param.date(hold.flight_date),
        seat: param.code(hold.seat),
      });
    } catch (error) {
      if (violatedConstraint(error) === 'ux_seat_assignments_seat') throw new SeatTakenError(hold.flight_id, hold.flight_date, hold.seat);
      throw error;
    }
  }
}

async function writeHistory(tx: Executor, bookingId: number, at: string, entry: { actor: string; action: string; before?: unknown; after: unknown }) {
  await tx.query(sql.insertHistory, {
    booking: param.int(bookingId),
    at: param.instant(at),
    actor: param.text(entry.actor),
    action: param.code(entry.action),
    before: param.json(entry.before === undefined ? null : entry.before),
    after: param.json(entry.after),
  });
}

export function mssqlBookings(db: Db): BookingRepository {
  const reads: Executor = { query: db.read };
  return {
    async insert(booking, idempotency): Promise<WriteResult> {
      return db.transaction(async (tx): Promise<WriteResult> => {
        const replay = await claimed(tx, idempotency);
        if (replay) return { kind: 'replay', replay };
        if (booking.holdLimit) await refuseHoarding(tx, booking.holdLimit, booking.now);
        await moveInventory(tx, undefined, booking.state);
        let id: number;
        try {
          id = (
            await tx.query<{ id: number }>(sql.insertBooking, {
              reference: param.code(booking.reference),
              ...header(booking.state),
              createdBy: param.text(booking.createdBy),
              now: param.instant(booking.now),
            })
          ).rows[0]!.id;
        } catch (error) {
          if (violatedConstraint(error) === 'uq_bookings_reference') throw new DuplicateError(`Booking reference ${booking.reference} exists`);
          throw error;
        }
        if (booking.holdLimit) await tx.query(sql.setClientKey, { clientKey: param.code(booking.holdLimit.clientKey), id: param.int(id) });
        await writeChildren(tx, id, booking.state);
        await writeHistory(tx, id, booking.now, booking.history);
        await remember(tx, idempotency, id, booking.now);
        return { kind: 'written', booking: (await load(tx, [id]))[0]! };
      });
    },

    async apply(change, idempotency): Promise<WriteResult> {
      return db.transaction(async (tx): Promise<WriteResult> => {
        const replay = await claimed(tx, idempotency);
        if (replay) return { kind: 'replay', replay };
        const updated = await tx.query(sql.updateBooking, {
          ...header(change.after),
          now: param.instant(change.now),
          id: param.int(change.id),
          expectedVersion: param.int(change.expectedVersion),
        });
        if (updated.rowsAffected !== 1) throw new VersionConflictError(`Booking ${change.id} changed since version ${change.expectedVersion}`);
        await moveInventory(tx, change.before, change.after);
        await writeChildren(tx, change.id, change.after);
        await writeHistory(tx, change.id, change.now, change.history);
        await remember(tx, idempotency, change.id, change.now);
        return { kind: 'written', booking: (await load(tx, [change.id]))[0]! };
      });
    },

    async findIdempotency(key) {
      return replayFrom((await db.read<{ request_hash: string; status_code: number; booking_id: number | null }>(sql.findIdempotency, { key: param.code(key) })).rows[0]);
    },

    async get(id) {
      return (await load(reads, [id]))[0];
    },

    async getByReference(reference) {
      const row = (await db.read<{ id: number }>(sql.idByReference, { reference: param.code(reference) })).rows[0];
      return row ? (await load(reads, [row.id]))[0] : undefined;
    },

    async list(filter) {
      const { select, count, params } = listStatements(filter);
      const ids = (await db.read<{ id: number }>(select, params)).rows.map((row) => row.id);
      const total = (await db.read<{ n: number }>(count, params)).rows[0]!.n;
      return { items: await load(reads, ids), total };
    },

    async history(id) {
      return (await db.read<HistoryRow>(sql.history, { id: param.int(id) })).rows.map(historyFromRow);
    },

    async takenSeats(flightId, date) {
      const { rows } = await db.read<{ seat: string }>(sql.takenSeats, { flight: param.int(flightId), date: param.date(date) });
      return new Set(rows.map((row) => row.seat));
    },

    async expiredHolds(now, limit) {
      const { rows } = await db.read<{ id: number }>(sql.expiredHolds, { now: param.instant(now), limit: param.int(limit) });
      return rows.map((row) => row.id);
    },

    async stats(): Promise<BookingStats> {
      const counts = (await db.read<{ status: string; n: number }>(sql.statusCounts)).rows;
      const count = (status: string) => counts.find((c) => c.status === status)?.n ?? 0;
      return {
        total: counts.reduce((sum, c) => sum + c.n, 0),
        confirmed: count('confirmed'),
        pending: count('pending'),
        cancelled: count('cancelled'),
        routes: (await db.read<BookingStats['routes'][number]>(sql.routes)).rows,
        loadFactors: (await db.read<BookingStats['loadFactors'][number]>(sql.loadFactors)).rows,
      };
    },
  };
}
