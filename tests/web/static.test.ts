/** How the function app serves the built web app: types, caching, fallback, nothing outside dist/web. */
import { describe, expect, it } from 'vitest';
import { expectProblem, useHost } from '../support/host';
import { appUrl } from './browser';

describe('the web function', () => {
  const host = useHost();
  const get = (path: string, init?: RequestInit) => fetch(appUrl(host, path), init);

  it('serves the page with a base, revalidation and a content security policy', async () => {
    const response = await get('');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await response.text();
    expect(html).toMatch(/<base href="\/api\/app\/">/);
    expect(html).toMatch(/src="\.\/assets\/index-[\w-]+\.js"/);
    expect(html).not.toMatch(/https?:\/\//);
    const again = await get('', { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('serves hashed assets with their type, cached for a year', async () => {
    const html = await (await get('')).text();
    for (const [, file, type] of [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(js|css))"/g)]) {
      const response = await get(file!);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type')).toBe(type === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await response.text()).length).toBeGreaterThan(100);
    }
  });

  it('answers any path without an extension with the page, and a missing file with 404', async () => {
    const fallback = await get('desk/anything');
    expect(fallback.status).toBe(200);
    expect(await fallback.text()).toContain('<base href="/api/app/">');
    await expectProblem(await get('assets/missing.js'), 404, 'params.path');
    await expectProblem(await get('..%2f..%2fhost.json'), 404, 'params.path');
    const head = await get('', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
