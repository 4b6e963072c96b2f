import { app, type FunctionInput, type HttpMethod, type HttpRequest, type HttpResponse, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import type { z } from 'zod';
import { DomainError } from '../domain/errors';
import { registrations, respond, type AuthLevel } from './app';
import { recordRequest } from './metrics';
import type { Operation } from './openapi/operation';
import { parse, parseQuery, readJson } from './validate';

/** Where the API lives below the site root. host.json's routePrefix is "", so the web app can have the root. */
export const apiBase = 'api';

type Schema = z.ZodType | undefined;
type Out<S extends Schema, Default = undefined> = S extends z.ZodType ? z.output<S> : Default;
type BodyParser = ((json: unknown) => unknown) | undefined;
/** The handler's body: what `parseBody` returns, else the `body` schema's output. */
type BodyOf<BS extends Schema, PB extends BodyParser> = PB extends (json: unknown) => infer T ? T : Out<BS>;

/** What a handler receives: its validated input, and the request for anything else (headers, URL). */
export interface RouteInput<P extends Schema, Q extends Schema, B> {
  params: Out<P, Record<string, never>>;
  query: Out<Q, Record<string, never>>;
  body: B;
  /** The JSON body as sent (`{}` for an absent optional body), e.g. for an idempotency fingerprint. */
  json: unknown;
  request: HttpRequest;
  context: InvocationContext;
}

/**
 * One HTTP function, declared once: how it is reached, what it takes and answers (documented in the
 * OpenAPI document from this same declaration), and the handler, which gets its input validated.
 */
export interface RouteSpec<P extends Schema, Q extends Schema, BS extends Schema, PB extends BodyParser> extends Omit<Operation, 'params' | 'query' | 'body' | 'methods'> {
  name: string;
  methods: HttpMethod[];
  /** Route template below /api (`flights/{id:int}`), or below the site root when `site` is set. */
  path: string;
  auth: AuthLevel;
  /** Served at the site root instead of under /api, and left out of the API's OpenAPI document. */
  site?: boolean;
  params?: P;
  query?: Q;
  /** The JSON request body (POST, PUT, PATCH). */
  body?: BS;
  /** Status for params that fail validation: 400, or 404 when a malformed id can only name nothing. */
  invalidParams?: 400 | 404;
  /**
   * The body: 'required' (the default when `body` is declared) or 'optional' (absent means `{}`) is
   * read and validated here; 'handler' leaves the request's body to the handler (MCP's transport).
   */
  readBody?: 'required' | 'optional' | 'handler';
  /** Validation of the JSON body when one schema cannot say it (default: the `body` schema). */
  parseBody?: PB;
  /** For a function registered with several methods: what differs for one of them. */
  perMethod?: Operation['methods'];
  /** Input bindings besides the trigger (e.g. df.input.durableClient()); the host fills context.extraInputs. */
  extraInputs?: FunctionInput[];
  /** Where a domain field the services name differently lives in this request, e.g. `{ reference: 'params.pnr' }`. */
  fieldNames?: Record<string, string>;
  handler: (input: RouteInput<P, Q, BodyOf<BS, PB>>) => Promise<HttpResponse | HttpResponseInit>;
}

type Spec = RouteSpec<Schema, Schema, Schema, BodyParser>;
type Input = RouteInput<Schema, Schema, unknown>;

async function inputOf(spec: Spec, request: HttpRequest, context: InvocationContext): Promise<Input> {
  const params = spec.params ? parse(spec.params, request.params, 'params', spec.invalidParams ?? 400) : {};
  const query = spec.query ? parseQuery(spec.query, request) : {};
  const mode = spec.readBody ?? (spec.body || spec.parseBody ? 'required' : 'handler');
  if (mode === 'handler') return { params, query, body: undefined, json: undefined, request, context };
  const json = mode === 'optional' && (await request.clone().arrayBuffer()).byteLength === 0 ? {} : await readJson(request);
  const body = spec.parseBody ? spec.parseBody(json) : spec.body ? parse(spec.body, json, 'body') : json;
  return { params, query, body, json, request, context };
}

/** Domain fields that travel in headers over HTTP. */
const headerFields: Record<string, string> = { idempotency_key: 'headers.idempotency-key', if_match: 'headers.if-match' };

const keysOf = (schema: Schema) => Object.keys((schema as { shape?: Record<string, unknown> } | undefined)?.shape ?? {});

/**
 * Where a field a service names in domain terms (`change_flight.date`, `id`, `from`) was in this
 * request: a header, a route parameter, the query string, or else the body.
 */
export function requestField(field: string, spec: Pick<Spec, 'params' | 'query' | 'fieldNames'>): string {
  const header = headerFields[field];
  if (header) return header;
  const head = field.split(/[.[]/)[0]!;
  const renamed = spec.fieldNames?.[head];
  if (renamed) return renamed + field.slice(head.length);
  if (keysOf(spec.params).includes(head)) return `params.${field}`;
  if (keysOf(spec.query).includes(head)) return `query.${field}`;
  return field ? `body.${field}` : 'body';
}

/** The handler's domain errors, their field said the way this request said it. */
async function speakingHttp(spec: Spec, input: Input): Promise<HttpResponse | HttpResponseInit> {
  try {
    return await spec.handler(input);
  } catch (error) {
    if (error instanceof DomainError && error.field !== undefined) throw new DomainError(error.kind, error.message, requestField(error.field, spec), error.retryAfterSeconds);
    throw error;
  }
}

/** Registers a route with the Functions runtime and records it for the local host and the OpenAPI document. */
export function route<P extends Schema = undefined, Q extends Schema = undefined, BS extends Schema = undefined, PB extends BodyParser = undefined>(
  declared: RouteSpec<P, Q, BS, PB>,
): void {
  const spec = declared as unknown as Spec;
  const { name, methods, path, auth, site, params, query, invalidParams: _status, readBody: _read, parseBody: _parse, perMethod, fieldNames: _names, extraInputs, handler: _handler, ...documented } = spec;
  const functionRoute = site ? path : `${apiBase}/${path}`;
  const handler = async (request: HttpRequest, context: InvocationContext): Promise<HttpResponse | HttpResponseInit> => {
    const started = performance.now();
    const response = await respond(async () => speakingHttp(spec, await inputOf(spec, request, context)), request, context);
    recordRequest(path, request.method, response.status ?? 200, (performance.now() - started) / 1000);
    return response;
  };
  const operation: Operation = { ...documented, params, query, methods: perMethod };
  const inputs = extraInputs ? { extraInputs } : {};
  registrations.http.push({ name, methods, route: path, functionRoute, api: !site, authLevel: auth, ...inputs, handler, operation });
  app.http(name, { methods, route: functionRoute, authLevel: auth, ...inputs, handler });
}

/**
 * A route helper whose handlers also get the services, opened on first use; `open` is the
 * composition root's services(), so lib/ depends on no composition.
 */
export function withServices<S>(open: () => Promise<S>) {
  return <P extends Schema = undefined, Q extends Schema = undefined, BS extends Schema = undefined, PB extends BodyParser = undefined>(
    spec: Omit<RouteSpec<P, Q, BS, PB>, 'handler'> & {
      handler: (input: RouteInput<P, Q, BodyOf<BS, PB>>, services: S) => Promise<HttpResponse | HttpResponseInit>;
    },
  ): void => route<P, Q, BS, PB>({ ...spec, handler: async (input) => spec.handler(input, await open()) });
}
