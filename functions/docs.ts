import fs from 'node:fs';
import path from 'node:path';
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { json, registrations } from '../lib/http/app';
import { openApiDocument } from '../lib/http/openapi/document';
import { contentTypeOf } from '../lib/http/content-types';
import { HttpError } from '../lib/http/problem';
import { route } from '../lib/http/route';

const swaggerUiDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
let document: ReturnType<typeof openApiDocument> | undefined;
let assets: Set<string> | undefined;

/** The API's base path as the caller sees it: `/api` for `/api/docs/`, whatever the route prefix. */
function basePath(request: HttpRequest, route: string): string {
  const pathname = new URL(request.url).pathname;
  return pathname.slice(0, pathname.toLowerCase().lastIndexOf(`/${route}`));
}

function page(base: string): HttpResponseInit {
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Smart Flight Booking API · 智能机票预订</title>
  <link rel="stylesheet" href="${base}/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="${base}/docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${base}/docs/swagger-ui-bundle.js"></script>
  <script src="${base}/docs/swagger-ui-standalone-preset.js"></script>
  <script>
    window.ui = SwaggerUIBundle({
      url: ${JSON.stringify(`${base}/openapi.json`)},
      dom_id: '#swagger-ui',
      deepLinking: true,
      persistAuthorization: true,
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      layout: 'StandaloneLayout',
    });
  </script>
</body>
</html>`;
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }, body: html };
}

/** A file from swagger-ui-dist, by its plain name: nothing outside that folder can be named. */
function asset(name: string): HttpResponseInit {
  assets ??= new Set(fs.readdirSync(swaggerUiDir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name));
  if (!assets.has(name)) throw new HttpError(404, `No such file: ${name}`, { errors: [{ field: 'params.asset', message: 'not a Swagger UI file' }] });
  return {
    status: 200,
    headers: { 'content-type': contentTypeOf(name), 'cache-control': 'public, max-age=86400' },
    body: fs.readFileSync(path.join(swaggerUiDir, name)),
  };
}

route({
  name: 'openapi',
  methods: ['GET'],
  path: 'openapi.json',
  auth: 'anonymous',
  tag: 'system',
  summary: 'This OpenAPI document',
  responses: { 200: { description: 'OpenAPI 3.1', schema: z.record(z.string(), z.unknown()) } },
  handler: async ({ request }) => {
    document ??= openApiDocument(registrations.http);
    return json({ ...document, servers: [{ url: basePath(request, 'openapi.json') }] });
  },
});

route({
  name: 'docs',
  methods: ['GET'],
  path: 'docs',
  auth: 'anonymous',
  tag: 'system',
  summary: 'Swagger UI for this API',
  responses: { 200: { description: 'HTML page', contentType: 'text/html' } },
  handler: async ({ request }) => page(basePath(request, 'docs')),
});

route({
  name: 'docs-assets',
  methods: ['GET'],
  path: 'docs/{*asset}',
  auth: 'anonymous',
  tag: 'system',
  summary: 'Swagger UI scripts and styles',
  params: z.object({ asset: z.string().optional().describe('File name in swagger-ui-dist, e.g. swagger-ui.css') }),
  responses: { 200: { description: 'The file', contentType: '*/*' } },
  problems: [404],
  // A catch-all also matches an empty rest, so `/api/docs` itself may arrive here.
  handler: async ({ params }) => asset(params.asset ?? ''),
});
