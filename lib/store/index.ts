import type { Config } from '../config';
import { openMssqlStore } from './mssql';
import { openSqliteStore } from './sqlite';
import type { Store } from './store';

/** Opens the store the configuration names. */
export async function openStore(database: Config['database']): Promise<Store> {
  if (database.kind === 'sqlite') return openSqliteStore(database.path);
  return openMssqlStore(database.connectionString);
}
