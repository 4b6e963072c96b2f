/**
 * Telemetry to Application Insights with OpenTelemetry, on only when APPLICATIONINSIGHTS_CONNECTION_STRING
 * is set. Nothing here loads the OpenTelemetry SDK until then, so an app without telemetry pays nothing
 * at start. Spans carry names of operations, tools and routes, never arguments, bodies or query strings.
 */
import { createRequire } from 'node:module';
import type * as Api from '@opentelemetry/api';

let api: typeof Api | undefined;

/**
 * A module as @azure/monitor-opentelemetry resolves it: several versions of the OpenTelemetry
 * packages are installed, and the logs API and instrumentation registry must be the ones its SDK uses.
 */
const fromMonitor = (name: string): unknown => createRequire(require.resolve('@azure/monitor-opentelemetry'))(name);
let shutdown: (() => Promise<void>) | undefined;

/**
 * Starts exporting traces, requests, dependencies, exceptions and logs. Must run before
 * `@azure/functions` and `node:http` are first required: the instrumentations patch them on load.
 */
export function startTelemetry(settings: { connectionString: string; entraId: boolean; clientId?: string }): void {
  if (api) return;
  const monitor = require('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
  const { AzureFunctionsInstrumentation } = require('@azure/functions-opentelemetry-instrumentation') as typeof import('@azure/functions-opentelemetry-instrumentation');
  const { registerInstrumentations } = fromMonitor('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { RedactingLogProcessor, RedactingSpanProcessor } = require('./redact') as typeof import('./redact');
  monitor.useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: settings.connectionString, ...(settings.entraId ? { credential: managedIdentity(settings.clientId) } : {}) },
    enableLiveMetrics: false,
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
      // The console carries the local host's banner (with a generated function key): not exported.
      console: { enabled: false },
    },
    spanProcessors: [new RedactingSpanProcessor()],
    logRecordProcessors: [new RedactingLogProcessor()],
  });
  // Functions invocations: the host's trace context becomes the handler's, and context.log becomes OpenTelemetry logs.
  registerInstrumentations({ instrumentations: [new AzureFunctionsInstrumentation()] });
  api = require('@opentelemetry/api') as typeof Api;
  shutdown = monitor.shutdownAzureMonitor;
}

/** The app's managed identity, for an Application Insights resource that accepts only Entra ID ingestion (as infra/ deploys it). */
function managedIdentity(clientId?: string) {
  const { ManagedIdentityCredential } = require('@azure/identity') as typeof import('@azure/identity');
  return clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential();
}

/** Flushes and stops the exporters (on shutdown: what is buffered is sent, not lost). */
export async function stopTelemetry(): Promise<void> {
  const stop = shutdown;
  shutdown = undefined;
  await stop?.();
}

export const telemetryEnabled = (): boolean => api !== undefined;

/**
 * Runs `work` inside a span (a dependency in Application Insights when `kind` is client, a request when
 * server). The attributes must hold no passenger data: names of operations and tools only.
 */
export async function traced<T>(name: string, kind: 'client' | 'internal' | 'server', attributes: Record<string, string>, work: () => Promise<T>): Promise<T> {
  if (!api) return work();
  const { SpanKind, SpanStatusCode } = api;
  const spanKind = kind === 'client' ? SpanKind.CLIENT : kind === 'server' ? SpanKind.SERVER : SpanKind.INTERNAL;
  return api.trace.getTracer('flightbooking').startActiveSpan(name, { kind: spanKind, attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Adds what is known only once the work is done (a completion's token counts) to the current span. No passenger data. */
export function annotateSpan(attributes: Record<string, string | number | string[]>): void {
  api?.trace.getActiveSpan()?.setAttributes(attributes);
}

/** An operation's W3C trace context, stored with work that runs later (an orchestration's messages and tasks). */
export interface TraceContext {
  traceParent: string;
  traceState?: string;
}

/** The current operation's trace context; undefined when telemetry is off or no operation is active. */
export function currentTraceContext(): TraceContext | undefined {
  if (!api) return undefined;
  const carrier: Record<string, string> = {};
  api.propagation.inject(api.context.active(), carrier);
  return carrier.traceparent ? { traceParent: carrier.traceparent, ...(carrier.tracestate ? { traceState: carrier.tracestate } : {}) } : undefined;
}

/**
 * Runs `work` in a server span (a request in Application Insights) continuing the stored operation —
 * or starting one when there is none — whatever operation the caller is in.
 */
export async function tracedWithin<T>(parent: TraceContext | undefined, name: string, attributes: Record<string, string>, work: () => Promise<T>): Promise<T> {
  if (!api) return work();
  const carrier = parent ? { traceparent: parent.traceParent, ...(parent.traceState ? { tracestate: parent.traceState } : {}) } : {};
  return api.context.with(api.propagation.extract(api.ROOT_CONTEXT, carrier), () => traced(name, 'server', attributes, work));
}

/**
 * `fetch` that carries the current operation (W3C traceparent) to the service it calls, so the
 * callee's request joins this operation. Plain `fetch` when telemetry is off.
 */
export const tracingFetch: typeof fetch = (input, init) => {
  if (!api) return fetch(input, init);
  const headers = new Headers(init?.headers);
  api.propagation.inject(api.context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
  return fetch(input, { ...init, headers });
};

/** Names the current request after its route template (the path may hold names) — as the Functions host names it by function. */
export function nameRequest(method: string, route: string): void {
  const span = api?.trace.getActiveSpan();
  if (!span) return;
  span.setAttribute('http.route', route);
  span.updateName(`${method} ${route}`);
}

/** Records an unexpected error on the current operation (an exception in Application Insights). */
export function recordException(error: unknown): void {
  const span = api?.trace.getActiveSpan();
  if (!span) return;
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: api!.SpanStatusCode.ERROR });
}

const severities = { trace: 1, debug: 5, information: 9, warning: 13, error: 17, critical: 21 } as const;

/** A log line of the local host's invocation context, as the Functions instrumentation sends context.log in Azure. */
export function emitLog(level: keyof typeof severities | 'none', message: string): void {
  if (!api || level === 'none') return;
  const { logs } = fromMonitor('@opentelemetry/api-logs') as typeof import('@opentelemetry/api-logs');
  logs.getLogger('flightbooking').emit({ body: message, severityNumber: severities[level], severityText: level, context: api.context.active() });
}
