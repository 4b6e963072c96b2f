/**
 * The web app for travellers and the agent desk: the files `npm run build` writes to dist/web (Vite),
 * served by the function app itself so `npm start`, `func start` and Azure serve the same page.
 * It has the site root (host.json routePrefix is "", the API is under /api). Hashed assets are cached
 * for a year; index.html is revalidated (ETag) and also answers one-segment paths without an extension
 * (the app routes by hash, #/desk; /desk still finds the page).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { contentTypeOf } from '../lib/http/content-types';
import { HttpError } from '../lib/http/problem';
import { route } from '../lib/http/route';

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

/** If-None-Match compares weakly (RFC 9110 13.1.2): a compressed copy's W/ tag names the same file. */
function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return Boolean(ifNoneMatch?.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === etag));
}

function send(request: HttpRequest, file: StaticFile, extraHeaders: Record<string, string> = {}): HttpResponseInit {
  const headers = { 'content-type': file.type, 'cache-control': file.cacheControl, etag: file.etag, ...extraHeaders };
  if (matchesEtag(request.headers.get('if-none-match'), file.etag)) return { status: 304, headers };
  return { status: 200, headers, body: request.method === 'HEAD' ? undefined : new Uint8Array(file.body) };
}

/** The built files, read once; 503 until `npm run build` has made them. */
function builtFiles(): Map<string, StaticFile> {
  files ??= fs.existsSync(path.join(webRoot, 'index.html')) ? load() : undefined;
  if (!files) throw new HttpError(503, 'The web app is not built: run npm run build', { headers: { 'retry-after': '30' } });
  return files;
}

const notAFile = (name: string) => new HttpError(404, `No such file: ${name}`, { errors: [{ field: 'params.file', message: 'not a file of the web app' }] });

/**
 * First path segments that belong to the API and the Functions host: a request there that no function
 * serves is a 404, never the page (the page's route takes one segment, so deeper paths never reach it).
 */
const reserved = new Set(['api', 'admin', 'runtime']);

route({
  name: 'web',
  methods: ['GET', 'HEAD'],
  path: '{file?}',
  site: true,
  auth: 'anonymous',
  tag: 'system',
  summary: 'The web app for travellers and the agent desk: the page for / and any one-segment path without an extension',
  params: z.object({ file: z.string().optional().describe('A file at the app root (e.g. favicon.svg), or a view path answered with the page') }),
  responses: { 200: { description: 'The page or the file', contentType: '*/*' } },
  problems: [404, 503],
  handler: async ({ request, params }) => {
    const built = builtFiles();
    const wanted = params.file ?? '';
    if (reserved.has(wanted.toLowerCase())) throw new HttpError(404, `No function serves /${wanted}`);
    const file = built.get(wanted);
    if (file && wanted !== 'index.html') return send(request, file);
    if (path.posix.extname(wanted)) throw notAFile(wanted);
    return send(request, built.get('index.html')!, securityHeaders);
  },
});

route({
  name: 'web-assets',
  methods: ['GET', 'HEAD'],
  path: 'assets/{file}',
  site: true,
  auth: 'anonymous',
  tag: 'system',
  summary: "The web app's scripts and styles; their names carry a content hash, so they are cached for a year",
  params: z.object({ file: z.string().describe('e.g. index-CA5Jmp6_.js') }),
  responses: { 200: { description: 'The file', contentType: '*/*' } },
  problems: [404, 503],
  handler: async ({ request, params }) => {
    const file = builtFiles().get(`assets/${params.file}`);
    if (!file) throw notAFile(`assets/${params.file}`);
    return send(request, file);
  },
});
