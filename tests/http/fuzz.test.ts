import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFunctionApp } from '../support/function-app';
import { useHost } from '../support/host';

const { registrations } = loadFunctionApp();
const host = useHost();

/** Values a client might put anywhere: empty, huge, unicode, percent signs, numbers out of range, injections. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '0', '-1', '1e309', '99999999999999999999', 'NaN', 'null', '%', '%00', '../..', "'; DROP TABLE bookings; --", '张三', '🛫', 'PEK', 'CA1001', '2026-02-30', 'x'.repeat(5000)),
);

const jsonBody = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ passengers: fc.jsonValue({ maxDepth: 2 }), segments: fc.jsonValue({ maxDepth: 2 }) }));

function fill(route: string, values: string[]): string {
  let i = 0;
  return route
    .replace(/\{\*?(\w+)(:\w+)?\??\}/g, () => encodeURIComponent(values[i++ % values.length] ?? 'x'))
    .replace(/\/+$/, '');
}

describe('no input a client can send produces a 500', () => {
  const staff = (route: string) => registrations.http.find((fn) => fn.route === route)?.authLevel !== 'anonymous';

  it('random path parameters, query strings and JSON bodies on every route and method', async () => {
    const routes = registrations.http.flatMap((fn) => fn.methods.map((method) => ({ method, route: fn.route })));
    expect(routes.length).toBeGreaterThan(40);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(nasty, { minLength: 1, maxLength: 3 }),
        fc.dictionary(fc.constantFrom('date', 'limit', 'skip', 'cabin', 'sort', 'q', 'from', 'to', 'passengers', 'last_name', 'status', 'format', 'x'), nasty, { maxKeys: 3 }),
        jsonBody,
        async ({ method, route }, params, query, body) => {
          const path = `/${fill(route, params)}?${new URLSearchParams(query)}`;
          const hasBody = method !== 'GET' && method !== 'HEAD' && method !== 'DELETE';
          const response = await host.fetch(path, { method, staff: staff(route), ...(hasBody ? { json: body } : {}) });
          await response.arrayBuffer();
          expect(response.status, `${method} ${path}`).toBeLessThan(500);
        },
      ),
      { numRuns: 400 },
    );
  }, 120_000);

  it('wrong content types, broken encodings and truncated JSON on the write endpoints', async () => {
    const writes = registrations.http.filter((fn) => fn.methods.some((m) => m === 'POST' || m === 'PUT'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writes),
        fc.constantFrom('application/json', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', ''),
        fc.oneof(fc.string(), fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')), fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1))),
        async (fn, contentType, raw) => {
          const method = fn.methods.find((m) => m === 'POST' || m === 'PUT')!;
          const path = `/${fill(fn.route, ['1'])}`;
          const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
          const response = await host.fetch(path, { method, body: raw, headers, staff: staff(fn.route) });
          await response.arrayBuffer();
          expect(response.status, `${method} ${path} ${contentType}`).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  }, 120_000);
});
