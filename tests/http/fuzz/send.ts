import type { TestHost } from '../../support/host';
import type { RequestParts } from './baselines';
import type { Operation } from './document';

const asText = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value));

/** Header values a client can send: a ByteString without NUL, CR or LF. */
const sendableHeader = /^[\t\x20-\x7e\x80-\xff]*$/;

/** The URL and init for these parts, or undefined when no HTTP client could send them (a lone surrogate in a URL, a NUL in a header, a dot segment). */
export function httpRequest(op: Operation, parts: RequestParts): { url: string; init: RequestInit & { staff: boolean; json?: unknown } } | undefined {
  try {
    let path = op.path;
    for (const [name, value] of Object.entries(parts.params)) {
      const text = asText(value);
      if (/^\.{1,2}$/.test(text)) return undefined;
      path = path.replace(`{${name}}`, encodeURIComponent(text));
    }
    const query = Object.entries(parts.query).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(asText(value))}`);
    const headers = Object.fromEntries(Object.entries(parts.headers).map(([name, value]) => [name, asText(value)]));
    if (Object.values(headers).some((value) => !sendableHeader.test(value))) return undefined;
    const url = `${path}${query.length ? `?${query.join('&')}` : ''}`;
    return { url, init: { method: op.method, staff: op.staff, headers, ...(parts.body === undefined ? {} : { json: parts.body }) } };
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
}

export interface Answer {
  status: number;
  /** An Idempotency-Key replayed an earlier answer: nothing was written. */
  replayed: boolean;
  contentType: string;
  body: unknown;
  text: string;
}

export async function send(host: TestHost, request: NonNullable<ReturnType<typeof httpRequest>>): Promise<Answer> {
  const response = await host.fetch(request.url, request.init);
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  let body: unknown = text;
  if (/json/.test(contentType)) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  return { status: response.status, replayed: response.headers.get('idempotent-replayed') === 'true', contentType, body, text };
}
