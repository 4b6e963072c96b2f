import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where the local host keeps its generated key, as the Functions host keeps its keys in storage. */
export function functionKeyFile(dataDir: string): string {
  return path.join(dataDir, 'secrets', 'function-key');
}

/**
 * The function key of a host that has none configured: created on the first start (readable by
 * its owner only), the same one on every later start, so clients configured with it keep working.
 */
export function persistentFunctionKey(dataDir: string): { key: string; file: string; created: boolean } {
  const file = functionKeyFile(dataDir);
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
  if (existing) return { key: existing, file, created: false };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(24).toString('base64url');
  // Written aside then renamed: a crash mid-write never leaves an empty or partial key behind.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${key}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
  return { key, file, created: true };
}
