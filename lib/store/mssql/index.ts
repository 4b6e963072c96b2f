import type { Store } from '../store';

export async function openMssqlStore(_connectionString: string): Promise<Store> {
  throw new Error('The Azure SQL store is not built yet (issue 7)');
}
