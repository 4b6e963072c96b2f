import type { Config } from '../config';
import type { Store } from './store';

/** Opens the store the configuration names; only that store's driver is loaded (mssql alone takes ~0.4 s). */
export async function openStore(database: Config['database']): Promise<Store> {
  if (database.kind === 'sqlite') return (require('./sqlite') as typeof import('./sqlite')).openSqliteStore(database.path);
  return (require('./mssql') as typeof import('./mssql')).openMssqlStore(database.connectionString);
}
