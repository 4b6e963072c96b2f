import { CliError } from './errors';
import type { Settings } from './settings';
import { withSpinner } from './spinner';

interface ProblemBody {
  title?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/** An error answer from the API, carrying the problem's one-line detail. */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(detail);
  }
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  query?: Query;
  body?: unknown;
  staff?: boolean;
  /** Shown next to the spinner while waiting. */
  label?: string;
}

function problemLine(status: number, text: string): string {
  try {
    const problem = JSON.parse(text) as ProblemBody;
    const fields = problem.errors?.filter((e) => !problem.detail?.includes(e.message)).map((e) => `${e.field}: ${e.message}`) ?? [];
    const detail = problem.detail ?? problem.title ?? `HTTP ${status}`;
    return fields.length ? `${detail} (${fields.join('; ')})` : detail;
  } catch {
    return `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}`;
  }
}

/** The flights API over HTTP: one-line errors, the staff key when asked for, a spinner while waiting. */
export class Api {
  constructor(readonly settings: Settings) {}

  url(path: string, query: Query = {}): string {
    const url = new URL(`${this.settings.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
    return url.toString();
  }

  async text(path: string, options: RequestOptions = {}): Promise<string> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.staff) {
      if (!this.settings.key) throw new CliError('This command needs the staff key: pass --key or set FLIGHTBOOK_KEY');
      headers['x-functions-key'] = this.settings.key;
    }
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const send = () =>
      fetch(this.url(path, options.query), {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    let response: Response;
    try {
      response = await withSpinner(options.label ?? 'Working…', send);
    } catch {
      throw new CliError(`Cannot reach ${this.settings.baseUrl}; start it with npm start (or set --base-url / FLIGHTBOOK_URL)`);
    }
    const text = await response.text();
    if (!response.ok) throw new ApiError(response.status, problemLine(response.status, text));
    return text;
  }

  async json<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return JSON.parse(await this.text(path, options)) as T;
  }
}
