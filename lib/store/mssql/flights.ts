import type { Cabin } from '../../domain/aircraft';
import type { SeatsSold } from '../../domain/flights';
import { cabinColumns, flightColumns, flightFromRow, flightValues, weekdayBit, type FlightRow } from '../rows';
import { DuplicateError, type FlightFilter, type FlightRepository, type FlightSortKey } from '../store';
import { Conditions } from '../conditions';
import { param, violatedConstraint, type Db, type Param, type Params } from './database';

export const sql = {
  byId: 'SELECT * FROM flights WHERE id = @id',
  byNumber: 'SELECT * FROM flights WHERE flight_number = @flightNumber',
  insert: `INSERT INTO flights (${flightColumns.join(', ')}, created_at, updated_at)
    VALUES (${flightColumns.map((c) => `@${c}`).join(', ')}, @now, @now);
    SELECT CAST(SCOPE_IDENTITY() AS INT) AS id`,
  insertMissing: `INSERT INTO flights (${flightColumns.join(', ')}, created_at, updated_at)
    SELECT ${flightColumns.map((c) => `@${c}`).join(', ')}, @now, @now
    WHERE NOT EXISTS (SELECT 1 FROM flights WITH (UPDLOCK, HOLDLOCK) WHERE flight_number = @flight_number)`,
  update: `UPDATE flights SET ${flightColumns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`,
  lockForDelete: 'SELECT 1 AS found FROM flights WITH (UPDLOCK, HOLDLOCK) WHERE id = @id',
  /** The range lock keeps new segments of this flight out until the delete commits. */
  anySegment: 'SELECT TOP 1 1 AS found FROM segments WITH (UPDLOCK, HOLDLOCK) WHERE flight_id = @id',
  deleteInventory: 'DELETE FROM inventory WHERE flight_id = @id',
  delete: 'DELETE FROM flights WHERE id = @id',
  seatsSold: `SELECT flight_id, cabin, seats_sold FROM inventory
    WHERE flight_date = @date AND flight_id IN (SELECT CAST(value AS INT) FROM OPENJSON(@ids))`,
  count: 'SELECT COUNT(*) AS n FROM flights',
} as const;

/** The only ORDER BY clauses list() can send; `fare` is a column name from cabinColumns. */
export const flightOrders: Record<FlightSortKey | 'default', (fare: string) => string> = {
  default: () => 'id',
  price: (fare) => `${fare}, departure_time, id`,
  departure_time: () => 'departure_time, id',
  duration: () => 'duration_minutes, departure_time, id',
};

export const page = 'OFFSET @skip ROWS FETCH NEXT @limit ROWS ONLY';

function whereClause(filter: FlightFilter): { where: string; params: Params } {
  const fare = cabinColumns[filter.cabin ?? 'economy'].fare;
  const where = new Conditions<Param>()
    .when(filter.from, 'departure_airport IN (SELECT value FROM OPENJSON(@from))', 'from', param.json)
    .when(filter.to, 'arrival_airport IN (SELECT value FROM OPENJSON(@to))', 'to', param.json)
    .when(filter.airlineCode, 'airline_code = @airline', 'airline', param.code)
    .when(filter.status, 'status = @status', 'status', param.code)
    // The day's bit is set: integer division shifts it to the lowest bit.
    .when(filter.weekday, '(days_mask / @weekdayBit) % 2 = 1', 'weekdayBit', (day) => param.int(weekdayBit(day)))
    .when(filter.departAfter, 'departure_time >= @departAfter', 'departAfter', param.code)
    .when(filter.departBefore, 'departure_time <= @departBefore', 'departBefore', param.code)
    .when(filter.cabin, `${fare} IS NOT NULL AND ${cabinColumns[filter.cabin ?? 'economy'].capacity} > 0`)
    .when(filter.minFareCents, `${fare} >= @minFare`, 'minFare', param.int)
    .when(filter.maxFareCents, `${fare} <= @maxFare`, 'maxFare', param.int);
  return { where: where.sql(), params: where.params };
}

/** The statements list() sends for a filter (exported so the parse test can enumerate every variant). */
export function listStatements(filter: FlightFilter): { select: string; count: string; params: Params } {
  const { where, params } = whereClause(filter);
  const order = flightOrders[filter.sort ?? 'default'](cabinColumns[filter.cabin ?? 'economy'].fare);
  const paged = filter.limit !== undefined;
  return {
    select: `SELECT * FROM flights ${where} ORDER BY ${order}${paged ? ` ${page}` : ''}`,
    count: `SELECT COUNT(*) AS n FROM flights ${where}`,
    params: paged ? { ...params, skip: param.int(filter.skip ?? 0), limit: param.int(filter.limit!) } : params,
  };
}

function flightParams(input: Parameters<typeof flightValues>[0]): Params {
  const values = flightValues(input);
  return Object.fromEntries(
    flightColumns.map((column) => {
      const value = values[column];
      return [column, typeof value === 'string' ? param.code(value) : param.int(value)];
    }),
  );
}

function duplicate(error: unknown, flightNumber: string): unknown {
  return violatedConstraint(error) === 'uq_flights_flight_number' ? new DuplicateError(`Flight ${flightNumber} already exists`) : error;
}

export function mssqlFlights(db: Db): FlightRepository {
  async function get(id: number) {
    const row = (await db.read<FlightRow>(sql.byId, { id: param.int(id) })).rows[0];
    return row && flightFromRow(row);
  }

  return {
    async list(filter) {
      const { select, count, params } = listStatements(filter);
      const rows = (await db.read<FlightRow>(select, params)).rows;
      const total = filter.limit === undefined ? rows.length : (await db.read<{ n: number }>(count, params)).rows[0]!.n;
      return { items: rows.map(flightFromRow), total };
    },

    get,

    async getByNumber(flightNumber) {
      const row = (await db.read<FlightRow>(sql.byNumber, { flightNumber: param.code(flightNumber) })).rows[0];
      return row && flightFromRow(row);
    },

    async create(input, now) {
      try {
        const id = await db.transaction(async (tx) => (await tx.query<{ id: number }>(sql.insert, { ...flightParams(input), now: param.instant(now) })).rows[0]!.id);
        return (await get(id))!;
      } catch (error) {
        throw duplicate(error, input.flight_number);
      }
    },

    async createMissing(inputs, now) {
      return db.transaction(async (tx) => {
        let added = 0;
        for (const input of inputs) added += (await tx.query(sql.insertMissing, { ...flightParams(input), now: param.instant(now) })).rowsAffected;
        return added;
      });
    },

    async update(id, input, now) {
      try {
        const changed = await db.transaction(
          async (tx) => (await tx.query(sql.update, { ...flightParams(input), now: param.instant(now), id: param.int(id) })).rowsAffected,
        );
        return changed ? get(id) : undefined;
      } catch (error) {
        throw duplicate(error, input.flight_number);
      }
    },

    async delete(id) {
      return db.transaction(async (tx) => {
        const byId = { id: param.int(id) };
        if (!(await tx.query(sql.lockForDelete, byId)).rows.length) return 'not_found' as const;
        if ((await tx.query(sql.anySegment, byId)).rows.length) return 'has_bookings' as const;
        await tx.query(sql.deleteInventory, byId);
        await tx.query(sql.delete, byId);
        return 'deleted' as const;
      });
    },

    async seatsSold(keys) {
      const sold = new Map<string, SeatsSold>();
      const byDate = new Map<string, number[]>();
      for (const { flightId, date } of keys) byDate.set(date, [...(byDate.get(date) ?? []), flightId]);
      for (const [date, ids] of byDate) {
        const { rows } = await db.read<{ flight_id: number; cabin: Cabin; seats_sold: number }>(sql.seatsSold, {
          date: param.date(date),
          ids: param.json(ids),
        });
        for (const row of rows) {
          const key = `${row.flight_id}|${date}`;
          sold.set(key, { ...sold.get(key), [row.cabin]: row.seats_sold });
        }
      }
      return sold;
    },

    async count() {
      return (await db.read<{ n: number }>(sql.count)).rows[0]!.n;
    },
  };
}
