/**
 * The web app for travellers and the agent desk: the files `npm run build` writes to dist/web (Vite),
 * served by the function app itself so `npm start`, `func start` and Azure serve the same page.
 * Hashed assets are cached for a year; index.html is revalidated (ETag) and is the answer for any
 * path without a file extension (the app routes by hash, but a bookmarked path still finds it).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { contentTypeOf } from '../lib/http/content-types';
import { HttpError } from '../lib/http/problem';
import { route } from '../lib/http/route';

/** Where the app is mounted: its route without the catch-all. */
export const webRoute = 'app';
const webRoot = path.resolve(__dirname, '../web');

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
}

/** Everything the page loads comes from this app; nothing else may be fetched, framed or run. */
const securityHeaders = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

let files: Map<string, StaticFile> | undefined;

const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;

function load(): Map<string, StaticFile> {
  const found = new Map<string, StaticFile>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const name = path.relative(webRoot, full).split(path.sep).join('/');
        const body = fs.readFileSync(full);
        found.set(name, {
          body,
          type: contentTypeOf(name),
          etag: etagOf(body),
          // Vite puts a content hash in every name under assets/: such a file never changes.
          cacheControl: name.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      }
    }
  };
  walk(webRoot);
  return found;
}

function send(request: HttpRequest, file: StaticFile, extraHeaders: Record<string, string> = {}): HttpResponseInit {
  const headers = { 'content-type': file.type, 'cache-control': file.cacheControl, etag: file.etag, ...extraHeaders };
  if (request.headers.get('if-none-match') === file.etag) return { status: 304, headers };
  return { status: 200, headers, body: request.method === 'HEAD' ? undefined : new Uint8Array(file.body) };
}

/** The path the app is served under, as the caller sees it (`/api/app`, or `` at the site root). */
function mountOf(request: HttpRequest, wanted: string): string {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url).pathname).replace(/\/+$/, '');
  } catch {
    return `/${webRoute}`;
  }
  const rest = wanted.replace(/\/+$/, '');
  if (!rest) return pathname;
  return pathname.toLowerCase().endsWith(`/${rest.toLowerCase()}`) ? pathname.slice(0, -rest.length - 1) : `/${webRoute}`;
}

const pages = new Map<string, StaticFile>();

/** index.html with a <base> at the mount, so its relative asset links resolve from any fallback path. */
function page(index: StaticFile, mount: string): StaticFile {
  let found = pages.get(mount);
  if (!found) {
    const body = Buffer.from(index.body.toString('utf8').replace('<head>', `<head>\n  <base href="${encodeURI(mount)}/">`));
    found = { ...index, body, etag: etagOf(body) };
    if (pages.size < 8) pages.set(mount, found);
  }
  return found;
}

route({
  name: 'web',
  methods: ['GET', 'HEAD'],
  path: `${webRoute}/{*path}`,
  auth: 'anonymous',
  tag: 'system',
  summary: 'The web app for travellers and the agent desk (index.html for any path without an extension)',
  params: z.object({ path: z.string().optional().describe('A file of the built app, e.g. assets/index-…js; empty for the page') }),
  responses: { 200: { description: 'The file', contentType: '*/*' } },
  problems: [404, 503],
  handler: async ({ request }) => {
    files ??= fs.existsSync(path.join(webRoot, 'index.html')) ? load() : undefined;
    if (!files) throw new HttpError(503, 'The web app is not built: run npm run build', { headers: { 'retry-after': '30' } });
    const wanted = (request.params.path ?? '').replace(/^\/+/, '');
    const file = files.get(wanted);
    if (file && wanted !== 'index.html') return send(request, file);
    if (path.posix.extname(wanted)) {
      throw new HttpError(404, `No such file: ${wanted}`, { errors: [{ field: 'params.path', message: 'not a file of the web app' }] });
    }
    return send(request, page(files.get('index.html')!, mountOf(request, wanted)), securityHeaders);
  },
});
