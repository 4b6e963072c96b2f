import * as mssql from 'mssql';
import { parseConnectionString } from './connection';
import { migrations, sql } from './migrations';
import { inRetriedTransaction, withRetry } from './retry';

/** A typed query parameter: every value reaches the server as a parameter, never in the SQL text. */
export interface Param {
  type: mssql.ISqlType | (() => mssql.ISqlType);
  value: unknown;
}

export const param = {
  int: (value: number | null): Param => ({ type: mssql.Int, value }),
  /** Whole-booking money in cents: 9 passengers × 4 segments of large fares can exceed INT. */
  bigint: (value: number | null): Param => ({ type: mssql.BigInt, value }),
  /** ASCII identifiers: codes, references, statuses, seats, keys. */
  code: (value: string | null): Param => ({ type: mssql.VarChar(400), value }),
  /** Text people write (names, titles), Chinese included. */
  text: (value: string | null): Param => ({ type: mssql.NVarChar(4000), value }),
  /** JSON (arrays of ids or terms for OPENJSON, history snapshots). */
  json: (value: unknown): Param => ({ type: mssql.NVarChar(mssql.MAX), value: value === null ? null : JSON.stringify(value) }),
  /** A calendar date YYYY-MM-DD; the server converts it to DATE (ISO form is language-independent). */
  date: (value: string): Param => ({ type: mssql.VarChar(10), value }),
  /** An ISO instant, stored as DATETIME2(3) in UTC. */
  instant: (value: string | null): Param => ({ type: mssql.DateTime2(3), value: value === null ? null : new Date(value) }),
};

export type Params = Record<string, Param>;

export interface Executor {
  query<R = Record<string, unknown>>(statement: string, params?: Params): Promise<{ rows: R[]; rowsAffected: number }>;
}

export interface Db {
  /** One autocommit statement (reads), retried on transient errors. */
  read: Executor['query'];
  /**
   * One READ COMMITTED transaction, retried as a whole on transient errors. READ COMMITTED (with
   * Azure SQL's row-versioned reads) plus explicit UPDLOCK, HOLDLOCK where a read decides a write is
   * enough: capacity, versions, seats and references are guarded by single UPDATEs or unique indexes,
   * so SERIALIZABLE would only add range locks and deadlocks.
   */
  transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function executor(source: mssql.ConnectionPool | mssql.Transaction): Executor {
  return {
    async query<R>(statement: string, params: Params = {}) {
      const request = new mssql.Request(source as mssql.ConnectionPool);
      for (const [name, { type, value }] of Object.entries(params)) request.input(name, type, value);
      const result = await request.query<R>(statement);
      return { rows: (result.recordset ?? []) as R[], rowsAffected: result.rowsAffected.reduce((sum, n) => sum + n, 0) };
    },
  };
}

/** One pool per connection string per process, shared by every store opened on it. */
const pools = new Map<string, Promise<mssql.ConnectionPool>>();

function pool(connectionString: string, config: mssql.config): Promise<mssql.ConnectionPool> {
  let connecting = pools.get(connectionString);
  if (!connecting) {
    const created = new mssql.ConnectionPool(config);
    // Errors also reach the request that hit them; without a listener the process would crash.
    created.on('error', () => undefined);
    connecting = created.connect().catch((error: unknown) => {
      pools.delete(connectionString);
      throw error;
    });
    pools.set(connectionString, connecting);
  }
  return connecting;
}

export function openDb(connectionString: string): Db {
  const config = parseConnectionString(connectionString);
  return {
    async read(statement, params) {
      return withRetry(async () => executor(await pool(connectionString, config)).query(statement, params));
    },
    async transaction(work) {
      return inRetriedTransaction(
        async () => {
          const transaction = new mssql.Transaction(await pool(connectionString, config));
          await transaction.begin(mssql.ISOLATION_LEVEL.READ_COMMITTED);
          return transaction;
        },
        (transaction) => work(executor(transaction)),
      );
    },
    async close() {
      const connecting = pools.get(connectionString);
      pools.delete(connectionString);
      if (connecting) await (await connecting).close();
    },
  };
}

/** The constraint or unique index a duplicate-key error (2601, 2627) names, if it is one. */
export function violatedConstraint(error: unknown): string | undefined {
  const number = (error as { number?: unknown } | null)?.number;
  if (number !== 2601 && number !== 2627) return undefined;
  return /(?:constraint|index) '([^']+)'/i.exec((error as Error).message)?.[1];
}

export async function schemaVersion(db: Db): Promise<number> {
  const { rows } = await db.read<{ version: number }>(sql.schemaVersion);
  return rows[0]?.version ?? 0;
}

/**
 * Applies pending migrations, each in its own transaction under an exclusive application lock
 * (sp_getapplock, owned by the transaction): a second instance starting at the same time waits,
 * then finds the version already recorded.
 */
export async function migrate(db: Db): Promise<{ applied: number[]; version: number }> {
  const applied: number[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ lock_mode: string }>(sql.takeMigrationLock);
      if (rows[0]?.lock_mode !== 'Exclusive') throw new Error('Could not take the schema migration lock within 60 s');
      await tx.query(sql.ensureVersionTable);
      const current = (await tx.query<{ version: number }>(sql.schemaVersion)).rows[0]?.version ?? 0;
      if (current >= migration.version) return false;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query(sql.recordVersion, { version: param.int(migration.version), name: param.text(migration.name) });
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return { applied, version: await schemaVersion(db) };
}
