import type { SeatsSold } from '../../domain/flights';
import type { Cabin } from '../../domain/aircraft';
import { cabinColumns, flightColumns, flightFromRow, flightValues, weekdayBit, type FlightRow } from '../rows';
import { Conditions } from '../conditions';
import { DuplicateError, type FlightFilter, type FlightRepository } from '../store';
import { isUniqueViolation, rawReader, statementCache, type Db } from './database';

const columns = flightColumns;

function whereClause(filter: FlightFilter): { sql: string; params: Record<string, unknown> } {
  const fare = cabinColumns[filter.cabin ?? 'economy'].fare;
  const same = <T>(value: T) => value;
  const where = new Conditions<unknown>()
    .when(filter.from, `departure_airport IN (${placeholders('from', filter.from)})`)
    .when(filter.to, `arrival_airport IN (${placeholders('to', filter.to)})`)
    .when(filter.airlineCode, 'airline_code = @airline', 'airline', same)
    .when(filter.status, 'status = @status', 'status', same)
    .when(filter.weekday, '(days_mask & @weekdayBit) <> 0', 'weekdayBit', weekdayBit)
    .when(filter.departAfter, 'departure_time >= @departAfter', 'departAfter', same)
    .when(filter.departBefore, 'departure_time <= @departBefore', 'departBefore', same)
    .when(filter.cabin, `${fare} IS NOT NULL AND ${cabinColumns[filter.cabin ?? 'economy'].capacity} > 0`)
    .when(filter.minFareCents, `${fare} >= @minFare`, 'minFare', same)
    .when(filter.maxFareCents, `${fare} <= @maxFare`, 'maxFare', same);
  return { sql: where.sql(), params: { ...where.params, ...listParams('from', filter.from), ...listParams('to', filter.to) } };
}

/** `@from0, @from1`: one placeholder per code (a handful of codes plans better than json_each); none matches nothing. */
function placeholders(name: string, values: readonly string[] | undefined): string {
  return values?.length ? values.map((_, i) => `@${name}${i}`).join(', ') : 'NULL';
}

function listParams(name: string, values: readonly string[] | undefined): Record<string, string> {
  return Object.fromEntries((values ?? []).map((value, i) => [`${name}${i}`, value]));
}

function orderBy(filter: FlightFilter): string {
  switch (filter.sort) {
    case 'price':
      return `ORDER BY ${cabinColumns[filter.cabin ?? 'economy'].fare}, departure_time, id`;
    case 'departure_time':
      return 'ORDER BY departure_time, id';
    case 'duration':
      return 'ORDER BY duration_minutes, departure_time, id';
    default:
      return filter.limit === undefined ? '' : 'ORDER BY id';
  }
}

export function sqliteFlights(db: Db): FlightRepository {
  const statement = statementCache(db);
  const readRows = rawReader(db);
  /** Flight writes through this connection: SQLite's data_version counts only other connections' commits. */
  let ownWrites = 0;

  async function get(id: number) {
    const row = statement('SELECT * FROM flights WHERE id = ?').get(id) as FlightRow | undefined;
    return row && flightFromRow(row);
  }

  return {
    async list(filter) {
      const { sql, params } = whereClause(filter);
      const page = filter.limit === undefined ? '' : 'LIMIT @limit OFFSET @skip';
      const rows = readRows<FlightRow>(`SELECT * FROM flights ${sql} ${orderBy(filter)} ${page}`, {
        ...params,
        ...(page ? { limit: filter.limit, skip: filter.skip ?? 0 } : {}),
      });
      const total = page ? (statement(`SELECT COUNT(*) AS n FROM flights ${sql}`).get(params) as { n: number }).n : rows.length;
      return { items: rows.map(flightFromRow), total };
    },

    get,

    async getByNumber(flightNumber) {
      const row = statement('SELECT * FROM flights WHERE flight_number = ?').get(flightNumber) as FlightRow | undefined;
      return row && flightFromRow(row);
    },

    async changeStamp() {
      // A prepared statement: db.pragma() prepares one on every call, a measurable share of a search.
      return `${(statement('PRAGMA data_version').get() as { data_version: number }).data_version}:${ownWrites}`;
    },

    async create(input, now) {
      ownWrites++;
      try {
        const result = statement(
          `INSERT INTO flights (${columns.join(', ')}, created_at, updated_at)
           VALUES (${columns.map((c) => `@${c}`).join(', ')}, @now, @now)`,
        ).run({ ...flightValues(input), now });
        return (await get(Number(result.lastInsertRowid)))!;
      } catch (error) {
        if (isUniqueViolation(error, 'flights')) throw new DuplicateError(`Flight ${input.flight_number} already exists`);
        throw error;
      }
    },

    async createMissing(inputs, now) {
      ownWrites++;
      const insert = statement(
        `INSERT INTO flights (${columns.join(', ')}, created_at, updated_at)
         VALUES (${columns.map((c) => `@${c}`).join(', ')}, @now, @now) ON CONFLICT (flight_number) DO NOTHING`,
      );
      return db.transaction(() => inputs.reduce((added, input) => added + insert.run({ ...flightValues(input), now }).changes, 0)).immediate();
    },

    async update(id, input, now) {
      ownWrites++;
      try {
        const result = statement(
          `UPDATE flights SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`,
        ).run({ ...flightValues(input), now, id });
        return result.changes ? get(id) : undefined;
      } catch (error) {
        if (isUniqueViolation(error, 'flights')) throw new DuplicateError(`Flight ${input.flight_number} already exists`);
        throw error;
      }
    },

    async delete(id) {
      ownWrites++;
      return db.transaction(() => {
        if (!statement('SELECT 1 FROM flights WHERE id = ?').get(id)) return 'not_found' as const;
        if (statement('SELECT 1 FROM segments WHERE flight_id = ? LIMIT 1').get(id)) return 'has_bookings' as const;
        statement('DELETE FROM inventory WHERE flight_id = ?').run(id);
        statement('DELETE FROM flights WHERE id = ?').run(id);
        return 'deleted' as const;
      }).immediate();
    },

    async seatsSold(keys) {
      const sold = new Map<string, SeatsSold>();
      const byDate = new Map<string, number[]>();
      for (const { flightId, date } of keys) byDate.set(date, [...(byDate.get(date) ?? []), flightId]);
      for (const [date, ids] of byDate) {
        const rows = statement(
          'SELECT flight_id, cabin, seats_sold FROM inventory WHERE flight_date = @date AND flight_id IN (SELECT value FROM json_each(@ids))',
        ).all({ date, ids: JSON.stringify(ids) }) as { flight_id: number; cabin: Cabin; seats_sold: number }[];
        for (const row of rows) {
          const key = `${row.flight_id}|${date}`;
          sold.set(key, { ...sold.get(key), [row.cabin]: row.seats_sold });
        }
      }
      return sold;
    },

    async count() {
      return (statement('SELECT COUNT(*) AS n FROM flights').get() as { n: number }).n;
    },
  };
}
