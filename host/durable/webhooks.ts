import { outageOf } from '../../lib/http/outages';
import { setTimeout as sleep } from 'node:timers/promises';
import { type DurableClientService, InstanceRunningError, UnknownOrchestratorError } from './client';
import { runtimeStatuses, type RuntimeStatus } from './store';

/**
 * The Durable extension's HTTP management API (HttpApiHandler), served at
 * /runtime/webhooks/durabletask/… and at the local RPC base the durable client binding names:
 * same routes, query parameters, status codes and JSON bodies.
 */

export interface ApiRequest {
  method: string;
  /** The full request URL (the Location of a 202 status answer). */
  url: string;
  /** The path below the API's base, e.g. "instances/abc/raiseEvent/approval". */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Where the management URLs point: the public base with its query (task hub, connection, key). */
export interface Links {
  baseUrl: string;
  querySuffix: string;
}

export function managementUrls(links: Links, instanceId: string) {
  const prefix = `${links.baseUrl}/instances/${encodeURIComponent(instanceId)}`;
  const q = links.querySuffix;
  return {
    id: instanceId,
    statusQueryGetUri: `${prefix}?${q}`,
    sendEventPostUri: `${prefix}/raiseEvent/{eventName}?${q}`,
    terminatePostUri: `${prefix}/terminate?reason={text}&${q}`,
    rewindPostUri: `${prefix}/rewind?reason={text}&${q}`,
    purgeHistoryDeleteUri: `${prefix}?${q}`,
    restartPostUri: `${prefix}/restart?${q}`,
    suspendPostUri: `${prefix}/suspend?reason={text}&${q}`,
    resumePostUri: `${prefix}/resume?reason={text}&${q}`,
  };
}

/** ASP.NET's CreateErrorResponse body. */
const error = (status: number, message: string, exception?: Error): ApiResponse => ({
  status,
  body: { Message: message, ...(exception ? { ExceptionMessage: exception.message, ExceptionType: exception.name } : {}) },
});

const flag = (query: URLSearchParams, name: string): boolean | undefined => {
  const value = query.get(name)?.toLowerCase();
  return value === 'true' ? true : value === 'false' ? false : undefined;
};

const date = (query: URLSearchParams, name: string): Date | undefined => {
  const value = query.get(name);
  const parsed = value ? new Date(value) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
};

const statuses = (query: URLSearchParams): RuntimeStatus[] =>
  (query.getAll('runtimeStatus').flatMap((value) => value.split(',')).map((value) => value.trim()) as RuntimeStatus[]).filter((value) => runtimeStatuses.includes(value));

const seconds = (query: URLSearchParams, name: string): number | undefined => {
  const value = Number(query.get(name));
  return query.has(name) && Number.isFinite(value) ? value * 1000 : undefined;
};

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false; error: Error } {
  if (!body.length) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch (thrown) {
    return { ok: false, error: thrown as Error };
  }
}

export class ManagementApi {
  constructor(
    private readonly client: DurableClientService,
    private readonly links: Links,
  ) {}

  checkStatus(instanceId: string): ApiResponse {
    const { rewindPostUri: _rewind, ...urls } = managementUrls(this.links, instanceId);
    return { status: 202, body: urls, headers: { location: urls.statusQueryGetUri, 'retry-after': '10' } };
  }

  async handle(request: ApiRequest): Promise<ApiResponse> {
    try {
      return await this.route(request);
    } catch (thrown) {
      const failure = thrown instanceof Error ? thrown : new Error(String(thrown));
      console.error('Durable management API:', failure);
      // Storage that cannot be reached is an outage (the client answers 503), not a fault of this request.
      return error(outageOf(failure) ? 503 : 500, 'Something went wrong while processing your request', failure);
    }
  }

  private async route(request: ApiRequest): Promise<ApiResponse> {
    const parts = request.path.split('/').filter(Boolean).map(decodeURIComponent);
    const [controller, first, second, third] = parts;
    const method = request.method.toUpperCase();
    if (controller?.toLowerCase() === 'orchestrators' && first && parts.length <= 3) {
      return method === 'POST' ? this.start(request, first, second) : { status: 404 };
    }
    if (controller?.toLowerCase() !== 'instances' || parts.length > 4) return { status: 404 };
    if (!first) {
      if (method === 'GET') return this.list(request);
      if (method === 'DELETE') return this.purgeBy(request);
      return { status: 404 };
    }
    if (!second) {
      if (method === 'GET') return this.status(request, first);
      if (method === 'DELETE') return (await this.client.purge(first)) ? { status: 200, body: { instancesDeleted: 1 } } : { status: 404 };
      return { status: 404 };
    }
    if (method !== 'POST') return { status: 404 };
    const operation = second.toLowerCase();
    if (operation === 'raiseevent' && third) return this.raise(request, first, third);
    if (parts.length !== 3 && parts.length !== 2) return { status: 404 };
    const reason = request.query.get('reason') ?? undefined;
    if (operation === 'terminate') return answer(await this.client.terminate(first, reason));
    if (operation === 'suspend') return answer(await this.client.suspend(first, reason));
    if (operation === 'resume') return answer(await this.client.resume(first, reason));
    if (operation === 'rewind') return error(501, 'The rewind operation is not supported by the local Durable Task stand-in.');
    return { status: 404 };
  }

  private async start(request: ApiRequest, name: string, instanceId: string | undefined): Promise<ApiResponse> {
    const input = parseJson(request.body);
    if (!input.ok) return error(400, 'Invalid JSON content', input.error);
    let id: string;
    try {
      id = await this.client.start(name, instanceId, input.value);
    } catch (thrown) {
      if (thrown instanceof UnknownOrchestratorError) return error(400, 'One or more of the arguments submitted is incorrect', thrown);
      // The extension answers 500 here; a client can cause it, so the stand-in says 409.
      if (thrown instanceof InstanceRunningError) return error(409, thrown.message);
      throw thrown;
    }
    const timeout = seconds(request.query, 'timeout');
    const interval = seconds(request.query, 'pollingInterval');
    if (timeout === undefined || interval === undefined) return this.checkStatus(id);
    const deadline = Date.now() + timeout;
    for (;;) {
      const status = await this.client.status(id);
      if (status?.runtimeStatus === 'Completed') return { status: 200, body: status.output };
      if (status && ['Failed', 'Canceled', 'Terminated'].includes(status.runtimeStatus)) return this.status(request, id);
      if (Date.now() >= deadline) return this.checkStatus(id);
      await sleep(Math.min(interval, Math.max(0, deadline - Date.now())));
    }
  }

  private async status(request: ApiRequest, instanceId: string): Promise<ApiResponse> {
    const { query } = request;
    const status = await this.client.status(instanceId, {
      showHistory: flag(query, 'showHistory') ?? false,
      showHistoryOutput: flag(query, 'showHistoryOutput') ?? false,
      showInput: flag(query, 'showInput') ?? true,
    });
    if (!status) return { status: 404 };
    switch (status.runtimeStatus) {
      case 'Running':
      case 'Pending':
      case 'ContinuedAsNew':
      case 'Suspended':
        return { status: 202, body: status, headers: { location: request.url, 'retry-after': '5' } };
      case 'Failed':
        return { status: flag(query, 'returnInternalServerErrorOnFailure') ? 500 : 200, body: status };
      default:
        return { status: 200, body: status };
    }
  }

  private async list(request: ApiRequest): Promise<ApiResponse> {
    const { query } = request;
    const top = Number(query.get('top'));
    const page = await this.client.list(
      {
        statuses: statuses(query),
        createdFrom: date(query, 'createdTimeFrom'),
        createdTo: date(query, 'createdTimeTo'),
        instanceIdPrefix: query.get('instanceIdPrefix') ?? undefined,
        pageSize: Number.isInteger(top) && top > 0 ? top : 100,
        continuationToken: request.headers['x-ms-continuation-token'] || undefined,
      },
      flag(query, 'showInput') ?? true,
    );
    return { status: 200, body: page.instances, headers: page.continuationToken ? { 'x-ms-continuation-token': page.continuationToken } : {} };
  }

  private async purgeBy(request: ApiRequest): Promise<ApiResponse> {
    const from = date(request.query, 'createdTimeFrom');
    if (!from) return { status: 400, body: "Please provide value for 'createdTimeFrom' parameter." };
    const deleted = await this.client.purgeBy(from, date(request.query, 'createdTimeTo') ?? new Date(), statuses(request.query));
    return deleted ? { status: 200, body: { instancesDeleted: deleted } } : { status: 404 };
  }

  private async raise(request: ApiRequest, instanceId: string, eventName: string): Promise<ApiResponse> {
    const mediaType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    const data = mediaType === 'application/json' ? parseJson(request.body) : undefined;
    if (data?.ok) return answer(await this.client.raise(instanceId, eventName, data.value));
    // The extension answers 404 and 410 before it looks at the content: read the status only for a bad request.
    const status = await this.client.status(instanceId, { showInput: false });
    if (!status) return { status: 404 };
    if (['Failed', 'Canceled', 'Terminated', 'Completed'].includes(status.runtimeStatus)) return { status: 410 };
    if (!data) return error(400, 'Only application/json request content is supported');
    return error(400, 'Invalid JSON content', data.error);
  }
}

function answer(result: 'accepted' | 'notFound' | 'gone'): ApiResponse {
  return { status: result === 'accepted' ? 202 : result === 'notFound' ? 404 : 410 };
}
