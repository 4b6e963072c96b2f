import {
  app,
  type FunctionInput,
  type HttpMethod,
  type HttpResponse,
  type HttpRequest,
  type HttpResponseInit,
  type InvocationContext,
  type Timer,
} from '@azure/functions';
import { DomainError } from '../domain/errors';
import { recordException } from '../telemetry';
import type { Operation } from './openapi/operation';
import { outageOf } from './outages';
import { HttpError, problemResponse, type Problem } from './problem';

export type AuthLevel = 'anonymous' | 'function' | 'admin';
export type HttpHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponse | HttpResponseInit>;
export type TimerHandler = (timer: Timer, context: InvocationContext) => Promise<void>;

export interface HttpFunction {
  name: string;
  methods: HttpMethod[];
  /** The route template below the API base (`flights/{id:int}` for /api/flights/{id}); for a site route, below the site root. */
  route: string;
  /** The route template as registered with the Functions host (routePrefix is "", so `api/flights/{id:int}`). */
  functionRoute: string;
  /** Part of the API (under /api, documented in OpenAPI) rather than the site (the web app). */
  api: boolean;
  authLevel: AuthLevel;
  /** Input bindings besides the trigger (e.g. df.input.durableClient()); the host fills context.extraInputs. */
  extraInputs?: FunctionInput[];
  handler: (request: HttpRequest, context: InvocationContext) => Promise<HttpResponse | HttpResponseInit>;
  /** What the route declares about itself, for the OpenAPI document. */
  operation?: Operation;
}

export interface TimerFunction {
  name: string;
  schedule: string;
  /** Input bindings besides the trigger (e.g. df.input.durableClient()); the host fills context.extraInputs. */
  extraInputs?: FunctionInput[];
  handler: TimerHandler;
}

/**
 * Every function registered in this process. The same call that registers a function with the
 * Azure Functions runtime records it here, so the local host serves exactly the functions Azure does.
 */
export const registrations = { http: [] as HttpFunction[], timers: [] as TimerFunction[] };

const statusByKind: Record<DomainError['kind'], number> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  sold_out: 409,
  stale: 412,
  forbidden: 403,
  too_many: 429,
};

export function domainProblem(error: DomainError): Problem {
  const status = statusByKind[error.kind];
  return new HttpError(status, error.message, {
    type: `urn:flightbooking:${error.kind.replace('_', '-')}`,
    ...(error.field ? { errors: [{ field: error.field, message: error.message }] } : {}),
  }).problem;
}

/** Runs a handler; errors become problem+json: HttpError as it says, domain errors by kind, a dependency outage 503. */
export async function respond(handler: HttpHandler, request: HttpRequest, context: InvocationContext): Promise<HttpResponse | HttpResponseInit> {
  try {
    return await handler(request, context);
  } catch (error) {
    if (error instanceof HttpError) return problemResponse(error.problem, error.headers);
    if (error instanceof DomainError) {
      return problemResponse(domainProblem(error), error.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(error.retryAfterSeconds) });
    }
    const outage = outageOf(error);
    if (outage) {
      context.error(`${context.functionName}: ${outage.detail}:`, error instanceof Error ? error.message : error);
      return problemResponse(new HttpError(503, outage.detail).problem, { 'retry-after': String(outage.retryAfterSeconds) });
    }
    recordException(error);
    context.error(`Unhandled error in ${context.functionName}:`, error);
    return problemResponse({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'An unexpected error occurred.' });
  }
}

export function timer(name: string, options: { schedule: string; extraInputs?: FunctionInput[]; handler: TimerHandler }): void {
  const { schedule, extraInputs, handler } = options;
  registrations.timers.push({ name, schedule, ...(extraInputs ? { extraInputs } : {}), handler });
  app.timer(name, { schedule, ...(extraInputs ? { extraInputs } : {}), handler });
}

/** A JSON response; `headers` are added to the JSON content type. */
export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): HttpResponseInit {
  return { status: init.status ?? 200, jsonBody: body, headers: init.headers };
}
