import { inventoryDeltas, seatsHeld, type BookingState } from '../../domain/bookings';
import { bookingsFromRows, cabinColumns, historyFromRow, type BookingRow, type HistoryRow, type PassengerRow, type SeatRow, type SegmentRow } from '../rows';
import {
  DuplicateError,
  HoldLimitError,
  SeatTakenError,
  SoldOutError,
  VersionConflictError,
  type BookingRepository,
  type IdempotencyClaim,
  type IdempotentReplay,
  type WriteResult,
} from '../store';
import { bookingFilterClause, type BookingFilterDialect } from '../conditions';
import { isUniqueViolation, statementCache, type Db } from './database';

const dialect: BookingFilterDialect<unknown> = {
  code: (value) => value,
  date: (value) => value,
  terms: (values) => JSON.stringify(values),
  termsMatch: "EXISTS (SELECT 1 FROM json_each(@terms) t WHERE p.search_key LIKE '%' || t.value || '%')",
};

export function sqliteBookings(db: Db): BookingRepository {
  const statement = statementCache(db);

  function load(ids: number[]) {
    if (!ids.length) return [];
    const json = JSON.stringify(ids);
    const inIds = 'IN (SELECT value FROM json_each(?))';
    const rows = statement(`SELECT * FROM bookings WHERE id ${inIds}`).all(json) as BookingRow[];
    const passengers = statement(`SELECT * FROM passengers WHERE booking_id ${inIds}`).all(json) as PassengerRow[];
    const segments = statement(`SELECT * FROM segments WHERE booking_id ${inIds}`).all(json) as SegmentRow[];
    const seats = statement(
      `SELECT a.segment_id, a.passenger_id, a.seat FROM seat_assignments a JOIN segments s ON s.id = a.segment_id WHERE s.booking_id ${inIds}`,
    ).all(json) as SeatRow[];
    const byId = new Map(bookingsFromRows(rows, passengers, segments, seats).map((b) => [b.id, b]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  function replayOf(claim: IdempotencyClaim | undefined): IdempotentReplay | undefined {
    if (!claim) return undefined;
    const row = statement('SELECT request_hash, status_code, booking_id FROM idempotency_keys WHERE idem_key = ?').get(claim.key) as
      | { request_hash: string; status_code: number; booking_id: number | null }
      | undefined;
    return row && { requestHash: row.request_hash, statusCode: row.status_code, bookingId: row.booking_id };
  }

  function remember(claim: IdempotencyClaim | undefined, bookingId: number, now: string) {
    if (!claim) return;
    statement('INSERT INTO idempotency_keys (idem_key, request_hash, status_code, booking_id, created_at) VALUES (?, ?, ?, ?, ?)').run(
      claim.key,
      claim.requestHash,
      claim.statusCode,
      bookingId,
      now,
    );
  }

  /** Moves seats sold; a take only happens while it stays within the cabin's capacity. */
  function moveInventory(before: BookingState | undefined, after: BookingState) {
    for (const delta of inventoryDeltas(before, after)) {
      statement('INSERT INTO inventory (flight_id, flight_date, cabin, seats_sold) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING').run(
        delta.flight_id,
        delta.flight_date,
        delta.cabin,
      );
      const capacity = cabinColumns[delta.cabin].capacity;
      const result = statement(
        `UPDATE inventory SET seats_sold = seats_sold + @delta
         WHERE flight_id = @flight AND flight_date = @date AND cabin = @cabin
           AND seats_sold + @delta >= 0
           AND seats_sold + @delta <= (SELECT ${capacity} FROM flights WHERE id = @flight)`,
      ).run({ delta: delta.delta, flight: delta.flight_id, date: delta.flight_date, cabin: delta.cabin });
      if (result.changes !== 1) throw new SoldOutError(delta.flight_id, delta.flight_date, delta.cabin);
    }
  }

  function writeChildren(bookingId: number, state: BookingState) {
    statement('DELETE FROM seat_assignments WHERE segment_id IN (SELECT id FROM segments WHERE booking_id = ?)').run(bookingId);
    const passengerIds = state.passengers.map((p, i) => {
      const existing = statement('SELECT id FROM passengers WHERE booking_id = ? AND position = ?').get(bookingId, i + 1) as { id: number } | undefined;
      const values = { booking: bookingId, position: i + 1, name: p.name, key: p.search_key, type: p.type, email: p.email, phone: p.phone };
      if (existing) {
        statement('UPDATE passengers SET name = @name, search_key = @key, type = @type, email = @email, phone = @phone WHERE id = @id').run({ ...values, id: existing.id });
        return existing.id;
      }
      return Number(
        statement('INSERT INTO passengers (booking_id, position, name, search_key, type, email, phone) VALUES (@booking, @position, @name, @key, @type, @email, @phone)').run(values).lastInsertRowid,
      );
    });
    const segmentIds = state.segments.map((s, i) => {
      const existing = statement('SELECT id FROM segments WHERE booking_id = ? AND position = ?').get(bookingId, i + 1) as { id: number } | undefined;
      const values = { booking: bookingId, position: i + 1, flight: s.flight_id, date: s.flight_date, cabin: s.cabin, fare: s.fare_cents };
      if (existing) {
        statement('UPDATE segments SET flight_id = @flight, flight_date = @date, cabin = @cabin, fare_cents = @fare WHERE id = @id').run({ ...values, id: existing.id });
        return existing.id;
      }
      return Number(
        statement('INSERT INTO segments (booking_id, position, flight_id, flight_date, cabin, fare_cents) VALUES (@booking, @position, @flight, @date, @cabin, @fare)').run(values).lastInsertRowid,
      );
    });
    for (const hold of seatsHeld(state)) {
      try {
        statement('INSERT INTO seat_assignments (segment_id, passenger_id, flight_id, flight_date, seat) VALUES (?, ?, ?, ?, ?)').run(
          segmentIds[hold.segment],
          passengerIds[hold.passenger],
          hold.flight_id,
          hold.flight_date,
          hold.seat,
        );
      } catch (error) {
        if (isUniqueViolation(error, 'seat_assignments')) throw new SeatTakenError(hold.flight_id, hold.flight_date, hold.seat);
        throw error;
      }
    }
  }

  function writeHistory(bookingId: number, at: string, entry: { actor: string; action: string; before?: unknown; after: unknown }) {
    statement('INSERT INTO booking_history (booking_id, at, actor, action, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)').run(
      bookingId,
      at,
      entry.actor,
      entry.action,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      JSON.stringify(entry.after),
    );
  }

  const headerColumns = [
    'title', 'status', 'contact_email', 'contact_phone', 'total_cents', 'hold_expires_at',
    'cancelled_at', 'cancellation_reason', 'fee_cents', 'refund_cents',
  ] as const;

  function header(state: BookingState) {
    return Object.fromEntries(headerColumns.map((column) => [column, state[column]]));
  }

  /** Inside the write transaction, so two holds of one client cannot both take the last place. */
  function refuseHoarding({ clientKey, max }: { clientKey: string; max: number }, now: string) {
    const open = statement(
      "SELECT COUNT(*) AS n, MIN(hold_expires_at) AS next FROM bookings WHERE client_key = ? AND status = 'pending' AND hold_expires_at > ?",
    ).get(clientKey, now) as { n: number; next: string | null };
    if (open.n >= max) throw new HoldLimitError(max, open.next!);
  }

  return {
    async insert(booking, idempotency): Promise<WriteResult> {
      return db.transaction((): WriteResult => {
        const replay = replayOf(idempotency);
        if (replay) return { kind: 'replay', replay };
        if (booking.holdLimit) refuseHoarding(booking.holdLimit, booking.now);
        moveInventory(undefined, booking.state);
        let id: number;
        try {
          id = Number(
            statement(
              `INSERT INTO bookings (reference, ${headerColumns.join(', ')}, version, created_by, created_at, updated_at)
               VALUES (@reference, ${headerColumns.map((c) => `@${c}`).join(', ')}, 1, @createdBy, @now, @now)`,
            ).run({ reference: booking.reference, ...header(booking.state), createdBy: booking.createdBy, now: booking.now }).lastInsertRowid,
          );
        } catch (error) {
          if (isUniqueViolation(error, 'bookings')) throw new DuplicateError(`Booking reference ${booking.reference} exists`);
          throw error;
        }
        if (booking.holdLimit) statement('UPDATE bookings SET client_key = ? WHERE id = ?').run(booking.holdLimit.clientKey, id);
        writeChildren(id, booking.state);
        writeHistory(id, booking.now, booking.history);
        remember(idempotency, id, booking.now);
        return { kind: 'written', booking: load([id])[0]! };
      }).immediate();
    },

    async apply(change, idempotency): Promise<WriteResult> {
      return db.transaction((): WriteResult => {
        const replay = replayOf(idempotency);
        if (replay) return { kind: 'replay', replay };
        const updated = statement(
          `UPDATE bookings SET ${headerColumns.map((c) => `${c} = @${c}`).join(', ')}, version = version + 1, updated_at = @now
           WHERE id = @id AND version = @expectedVersion`,
        ).run({ ...header(change.after), now: change.now, id: change.id, expectedVersion: change.expectedVersion });
        if (updated.changes !== 1) throw new VersionConflictError(`Booking ${change.id} changed since version ${change.expectedVersion}`);
        moveInventory(change.before, change.after);
        writeChildren(change.id, change.after);
        writeHistory(change.id, change.now, change.history);
        remember(idempotency, change.id, change.now);
        return { kind: 'written', booking: load([change.id])[0]! };
      }).immediate();
    },

    async findIdempotency(key) {
      return replayOf({ key, requestHash: '', statusCode: 0 });
    },

    async get(id) {
      return load([id])[0];
    },

    async getByReference(reference) {
      const row = statement('SELECT id FROM bookings WHERE reference = ?').get(reference) as { id: number } | undefined;
      return row ? load([row.id])[0] : undefined;
    },

    async list(filter) {
      const { sql, params } = bookingFilterClause(filter, dialect);
      const ids = statement(
        `SELECT b.id FROM bookings b ${sql}
         ORDER BY (SELECT MIN(s.flight_date) FROM segments s WHERE s.booking_id = b.id), b.id
         LIMIT @limit OFFSET @skip`,
      ).all({ ...params, limit: filter.limit ?? 100, skip: filter.skip ?? 0 }) as { id: number }[];
      const total = (statement(`SELECT COUNT(*) AS n FROM bookings b ${sql}`).get(params) as { n: number }).n;
      return { items: load(ids.map((row) => row.id)), total };
    },

    async history(id) {
      return (statement('SELECT * FROM booking_history WHERE booking_id = ? ORDER BY id').all(id) as HistoryRow[]).map(historyFromRow);
    },

    async takenSeats(flightId, date) {
      const rows = statement('SELECT seat FROM seat_assignments WHERE flight_id = ? AND flight_date = ?').all(flightId, date) as { seat: string }[];
      return new Set(rows.map((row) => row.seat));
    },

    async expiredHolds(now, limit) {
      const rows = statement("SELECT id FROM bookings WHERE status = 'pending' AND hold_expires_at <= ? ORDER BY hold_expires_at LIMIT ?").all(now, limit) as { id: number }[];
      return rows.map((row) => row.id);
    },

    async stats() {
      const counts = statement('SELECT status, COUNT(*) AS n FROM bookings GROUP BY status').all() as { status: string; n: number }[];
      const count = (status: string) => counts.find((c) => c.status === status)?.n ?? 0;
      const routes = statement(
        `SELECT f.departure_airport, f.arrival_airport, COUNT(DISTINCT s.booking_id) AS bookings
         FROM segments s JOIN flights f ON f.id = s.flight_id JOIN bookings b ON b.id = s.booking_id
         WHERE b.status <> 'cancelled'
         GROUP BY f.departure_airport, f.arrival_airport ORDER BY bookings DESC LIMIT 20`,
      ).all() as { departure_airport: string; arrival_airport: string; bookings: number }[];
      const loadFactors = statement(
        `SELECT f.flight_number, i.flight_date, i.cabin, i.seats_sold,
                CASE i.cabin WHEN 'economy' THEN f.economy_capacity WHEN 'business' THEN f.business_capacity ELSE f.first_capacity END AS capacity
         FROM inventory i JOIN flights f ON f.id = i.flight_id
         WHERE i.seats_sold > 0
         ORDER BY i.seats_sold * 1.0 / capacity DESC, i.flight_date LIMIT 20`,
      ).all() as BookingStatsLoad[];
      return {
        total: counts.reduce((sum, c) => sum + c.n, 0),
        confirmed: count('confirmed'),
        pending: count('pending'),
        cancelled: count('cancelled'),
        routes,
        loadFactors,
      };
    },
  };
}

type BookingStatsLoad = Awaited<ReturnType<BookingRepository['stats']>>['loadFactors'][number];
