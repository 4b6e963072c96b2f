/** The caller's address for per-client limits: the X-Forwarded-For entry the platform appended, never one the caller wrote. */
import { describe, expect, test } from 'vitest';
import { clientAddress } from '../../lib/http/client-address';

const from = (forwarded?: string) => clientAddress({ headers: new Headers(forwarded === undefined ? {} : { 'x-forwarded-for': forwarded }) });

describe('clientAddress', () => {
  test('takes the last X-Forwarded-For entry (the one the front end appended), without its port', () => {
    expect(from('203.0.113.7:53211')).toBe('203.0.113.7');
    expect(from('10.9.9.9, 198.51.100.4:443')).toBe('198.51.100.4');
    expect(from('spoofed, 192.0.2.1')).toBe('192.0.2.1');
  });

  test('reads IPv6 with and without brackets as its /64 network, and IPv4-mapped IPv6 as IPv4', () => {
    expect(from('[2001:DB8::1]:8080')).toBe('2001:db8:0:0::/64');
    expect(from('2001:db8:a:b:1:2:3:4')).toBe('2001:db8:a:b::/64');
    expect(from('2001:db8:a:b::9')).toBe('2001:db8:a:b::/64');
    expect(from('2001:0db8:000a:000b::1')).toBe('2001:db8:a:b::/64');
    expect(from('::1')).toBe('0:0:0:0::/64');
    expect(from('::ffff:127.0.0.2')).toBe('127.0.0.2');
  });

  test('no header: one shared "unknown" client, so the limits still hold', () => {
    expect(from()).toBe('unknown');
    expect(from(' , ')).toBe('unknown');
  });
});
