import fs from 'node:fs';
import path from 'node:path';

/**
 * Reads `local.settings.json` the way `func start` does: its `Values` become environment
 * variables, and a variable already set in the environment wins.
 */
export function applyLocalSettings(directory: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = path.join(directory, 'local.settings.json');
  if (!fs.existsSync(file)) return undefined;
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { Values?: Record<string, unknown> };
  for (const [name, value] of Object.entries(parsed.Values ?? {})) {
    if (env[name] === undefined && value !== undefined && value !== null) env[name] = String(value);
  }
  return file;
}
