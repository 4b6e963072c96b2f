import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { HttpRequest, HttpResponse, InvocationContext, type FunctionInput, type HttpResponseInit, type LogHandler } from '@azure/functions';
import type { HttpFunction } from '../lib/http/app';

/** An HTTP function as the Functions host sees it: `route` is the trigger's route as registered (`api/flights/{id:int}`). */
export type HostedFunction = Pick<HttpFunction, 'name' | 'methods' | 'route' | 'authLevel' | 'extraInputs' | 'handler'>;
import { emitLog, nameRequest } from '../lib/telemetry';
import { problemResponse, type Problem } from '../lib/http/problem';
import { maxBodyBytes } from '../lib/http/validate';
import { answerClientError } from './client-errors';
import { addVary, compressForClient } from './compression';
import { applyCors, type CorsPolicy } from './cors';
import { routePrefixOf } from './host-json';
import { byPrecedence, compileRoute, type RouteMatcher } from './routes';

export interface LocalHostOptions {
  functions: HostedFunction[];
  /** Key required on authLevel function/admin routes (x-functions-key header or ?code=). */
  apiKey: string;
  /** host.json's extensions.http.routePrefix (read from the app's folder when not given). */
  routePrefix?: string;
  logRequests?: boolean;
  log?: (line: string) => void;
  /** The value of an input binding (e.g. the durable client's binding data), as the Functions host supplies it. */
  inputs?: (binding: FunctionInput, request: http.IncomingMessage) => unknown;
  /** Non-function routes the host itself serves (the Durable extension's webhooks), by path prefix; they need the key. */
  systemRoutes?: { prefix: string; handle(incoming: http.IncomingMessage, outgoing: http.ServerResponse, url: URL): Promise<void> }[];
  /** CORS as local.settings.json's Host section configures it (see corsPolicy). */
  cors?: CorsPolicy;
  /** Seconds a request may take to arrive completely (headers and body) before it is answered 408. */
  requestTimeoutSeconds?: number;
  /** Open connections accepted at once; more are refused until one closes. */
  maxConnections?: number;
}

interface Route {
  fn: HostedFunction;
  matcher: RouteMatcher;
}

const logHandler: LogHandler = (level, ...args) => {
  emitLog(level, args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg))).join(' '));
  if (level === 'error' || level === 'critical' || level === 'warning') console.error(...args);
  else if (level !== 'trace' && level !== 'debug') console.log(...args);
};

function headersOf(request: http.IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // As the Azure front end does: the connecting address is appended to X-Forwarded-For (lib/http/client-address.ts).
  const socket = request.socket.remoteAddress;
  if (socket) headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${socket}` : socket;
  return headers;
}

/** Reads the body up to the limit; undefined when the body is larger. */
async function readBody(request: http.IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function headerRecord(init: HttpResponseInit['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  if (init) new Headers(init as HeadersInit).forEach((value, name) => (headers[name] = value));
  return headers;
}

/**
 * Writes a response: compressed when the client accepts it (see compressForClient), with its
 * Content-Length, so a HEAD answer carries the same headers as the GET (Node drops the body of a HEAD).
 */
async function writeResponse(incoming: http.IncomingMessage, outgoing: http.ServerResponse, status: number, headers: Record<string, string>, payload?: Buffer): Promise<void> {
  const body = payload?.length ? await compressForClient(incoming.headers['accept-encoding'], headers, payload) : payload;
  const preset = outgoing.getHeader('vary');
  if (preset) for (const name of String(preset).split(',')) addVary(headers, name.trim());
  if (body !== undefined && status !== 204 && status !== 304) headers['content-length'] = String(body.length);
  outgoing.writeHead(status, headers);
  outgoing.end(body);
}

/**
 * Writes a handler's result as the Functions host does. A plain HttpResponseInit with a JSON,
 * string or byte body is written directly; anything else goes through HttpResponse.
 */
async function send(incoming: http.IncomingMessage, outgoing: http.ServerResponse, result: HttpResponse | HttpResponseInit): Promise<void> {
  if (!(result instanceof HttpResponse)) {
    const { body, jsonBody } = result;
    const direct = jsonBody !== undefined || body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
    if (direct) {
      const headers = headerRecord(result.headers);
      let payload: Buffer | undefined = body instanceof Uint8Array ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : undefined;
      if (jsonBody !== undefined) {
        payload = Buffer.from(JSON.stringify(jsonBody));
        headers['content-type'] ??= 'application/json';
      } else if (typeof body === 'string') {
        payload = Buffer.from(body);
        headers['content-type'] ??= 'text/plain;charset=UTF-8';
      }
      return writeResponse(incoming, outgoing, result.status ?? 200, headers, payload);
    }
  }
  const full = result instanceof HttpResponse ? result : new HttpResponse(result);
  return writeResponse(incoming, outgoing, full.status, headerRecord(full.headers), Buffer.from(await full.arrayBuffer()));
}

function sendProblem(incoming: http.IncomingMessage, outgoing: http.ServerResponse, problem: Problem, headers: Record<string, string> = {}): Promise<void> {
  return send(incoming, outgoing, problemResponse(problem, headers));
}

/**
 * The request target as a URL: origin-form (`/api/health`) or absolute-form (`http://host/api/health`,
 * whose authority replaces Host, RFC 9112 3.2.2). Undefined for anything else.
 */
function requestUrl(incoming: http.IncomingMessage): URL | undefined {
  const target = incoming.url ?? '/';
  const attempts = target.startsWith('/') ? [`http://${incoming.headers.host ?? 'localhost'}${target}`, `http://localhost${target}`] : /^https?:\/\//i.test(target) ? [target] : [];
  for (const attempt of attempts) {
    try {
      return new URL(attempt);
    } catch {
      // An unusable Host header: the path alone still routes.
    }
  }
  return undefined;
}

/**
 * Serves registered HTTP functions the way the Functions host does: same route templates, same
 * `HttpRequest`/`HttpResponse` objects, function keys checked on authLevel function/admin routes.
 */
export function createLocalHost(options: LocalHostOptions): http.Server {
  const routePrefix = (options.routePrefix ?? routePrefixOf()).replace(/^\/+|\/+$/g, '');
  const prefix = routePrefix ? `/${routePrefix}` : '';
  const routes: Route[] = options.functions
    .map((fn) => ({ fn, matcher: compileRoute(fn.route) }))
    .sort((a, b) => byPrecedence(a.matcher, b.matcher));
  const byFirstSegment = new Map<string, Route[]>();
  for (const route of routes) {
    const first = route.fn.route.split('/')[0]!.toLowerCase();
    byFirstSegment.set(first, [...(byFirstSegment.get(first) ?? []), route]);
  }
  const catchAlls = routes.filter((r) => r.fn.route.startsWith('{'));
  const candidates = (path: string) => byFirstSegment.get(path.split('/')[1]?.toLowerCase() ?? '') ?? catchAlls;
  const log = options.log ?? ((line: string) => console.log(line));

  async function handle(incoming: http.IncomingMessage, outgoing: http.ServerResponse): Promise<string> {
    if (applyCors(options.cors, incoming, outgoing)) return 'CORS preflight';
    const url = requestUrl(incoming);
    if (!url) {
      await sendProblem(incoming, outgoing, { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'The request target must be a path (/api/…) or an absolute http URL' });
      return 'invalid target';
    }
    const method = (incoming.method ?? 'GET').toUpperCase();
    const system = options.systemRoutes?.find((route) => url.pathname.startsWith(route.prefix));
    if (system) {
      const key = incoming.headers['x-functions-key'] ?? url.searchParams.get('code');
      if (key !== options.apiKey) {
        await sendProblem(incoming, outgoing, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'This endpoint needs the host key in the code query parameter or the x-functions-key header.' });
      } else {
        await system.handle(incoming, outgoing, url);
      }
      return system.prefix;
    }
    const path = url.pathname.toLowerCase().startsWith(`${prefix.toLowerCase()}/`) ? url.pathname.slice(prefix.length) : undefined;
    const matches = path === undefined ? [] : candidates(path).flatMap((route) => {
      const params = route.matcher.match(path);
      return params ? [{ route, params }] : [];
    });
    if (!matches.length) {
      await sendProblem(incoming, outgoing, { type: 'about:blank', title: 'Not Found', status: 404, detail: `No function serves ${url.pathname}` });
      return url.pathname;
    }
    // HEAD is served by the GET function (Node sends the headers without the body).
    const served = (fn: HostedFunction) => fn.methods.includes(method as never) || (method === 'HEAD' && fn.methods.includes('GET'));
    const hit = matches.find(({ route }) => served(route.fn));
    if (!hit) {
      const methods = new Set(matches.flatMap(({ route }) => route.fn.methods as string[]));
      if (methods.has('GET')) methods.add('HEAD');
      const allow = [...methods].join(', ');
      await sendProblem(incoming, outgoing, { type: 'about:blank', title: 'Method Not Allowed', status: 405, detail: `${method} is not allowed here; use ${allow}` }, { allow });
      return matches[0]!.route.fn.route;
    }
    const { route, params } = hit;
    nameRequest(method, `${prefix}/${route.fn.route}`);
    if (route.fn.authLevel !== 'anonymous') {
      const key = incoming.headers['x-functions-key'] ?? url.searchParams.get('code');
      if (key !== options.apiKey) {
        await sendProblem(incoming, outgoing, {
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          detail: 'This endpoint needs a function key in the x-functions-key header or the code query parameter.',
        });
        return route.fn.route;
      }
    }
    const body = await readBody(incoming);
    if (body === undefined) {
      outgoing.setHeader('connection', 'close');
      await sendProblem(incoming, outgoing, { type: 'about:blank', title: 'Content Too Large', status: 413, detail: `The body is larger than ${maxBodyBytes} bytes` });
      return route.fn.route;
    }
    const request = new HttpRequest({
      method: method === 'HEAD' && !route.fn.methods.includes('HEAD' as never) ? 'GET' : method,
      url: url.href,
      headers: headersOf(incoming),
      query: Object.fromEntries(url.searchParams),
      params,
      ...(body.length ? { body: { bytes: body } } : {}),
    });
    const extraInputs = route.fn.extraInputs ?? [];
    const context = new InvocationContext({ invocationId: randomUUID(), functionName: route.fn.name, logHandler, options: { extraInputs } });
    for (const binding of extraInputs) context.extraInputs.set(binding, options.inputs?.(binding, incoming));
    await send(incoming, outgoing, await route.fn.handler(request, context));
    return route.fn.route;
  }

  const requestTimeout = (options.requestTimeoutSeconds ?? 30) * 1000;
  const server = http.createServer(
    {
      // Idle keep-alive connections stay open longer than clients keep them (Node's agent drops its idle
      // sockets after 5 s, the server's default): otherwise both close at once and a request sent on the
      // closing socket fails with ECONNRESET (the durable client's loopback calls hit this under load).
      keepAliveTimeout: 65_000,
      // A request (headers and body) must arrive in time; Node checks every connectionsCheckingInterval.
      requestTimeout,
      headersTimeout: Math.min(requestTimeout, 60_000),
      connectionsCheckingInterval: Math.min(1000, requestTimeout),
    },
    (incoming, outgoing) => {
      const started = performance.now();
      handle(incoming, outgoing)
        .then((template) => {
          // The route template, not the path: paths can hold passenger names.
          if (options.logRequests) log(`${incoming.method} ${prefix}/${template.replace(/^\//, '')} ${outgoing.statusCode} ${(performance.now() - started).toFixed(1)}ms`);
        })
        .catch((error: unknown) => {
          // A client that went away (or was cut off for not finishing its request) needs no answer.
          if (incoming.socket.destroyed && (error as { code?: string }).code === 'ECONNRESET') return;
          console.error('Local host error:', error);
          if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/problem+json' });
          outgoing.end(JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }));
        });
    },
  );
  server.on('clientError', answerClientError);
  if (options.maxConnections) server.maxConnections = options.maxConnections;
  return server;
}
