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
import { StoreUnavailableError } from '../store/store';
import { recordException } from '../telemetry';
import { recordRequest } from './metrics';
import { HttpError, problemResponse, type Problem } from './problem';

export type AuthLevel = 'anonymous' | 'function' | 'admin';
export type HttpHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponse | HttpResponseInit>;
export type TimerHandler = (timer: Timer, context: InvocationContext) => Promise<void>;

export interface HttpFunction {
  name: string;
  methods: HttpMethod[];
  route: string;
  authLevel: AuthLevel;
  /** Input bindings besides the trigger (e.g. df.input.durableClient()); the host fills context.extraInputs. */
  extraInputs?: FunctionInput[];
  handler: (request: HttpRequest, context: InvocationContext) => Promise<HttpResponse | HttpResponseInit>;
}

export interface TimerFunction {
  name: string;
  schedule: string;
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
};

export function domainProblem(error: DomainError): Problem {
  const status = statusByKind[error.kind];
  return new HttpError(status, error.message, {
    type: `urn:flightbooking:${error.kind.replace('_', '-')}`,
    ...(error.field ? { errors: [{ field: error.field, message: error.message }] } : {}),
  }).problem;
}

async function respond(handler: HttpHandler, request: HttpRequest, context: InvocationContext): Promise<HttpResponse | HttpResponseInit> {
  try {
    return await handler(request, context);
  } catch (error) {
    if (error instanceof HttpError) return problemResponse(error.problem, error.headers);
    if (error instanceof DomainError) return problemResponse(domainProblem(error));
    if (error instanceof StoreUnavailableError) {
      context.error(`${context.functionName}: database unavailable:`, error.message);
      return problemResponse(new HttpError(503, 'The database is unavailable; try again shortly').problem, { 'retry-after': '5' });
    }
    recordException(error);
    context.error(`Unhandled error in ${context.functionName}:`, error);
    return problemResponse({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'An unexpected error occurred.' });
  }
}

export function http(
  name: string,
  options: { methods: HttpMethod[]; route: string; authLevel: AuthLevel; extraInputs?: FunctionInput[]; handler: HttpHandler },
): void {
  const handler = async (request: HttpRequest, context: InvocationContext): Promise<HttpResponse | HttpResponseInit> => {
    const started = performance.now();
    const response = await respond(options.handler, request, context);
    recordRequest(options.route, request.method, response.status ?? 200, (performance.now() - started) / 1000);
    return response;
  };
  const { methods, route, authLevel, extraInputs } = options;
  registrations.http.push({ name, methods, route, authLevel, ...(extraInputs ? { extraInputs } : {}), handler });
  app.http(name, { methods, route, authLevel, ...(extraInputs ? { extraInputs } : {}), handler });
}

export function timer(name: string, options: { schedule: string; handler: TimerHandler }): void {
  registrations.timers.push({ name, schedule: options.schedule, handler: options.handler });
  app.timer(name, { schedule: options.schedule, handler: options.handler });
}

/** A JSON response; `headers` are added to the JSON content type. */
export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): HttpResponseInit {
  return { status: init.status ?? 200, jsonBody: body, headers: init.headers };
}
