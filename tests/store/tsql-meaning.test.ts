import { Parser } from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import type { BookingState } from '../../lib/domain/bookings';
import { mssqlBookings, sql } from '../../lib/store/mssql/bookings';
import type { Db, Executor, Params } from '../../lib/store/mssql/database';
import { migrations } from '../../lib/store/mssql/migrations';
import { inRetriedTransaction } from '../../lib/store/mssql/retry';
import { SeatTakenError, SoldOutError } from '../../lib/store/store';

/**
 * What the Azure SQL store's guarantee-carrying statements mean, read from their parsed T-SQL (no
 * server here): the capacity guard of the inventory UPDATE, the unique seat index, the idempotency
 * key's uniqueness, and one transaction around every booking write. Removing or weakening one fails
 * a test; `tsql-parse.test.ts` only checks that statements parse. The live contract suite
 * (`contract.test.ts`, AZURE_SQL_TEST_CONNECTION_STRING) is what shows a server accepts them.
 */
type Node = Record<string, any>;
const parser = new Parser();
const astOf = (statement: string): Node => {
  const ast = parser.astify(statement, { database: 'transactsql' });
  return (Array.isArray(ast) ? ast[0] : ast) as Node;
};

const mirrored: Record<string, string> = { '>=': '<=', '>': '<', '<=': '>=', '<': '>', '=': '=' };

/** An expression in one canonical spelling: operands of + and = sorted, `a >= b` written `b <= a`, subqueries in full. */
function render(node: Node): string {
  switch (node.type) {
    case 'column_ref':
      return node.table ? `${node.table}.${node.column}` : String(node.column);
    case 'number':
      return String(node.value);
    case 'single_quote_string':
      return `'${node.value}'`;
    case 'binary_expr': {
      let [left, right, op] = [render(node.left), render(node.right), String(node.operator)];
      if (op === '+' || op === '=' || op === 'AND' || op === 'OR') [left, right] = [left, right].sort() as [string, string];
      if (op === '>=' || op === '>') [left, right, op] = [right, left, mirrored[op]!];
      return `(${left} ${op} ${right})`;
    }
    case 'select':
      return `(SELECT ${node.columns.map((c: Node) => render(c.expr)).join(', ')} FROM ${node.from.map((f: Node) => f.table).join(', ')}${node.where ? ` WHERE ${render(node.where)}` : ''})`;
    default:
      if (node.ast) return render(node.ast);
      throw new Error(`render: unhandled ${JSON.stringify(node).slice(0, 200)}`);
  }
}

/** The conditions ANDed at the top of a WHERE: each must hold for a row to change. */
function conjuncts(where: Node | null): string[] {
  if (!where) return [];
  if (where.type === 'binary_expr' && where.operator === 'AND') return [...conjuncts(where.left), ...conjuncts(where.right)];
  return [render(where)];
}

const migrationStatements = migrations.flatMap((m) => m.statements);
/** The CREATE statements of the migrations naming this index or table (REFERENCES clauses, which the grammar cannot read, removed as in tsql-parse.test.ts). */
const created = (keyword: 'index' | 'table', name: string) =>
  migrationStatements
    .filter((s) => new RegExp(keyword === 'index' ? `^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s+${name}\\b` : `^\\s*CREATE\\s+TABLE\\s+${name}\\s*\\(`, 'i').test(s))
    .map((s) => astOf(s.replace(/ REFERENCES [a-z_]+ \([a-z_]+\)/g, '')));

describe('the inventory UPDATE takes seats only within capacity', () => {
  // Written out by hand, not read from the store's own column table.
  const capacityColumn = { economy: 'economy_capacity', business: 'business_capacity', first: 'first_capacity' } as const;

  it.each(Object.entries(capacityColumn))('%s: seats_sold + n <= that cabin’s capacity, and never below zero, on exactly one inventory row', (cabin, column) => {
    const ast = astOf(sql.moveSeats[cabin as keyof typeof capacityColumn]);
    expect(ast.type).toBe('update');
    expect(ast.table.map((t: Node) => t.table)).toEqual(['inventory']);
    expect(ast.set.map((s: Node) => `${s.column} = ${render(s.value)}`)).toEqual(['seats_sold = (@delta + seats_sold)']);
    expect(conjuncts(ast.where).sort()).toEqual(
      [
        '(@flight = flight_id)',
        '(@date = flight_date)',
        '(@cabin = cabin)',
        '(0 <= (@delta + seats_sold))',
        `((@delta + seats_sold) <= (SELECT ${column} FROM flights WHERE (@flight = id)))`,
      ].sort(),
    );
  });

  it('the canonical form reads equivalent spellings alike, and a weakened guard differently', () => {
    const where = (condition: string) => conjuncts(astOf(`UPDATE inventory SET seats_sold = seats_sold + @delta WHERE ${condition}`).where);
    expect(where('(SELECT c FROM flights WHERE id = @flight) >= @delta + seats_sold')).toEqual(where('seats_sold + @delta <= (SELECT c FROM flights WHERE id = @flight)'));
    expect(where('seats_sold + @delta < (SELECT c FROM flights WHERE id = @flight)')).not.toEqual(where('seats_sold + @delta <= (SELECT c FROM flights WHERE id = @flight)'));
    expect(where('flight_id = @flight AND (seats_sold + @delta <= 10 OR 1 = 1)')).not.toContain('((@delta + seats_sold) <= 10)');
  });
});

describe('uniqueness the schema enforces', () => {
  it('one passenger per seat per flight and date: a unique index on seat_assignments (flight_id, flight_date, seat), never dropped', () => {
    const [index] = created('index', 'ux_seat_assignments_seat');
    expect(index, 'CREATE UNIQUE INDEX ux_seat_assignments_seat').toBeDefined();
    expect(index!.index_type).toBe('unique');
    expect(index!.table.table).toBe('seat_assignments');
    expect(index!.index_columns.map((c: Node) => c.column)).toEqual(['flight_id', 'flight_date', 'seat']);
    expect(index!.where, 'a filtered index would leave some seats unguarded').toBeNull();
    expect(migrationStatements.filter((s) => /DROP\s+INDEX\s+ux_seat_assignments_seat/i.test(s))).toEqual([]);
    const insert = astOf(sql.insertSeat);
    expect(insert.table[0].table).toBe('seat_assignments');
    expect(insert.columns).toEqual(expect.arrayContaining(['flight_id', 'flight_date', 'seat']));
  });

  it('one answer per idempotency key: idem_key is the primary key, read under UPDLOCK, HOLDLOCK before a write', () => {
    const [table] = created('table', 'idempotency_keys');
    const keys = table!.create_definitions.filter((d: Node) => d.resource === 'constraint' && ['primary key', 'unique', 'unique key'].includes(d.constraint_type));
    expect(keys.map((k: Node) => k.definition.map((c: Node) => c.column))).toEqual([['idem_key']]);
    const claim = astOf(sql.claimIdempotency);
    expect(claim.from[0].table).toBe('idempotency_keys');
    expect(claim.from[0].table_hint.expr.map((h: Node) => h.expr.value)).toEqual(['UPDLOCK', 'HOLDLOCK']);
    expect(conjuncts(claim.where)).toEqual(['(@key = idem_key)']);
    expect(astOf(sql.rememberIdempotency).columns).toContain('idem_key');
  });

  it('one booking per reference: a unique constraint on bookings (reference)', () => {
    const [table] = created('table', 'bookings');
    const unique = table!.create_definitions.filter((d: Node) => d.resource === 'constraint' && d.constraint_type?.startsWith('unique'));
    expect(unique.map((k: Node) => [k.constraint, k.definition.map((c: Node) => c.column)])).toContainEqual(['uq_bookings_reference', ['reference']]);
  });
});

/** A Db whose transactions run the store's real inRetriedTransaction over a handle that records BEGIN/COMMIT/ROLLBACK, answering statements as scripted. */
function recordingDb(answer: (statement: string, params: Params) => { rows?: unknown[]; rowsAffected?: number }) {
  const log: string[] = [];
  const run = (where: string): Executor => ({
    async query<R>(statement: string, params: Params = {}) {
      log.push(`${where}: ${statement.replace(/\s+/g, ' ').trim()}`);
      const { rows = [], rowsAffected = rows.length } = answer(statement, params);
      return { rows: rows as R[], rowsAffected };
    },
  });
  const db: Db = {
    read: run('autocommit').query,
    async transaction(work) {
      return inRetriedTransaction(
        async () => {
          log.push('BEGIN');
          return { commit: async () => void log.push('COMMIT'), rollback: async () => void log.push('ROLLBACK') };
        },
        () => work(run('tx')),
      );
    },
    async close() {},
  };
  return { db, log };
}

const state: BookingState = {
  title: 'Zhang San PEK→SHA',
  status: 'confirmed',
  contact_email: null,
  contact_phone: null,
  total_cents: 68_000,
  hold_expires_at: null,
  cancelled_at: null,
  cancellation_reason: null,
  fee_cents: null,
  refund_cents: null,
  passengers: [{ name: '张三', search_key: 'zhang san', type: 'adult', email: null, phone: null }],
  segments: [{ flight_id: 7, flight_date: '2030-05-01', cabin: 'economy', fare_cents: 68_000, seats: ['12A'] }],
};
const newBooking = { reference: 'K7Q2MX', state, createdBy: 'staff', now: '2030-04-01T08:00:00.000Z', history: { actor: 'staff', action: 'create', after: {} } };
const claim = { key: 'trip-42', requestHash: 'h', statusCode: 201 };

const writes = (log: string[]) => log.filter((line) => /: (INSERT|UPDATE|DELETE)\b/.test(line));
const ok = (statement: string) => {
  if (statement === sql.insertBooking) return { rows: [{ id: 41 }] };
  if (statement === sql.insertPassenger || statement === sql.insertSegment) return { rows: [{ id: 5 }] };
  if (statement.startsWith('UPDATE inventory')) return { rowsAffected: 1 };
  return {};
};

describe('a booking is written in one transaction', () => {
  it('every write of a new booking (seats, booking, passengers, segments, seat, history, idempotency key) runs between BEGIN and COMMIT', async () => {
    const { db, log } = recordingDb(ok);
    await mssqlBookings(db).insert(newBooking, claim);
    expect(log[0]).toBe('BEGIN');
    expect(log.at(-1)).toBe('COMMIT');
    expect(log.filter((line) => line === 'BEGIN' || line === 'COMMIT')).toEqual(['BEGIN', 'COMMIT']);
    expect(log.filter((line) => line.startsWith('autocommit'))).toEqual([]);
    const tables = writes(log).map((line) => /(?:INSERT INTO|UPDATE|DELETE FROM) (\w+)/.exec(line)![1]);
    expect(tables).toEqual(['inventory', 'inventory', 'bookings', 'seat_assignments', 'passengers', 'segments', 'seat_assignments', 'booking_history', 'idempotency_keys']);
    // The key is claimed before anything is written, so a concurrent retry waits for this answer.
    expect(log.findIndex((line) => line.includes('FROM idempotency_keys WITH (UPDLOCK, HOLDLOCK)'))).toBeLessThan(log.findIndex((line) => line.includes('UPDATE inventory')));
  });

  it('when the capacity guard matches no row the booking is refused as sold out and the transaction rolled back before the booking row', async () => {
    const { db, log } = recordingDb((statement) => (statement.startsWith('UPDATE inventory') ? { rowsAffected: 0 } : ok(statement)));
    await expect(mssqlBookings(db).insert(newBooking, claim)).rejects.toBeInstanceOf(SoldOutError);
    expect(log.at(-1)).toBe('ROLLBACK');
    expect(log).not.toContain('COMMIT');
    expect(writes(log).some((line) => line.includes('INSERT INTO bookings'))).toBe(false);
  });

  it('a seat the unique index refuses becomes SeatTakenError and a rollback', async () => {
    const duplicate = Object.assign(new Error("Cannot insert duplicate key row in object 'dbo.seat_assignments' with unique index 'ux_seat_assignments_seat'."), { number: 2601 });
    const { db, log } = recordingDb((statement) => {
      if (statement === sql.insertSeat) throw duplicate;
      return ok(statement);
    });
    await expect(mssqlBookings(db).insert(newBooking)).rejects.toBeInstanceOf(SeatTakenError);
    expect(log.at(-1)).toBe('ROLLBACK');
    expect(log).not.toContain('COMMIT');
  });

  it('a change is one transaction too: the version-checked UPDATE first, then seats, history and key', async () => {
    const { db, log } = recordingDb((statement) => (statement === sql.updateBooking ? { rowsAffected: 1 } : ok(statement)));
    const after = { ...state, status: 'cancelled' as const, cancelled_at: '2030-04-02T08:00:00.000Z' };
    await mssqlBookings(db).apply({ id: 41, expectedVersion: 3, before: state, after, now: after.cancelled_at, history: { actor: 'staff', action: 'cancel', before: {}, after: {} } }, claim);
    expect([log[0], log.at(-1)]).toEqual(['BEGIN', 'COMMIT']);
    expect(writes(log)[0]).toMatch(/^tx: UPDATE bookings SET .* WHERE id = @id AND version = @expectedVersion$/);
    expect(writes(log).map((line) => /(?:INSERT INTO|UPDATE|DELETE FROM) (\w+)/.exec(line)![1])).toEqual(['bookings', 'inventory', 'inventory', 'seat_assignments', 'passengers', 'segments', 'booking_history', 'idempotency_keys']);
  });
});
