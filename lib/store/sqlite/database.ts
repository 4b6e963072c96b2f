import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { busyTimeoutMs } from './faults';
import { migrations } from './migrations';

export type Db = Database.Database;

/** Opens (and creates) the database file with the settings a small OLTP app wants. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged commit survives power loss too (NORMAL in WAL mode may lose the last commits); costs one fsync per commit.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Short: a lock held longer is waited out asynchronously (./faults), so it never freezes the process.
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  return db;
}

export const latestVersion = Math.max(...migrations.map((m) => m.version));

export function schemaVersion(db: Db): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  return row.version ?? 0;
}

/** Applies pending migrations, each in its own transaction (BEGIN IMMEDIATE: one migrator at a time). */
export function migrate(db: Db): { applied: number[]; version: number } {
  const applied: number[] = [];
  for (const migration of migrations) {
    const run = db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      for (const statement of migration.statements) db.exec(statement);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      applied.push(migration.version);
    });
    run.immediate();
  }
  return { applied, version: schemaVersion(db) };
}

/** Prepared statements cached by their SQL text. */
export function statementCache(db: Db): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}

/**
 * `all()` for wide rows on hot paths: the statement returns raw arrays and the objects are built
 * here, which is markedly faster than better-sqlite3 building them itself.
 */
export function rawReader(db: Db): <T>(sql: string, params: Record<string, unknown>) => T[] {
  const cache = new Map<string, { statement: Database.Statement; columns: string[] }>();
  return <T>(sql: string, params: Record<string, unknown>) => {
    let entry = cache.get(sql);
    if (!entry) {
      const statement = db.prepare(sql).raw(true);
      entry = { statement, columns: statement.columns().map((column) => column.name) };
      cache.set(sql, entry);
    }
    const { statement, columns } = entry;
    return (statement.all(params) as unknown[][]).map((values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
      return row as T;
    });
  };
}

export function isUniqueViolation(error: unknown, table: string): boolean {
  return (
    error instanceof Error &&
    (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error.message.includes(`${table}.`)
  );
}
