export const defaultBaseUrl = 'http://localhost:7071/api';

export interface Settings {
  baseUrl: string;
  key: string | undefined;
}

/** Options win over the environment (FLIGHTBOOK_URL, FLIGHTBOOK_KEY), which wins over the default. */
export function resolveSettings(options: { baseUrl?: string; key?: string }, env: NodeJS.ProcessEnv = process.env): Settings {
  const baseUrl = (options.baseUrl ?? env.FLIGHTBOOK_URL ?? defaultBaseUrl).replace(/\/+$/, '');
  const key = options.key ?? env.FLIGHTBOOK_KEY;
  return { baseUrl, key: key?.trim() ? key.trim() : undefined };
}
