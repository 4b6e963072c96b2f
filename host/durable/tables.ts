/** The orchestration tables: the shared Table Storage helpers, and the task hub's naming rule. */
export * from '../../lib/tables/client';

/** Table names are 3-63 letters and digits, starting with a letter. */
export function checkTaskHub(hub: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]{2,44}$/.test(hub)) throw new Error(`Task hub "${hub}" must be 3-45 letters and digits, starting with a letter`);
  return hub;
}
