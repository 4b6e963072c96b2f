import fs from 'node:fs';
import path from 'node:path';

/** The `Host` section of local.settings.json: settings of the host itself, not of the app. */
export interface LocalHostSection {
  /** Comma-separated allowed origins, `*` for any (as `func start --cors`). */
  CORS?: string;
  /** Allow credentialed cross-origin requests (as `func start --cors-credentials`). */
  CORSCredentials?: boolean;
}

function readSettings(directory: string): { file: string; Values?: Record<string, unknown>; Host?: LocalHostSection } | undefined {
  const file = path.join(directory, 'local.settings.json');
  if (!fs.existsSync(file)) return undefined;
  return { file, ...(JSON.parse(fs.readFileSync(file, 'utf8')) as { Values?: Record<string, unknown>; Host?: LocalHostSection }) };
}

/**
 * Reads `local.settings.json` the way `func start` does: its `Values` become environment
 * variables, and a variable already set in the environment wins.
 */
export function applyLocalSettings(directory: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const parsed = readSettings(directory);
  for (const [name, value] of Object.entries(parsed?.Values ?? {})) {
    if (env[name] === undefined && value !== undefined && value !== null) env[name] = String(value);
  }
  return parsed?.file;
}

/** The `Host` section of local.settings.json in the directory (empty without the file). */
export function localHostSection(directory: string): LocalHostSection {
  return readSettings(directory)?.Host ?? {};
}
