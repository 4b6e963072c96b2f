import { isIPv6 } from 'node:net';
import type { HttpRequest } from '@azure/functions';

/**
 * The caller's address, for per-client limits. In Azure the platform's front end appends the address
 * that connected to it to X-Forwarded-For (as "ip:port"), and the local host does the same with the
 * socket's address; so the LAST entry is the one no caller can forge — earlier entries are whatever
 * the caller (or proxies before the front end) wrote. An IPv6 caller is its /64 network: one
 * subscriber gets a whole /64 and could otherwise take a fresh address for every request.
 */
export function clientAddress(request: Pick<HttpRequest, 'headers'>): string {
  const hops = (request.headers.get('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  const address = withoutPort(hops.at(-1) ?? 'unknown');
  return isIPv6(address) ? network64(address) : address;
}

/** "1.2.3.4:5678" → "1.2.3.4", "[2001:db8::1]:443" → "2001:db8::1", a bare IPv6 address stays whole; "::ffff:1.2.3.4" → "1.2.3.4". */
function withoutPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1]!.toLowerCase();
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/i.exec(hop);
  return v4 ? v4[1]! : hop.toLowerCase();
}

/** The first four groups of an IPv6 address: 2001:db8:a:b:1:2:3:4 and 2001:db8:a:b::9 are both "2001:db8:a:b::/64". */
function network64(address: string): string {
  const [head = '', tail = ''] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
