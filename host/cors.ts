import type http from 'node:http';
import type { LocalHostSection } from './local-settings';

export interface CorsPolicy {
  anyOrigin: boolean;
  origins: Set<string>;
  credentials: boolean;
}

/**
 * The policy `func start` builds from local.settings.json's Host.CORS and Host.CORSCredentials
 * (ASP.NET Core's CORS middleware: listed origins or `*`, any method, any header). No CORS setting,
 * no CORS headers. `*` with credentials is refused at start, as ASP.NET Core refuses that policy.
 */
export function corsPolicy(host: LocalHostSection): CorsPolicy | undefined {
  const origins = String(host.CORS ?? '').split(',').map((origin) => origin.trim().replace(/\/+$/, '')).filter(Boolean);
  if (!origins.length) return undefined;
  const credentials = host.CORSCredentials === true || String(host.CORSCredentials).toLowerCase() === 'true';
  const anyOrigin = origins.includes('*');
  if (anyOrigin && credentials) {
    throw new Error('local.settings.json: Host.CORSCredentials cannot be true when Host.CORS is "*"; list the origins that may send credentials.');
  }
  return { anyOrigin, origins: new Set(origins.map((origin) => origin.toLowerCase())), credentials };
}

/**
 * Adds the CORS response headers for the request's Origin. Answers a preflight (OPTIONS with
 * Access-Control-Request-Method) itself with 204, allowed or not, as the middleware does; returns
 * true when it did.
 */
export function applyCors(policy: CorsPolicy | undefined, incoming: http.IncomingMessage, outgoing: http.ServerResponse): boolean {
  const origin = incoming.headers.origin;
  if (!policy || !origin) return false;
  const preflight = incoming.method === 'OPTIONS' && incoming.headers['access-control-request-method'] !== undefined;
  const allowed = policy.anyOrigin || policy.origins.has(origin.toLowerCase());
  if (!policy.anyOrigin || policy.credentials) outgoing.setHeader('vary', 'Origin');
  if (allowed) {
    outgoing.setHeader('access-control-allow-origin', policy.anyOrigin && !policy.credentials ? '*' : origin);
    if (policy.credentials) outgoing.setHeader('access-control-allow-credentials', 'true');
  }
  if (!preflight) return false;
  if (allowed) {
    outgoing.setHeader('access-control-allow-methods', String(incoming.headers['access-control-request-method']));
    const headers = incoming.headers['access-control-request-headers'];
    if (headers) outgoing.setHeader('access-control-allow-headers', headers);
  }
  outgoing.writeHead(204);
  outgoing.end();
  return true;
}
