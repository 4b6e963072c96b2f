/** How the function app serves the built web app at the site root: types, caching, fallback, nothing else. */
import { describe, expect, it } from 'vitest';
import { expectProblem, useHost } from '../support/host';
import { appUrl } from './browser';

describe('the web functions', () => {
  const host = useHost();
  const get = (path: string, init?: RequestInit) => fetch(appUrl(host, path), init);

  it('serves the page at / with revalidation and a content security policy', async () => {
    const response = await get('');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await response.text();
    expect(html).toMatch(/src="\/assets\/index-[\w-]+\.js"/);
    expect(html).not.toMatch(/https?:\/\//);
    const again = await get('', { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('serves hashed assets with their type, cached for a year', async () => {
    const html = await (await get('')).text();
    const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(js|css))"/g)];
    expect(files.length).toBe(2);
    for (const [, file, type] of files) {
      const response = await get(file!);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type')).toBe(type === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await response.text()).length).toBeGreaterThan(100);
    }
  });

  it('answers a view path with the page; a missing file, and the API and host paths, are never the page', async () => {
    const fallback = await get('desk');
    expect(fallback.status).toBe(200);
    expect(await fallback.text()).toContain('<div id="app">');
    await expectProblem(await get('assets/missing.js'), 404, 'params.file');
    await expectProblem(await get('missing.png'), 404, 'params.file');
    await expectProblem(await get('..%2f..%2fhost.json'), 404);
    await expectProblem(await get('api'), 404);
    await expectProblem(await get('api/no-such-thing'), 404);
    await expectProblem(await get('runtime/webhooks/nothing-here'), 404);
    expect((await get('api/flights?limit=1')).headers.get('content-type')).toContain('application/json');
    const head = await get('', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
