import fs from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { corsPolicy } from '../../host/cors';
import { createLocalHost } from '../../host/server';
import { startHost, tempDir, useHost } from '../support/host';
import { rawExchange, rawRequest, statusOf } from '../support/raw-http';

/**
 * HTTP conventions a client relies on, checked over real HTTP (raw sockets where no client library
 * would send the request) against the local host started with a local.settings.json, as `func start`.
 */
const dataDir = tempDir();
const webOrigin = 'https://flights.example';
fs.writeFileSync(
  path.join(dataDir, 'local.settings.json'),
  JSON.stringify({ IsEncrypted: false, Values: {}, Host: { CORS: `${webOrigin}, http://localhost:5173`, CORSCredentials: true } }),
);
const host = useHost({ dataDir, env: { HTTP_REQUEST_TIMEOUT_SECONDS: '2' } });
const root = () => host.baseUrl.replace(/\/api$/, '');
const port = () => Number(new URL(host.baseUrl).port);

describe('CORS from local.settings.json Host.CORS / Host.CORSCredentials', () => {
  it('answers an allowed origin’s preflight with the origin, the method, the headers and credentials', async () => {
    const preflight = await rawRequest(`${host.baseUrl}/bookings`, {
      method: 'OPTIONS',
      headers: { origin: webOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(webOrigin);
    expect(preflight.headers['access-control-allow-methods']).toBe('POST');
    expect(preflight.headers['access-control-allow-headers']).toBe('content-type, idempotency-key');
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    expect(preflight.headers.vary).toMatch(/Origin/);
  });

  it('gives an unlisted origin no CORS headers, on the preflight or the request', async () => {
    const preflight = await rawRequest(`${host.baseUrl}/bookings`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const get = await rawRequest(`${host.baseUrl}/health`, { headers: { origin: 'https://evil.example' } });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('adds the CORS headers to an allowed origin’s actual request, keeping the handler’s own Vary', async () => {
    const get = await rawRequest(`${host.baseUrl}/openapi.json`, { headers: { origin: 'http://localhost:5173', 'accept-encoding': 'gzip' } });
    expect(get.status).toBe(200);
    expect(get.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(get.headers['access-control-allow-credentials']).toBe('true');
    expect(get.headers.vary).toMatch(/Origin/);
    expect(get.headers.vary).toMatch(/Accept-Encoding/);
  });

  it('with "*" and no credentials: any origin gets Access-Control-Allow-Origin: *, without Vary: Origin', async () => {
    const server = createLocalHost({
      functions: [{ name: 'hello', methods: ['GET'], route: 'hello', authLevel: 'anonymous', handler: async () => ({ jsonBody: { hello: true } }) }],
      apiKey: 'unused',
      routePrefix: 'api',
      cors: corsPolicy({ CORS: '*' }),
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/hello`;
      const get = await rawRequest(url, { headers: { origin: 'https://anyone.example' } });
      expect(get.status).toBe(200);
      expect(get.headers['access-control-allow-origin']).toBe('*');
      expect(get.headers['access-control-allow-credentials']).toBeUndefined();
      expect(get.headers.vary ?? '').not.toMatch(/Origin/);
      const preflight = await rawRequest(url, { method: 'OPTIONS', headers: { origin: 'https://anyone.example', 'access-control-request-method': 'GET' } });
      expect([preflight.status, preflight.headers['access-control-allow-origin'], preflight.headers['access-control-allow-methods']]).toEqual([204, '*', 'GET']);
    } finally {
      server.close();
    }
  });

  it('refuses to start with CORSCredentials and "*", as func start does', async () => {
    const refused = tempDir();
    fs.writeFileSync(path.join(refused, 'local.settings.json'), JSON.stringify({ Values: {}, Host: { CORS: '*', CORSCredentials: true } }));
    await expect(startHost({ dataDir: refused })).rejects.toThrow(/CORSCredentials cannot be true when Host\.CORS is "\*"/);
  });
});

describe('HEAD', () => {
  it('answers HEAD on every GET route of the OpenAPI document and on the web app, with the GET’s status and headers and no body', async () => {
    const document = (await (await host.fetch('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const paths = Object.entries(document.paths)
      .filter(([, methods]) => 'get' in methods)
      .map(([template]) => `${host.baseUrl}${template.replace(/\{[^}]+\}/g, '1')}`);
    expect(paths.length).toBeGreaterThan(10);
    for (const url of [...paths, `${root()}/`]) {
      const headers = { 'x-functions-key': host.key };
      const [get, head] = [await rawRequest(url, { headers }), await rawRequest(url, { method: 'HEAD', headers })];
      expect(head.status, url).toBe(get.status);
      expect(head.headers['content-type'], url).toBe(get.headers['content-type']);
      expect(head.body.length, url).toBe(0);
    }
    const openapi = await rawRequest(`${host.baseUrl}/openapi.json`, { method: 'HEAD' });
    expect(Number(openapi.headers['content-length'])).toBe((await rawRequest(`${host.baseUrl}/openapi.json`)).body.length);
  });

  it('lists HEAD as allowed next to GET', async () => {
    const refused = await rawRequest(`${host.baseUrl}/health`, { method: 'DELETE' });
    expect(refused.status).toBe(405);
    expect(refused.headers.allow).toMatch(/\bHEAD\b/);
  });
});

describe('request targets and requests Node refuses before any handler', () => {
  it('answers an absolute-form target (GET http://host/api/health) as the path', async () => {
    const authority = `localhost:${port()}`;
    const { text } = await rawExchange(port(), `GET http://${authority}/api/health HTTP/1.1\r\nHost: ${authority}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(text)).toBe(200);
    expect(text).toMatch(/"status"/);
  });

  it('answers targets that are no URL, or hold raw UTF-8, with a 400 problem and never a 5xx', async () => {
    const utf8 = await rawExchange(port(), Buffer.from('GET /api/flights/search?from=北京&to=上海 HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect(statusOf(utf8.text)).toBe(400);
    expect(utf8.text).toMatch(/content-type: application\/problem\+json/i);
    expect(utf8.text).toContain('--data-urlencode');
    expect(utf8.closed).toBe(true);
    for (const target of ['http://[bad/api/health', 'ftp://localhost/api/health', '*', 'api/health']) {
      const { text } = await rawExchange(port(), `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(statusOf(text), target).toBe(400);
    }
  });

  it('cuts off a request whose body never completes (408, connection closed) within the configured seconds', async () => {
    const stalled = await rawExchange(port(), 'POST /api/bookings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"flight_id"');
    expect(statusOf(stalled.text)).toBe(408);
    expect(stalled.text).toMatch(/application\/problem\+json/);
    expect(stalled.closed).toBe(true);
    expect(stalled.elapsedMs).toBeLessThan(8_000);
    const headersNeverEnd = await rawExchange(port(), 'GET /api/health HTTP/1.1\r\nHost: x\r\n');
    expect(statusOf(headersNeverEnd.text)).toBe(408);
    expect(headersNeverEnd.elapsedMs).toBeLessThan(8_000);
    expect((await host.fetch('/health')).status).toBe(200);
  }, 30_000);
});

describe('compression', () => {
  it('compresses a large response with br or gzip by the client’s q-values, and says Vary: Accept-Encoding', async () => {
    const url = `${host.baseUrl}/openapi.json`;
    const plain = await rawRequest(url);
    expect(plain.body.length).toBeGreaterThan(1024);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);

    const br = await rawRequest(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

    const gzip = await rawRequest(url, { headers: { 'accept-encoding': 'br;q=0.2, gzip;q=0.8' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).equals(plain.body)).toBe(true);

    for (const refusing of ['identity', 'br;q=0, gzip;q=0', '*;q=0', 'deflate']) {
      expect((await rawRequest(url, { headers: { 'accept-encoding': refusing } })).headers['content-encoding'], refusing).toBeUndefined();
    }
  });

  it('leaves a small response as it is', async () => {
    const small = await rawRequest(`${host.baseUrl}/flights/number/NOPE1`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('compresses the web app’s large assets and still answers a revalidation with 304', async () => {
    const page = await rawRequest(`${root()}/`);
    expect(page.status).toBe(200);
    const asset = /(?:src|href)="(\/assets\/[^"]+\.js)"/.exec(page.body.toString())?.[1] ?? '';
    expect(asset).not.toBe('');
    const script = await rawRequest(`${root()}${asset}`, { headers: { 'accept-encoding': 'br' } });
    expect(script.headers['content-encoding']).toBe('br');
    expect(script.headers.etag).toBe((await rawRequest(`${root()}${asset}`)).headers.etag);
    const again = await rawRequest(`${root()}${asset}`, { headers: { 'accept-encoding': 'br', 'if-none-match': String(script.headers.etag) } });
    expect(again.status).toBe(304);
  });
});

describe('request bodies the server cannot read', () => {
  const booking = JSON.stringify({ flight_id: 1, passengers: [{ first_name: 'San', last_name: 'Zhang' }] });

  it('answers a compressed body with 415 naming the encoding (not "invalid JSON"), and books nothing', async () => {
    const before = await (await host.fetch('/bookings', { staff: true })).text();
    const response = await rawRequest(`${host.baseUrl}/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: zlib.gzipSync(booking),
    });
    expect(response.status).toBe(415);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['accept-encoding']).toBe('identity');
    expect(JSON.parse(response.body.toString()).detail).toMatch(/Content-Encoding gzip/);
    expect(await (await host.fetch('/bookings', { staff: true })).text()).toBe(before);
  });

  it('answers a charset other than UTF-8 with 415 naming the charset', async () => {
    const response = await rawRequest(`${host.baseUrl}/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=iso-8859-1' },
      body: Buffer.from(booking, 'latin1'),
    });
    expect(response.status).toBe(415);
    expect(JSON.parse(response.body.toString()).detail).toMatch(/charset iso-8859-1/);
  });

  it('gives an MCP client the same refusal as a JSON-RPC error', async () => {
    const response = await rawRequest(`${host.baseUrl}/mcp/booking`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'content-encoding': 'br', 'x-functions-key': host.key },
      body: zlib.brotliCompressSync(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' })),
    });
    expect(response.status).toBe(415);
    expect(JSON.parse(response.body.toString()).error.message).toMatch(/Content-Encoding br/);
  });
});
