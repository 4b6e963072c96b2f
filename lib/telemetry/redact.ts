import type { Context } from '@opentelemetry/api';
import type { LogRecordProcessor, SdkLogRecord } from '@opentelemetry/sdk-logs';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Attributes that carry a URL or its parts: query strings hold names (?name=, ?q=) and are never exported. */
const urlAttributes = ['url.full', 'http.url', 'http.target', 'url.query', 'url.path'];

/** A URL without its query and fragment; with the route template in place of the path when the route is known. */
export function redactUrl(value: string, route?: string): string {
  const withoutQuery = value.replace(/[?#].*$/s, '');
  if (!route) return withoutQuery;
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]+/i.exec(withoutQuery)?.[0] ?? '';
  return `${origin}${route}`;
}

/**
 * Removes what could identify a traveller from every span before export: the query string of every
 * URL, and on requests whose route is known, the path (it may hold a name or reference segment)
 * replaced by the route template. Bodies are never recorded by the instrumentations in use.
 */
export class RedactingSpanProcessor implements SpanProcessor {
  onStart(_span: Span, _context: Context): void {}

  onEnd(span: ReadableSpan): void {
    const attributes = span.attributes as Record<string, unknown>;
    const route = typeof attributes['http.route'] === 'string' ? attributes['http.route'] : undefined;
    for (const name of urlAttributes) {
      const value = attributes[name];
      if (typeof value !== 'string') continue;
      if (name === 'url.query') delete attributes[name];
      else if (name === 'url.full' || name === 'http.url') attributes[name] = redactUrl(value, route);
      else attributes[name] = route ?? redactUrl(value);
    }
  }

  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

/** Log records keep their text but lose URL attributes' queries, as spans do. */
export class RedactingLogProcessor implements LogRecordProcessor {
  onEmit(record: SdkLogRecord): void {
    for (const name of urlAttributes) {
      const value = record.attributes[name];
      if (typeof value === 'string') record.setAttribute(name, redactUrl(value));
    }
  }

  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}
