import type { HttpRequest } from '@azure/functions';

/**
 * The caller's address, for per-client limits. In Azure the platform's front end appends the address
 * that connected to it to X-Forwarded-For (as "ip:port"), and the local host does the same with the
 * socket's address; so the LAST entry is the one no caller can forge — earlier entries are whatever
 * the caller (or proxies before the front end) wrote.
 */
export function clientAddress(request: Pick<HttpRequest, 'headers'>): string {
  const hops = (request.headers.get('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  return withoutPort(hops.at(-1) ?? 'unknown');
}

/** "1.2.3.4:5678" → "1.2.3.4", "[2001:db8::1]:443" → "2001:db8::1", a bare IPv6 address stays whole; "::ffff:1.2.3.4" → "1.2.3.4". */
function withoutPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1]!.toLowerCase();
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/i.exec(hop);
  return v4 ? v4[1]! : hop.toLowerCase();
}
