import type { HttpRequest, InvocationContext } from '@azure/functions';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { durable } from '../app/services';
import {
  finishedStatuses,
  InstanceExistsError,
  InstanceFinishedError,
  InstanceNotFoundError,
  type InstanceStatus,
  runtimeStatuses,
  UnknownFunctionError,
} from '../lib/durable';
import { http, json, timer, type HttpHandler } from '../lib/http/app';
import { HttpError } from '../lib/http/problem';
import { parse, parseQuery, readJson } from '../lib/http/validate';

// Table Storage keys cannot hold / \ # ? or control characters.
const InstanceId = z.string().trim().min(1).max(100).regex(/^[^/\\#?\u0000-\u001f\u007f-\u009f]+$/, 'must not contain / \\ # ? or control characters');
const Name = z.string().trim().min(1).max(100);
const Flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const StartParams = z.object({ name: Name });
export const StartQuery = z.object({ instanceId: InstanceId.optional(), waitForCompletion: z.coerce.number().int().min(0).max(120_000).optional() });
export const StartBody = z.object({ instanceId: InstanceId.optional(), input: z.unknown().optional() }).strict();
export const InstanceParams = z.object({ id: InstanceId });
export const EventParams = z.object({ id: InstanceId, event: Name });
export const StatusQuery = z.object({ showHistory: Flag.default(false), showInput: Flag.default(true) });
export const ReasonQuery = z.object({ reason: z.string().max(1000).optional() });
export const ListQuery = z.object({
  runtimeStatus: z
    .string()
    .transform((value) => value.split(',').map((status) => status.trim()))
    .pipe(z.array(z.enum(runtimeStatuses)))
    .optional(),
  createdTimeFrom: z.coerce.date().optional(),
  createdTimeTo: z.coerce.date().optional(),
  top: z.coerce.number().int().min(1).max(1000).default(100),
});

const continuationHeader = 'x-ms-continuation-token';

/** The engine's typed errors as problem responses. */
function managed(handler: HttpHandler): HttpHandler {
  return async (request: HttpRequest, context: InvocationContext) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof InstanceNotFoundError || error instanceof UnknownFunctionError) throw new HttpError(404, error.message);
      if (error instanceof InstanceFinishedError) throw new HttpError(410, error.message, { runtimeStatus: error.runtimeStatus });
      if (error instanceof InstanceExistsError) throw new HttpError(409, error.message, { runtimeStatus: error.runtimeStatus });
      throw error;
    }
  };
}

/** The JSON body, or undefined when there is none. */
async function optionalJson(request: HttpRequest): Promise<unknown> {
  const bytes = await request.clone().arrayBuffer();
  return bytes.byteLength ? readJson(request) : undefined;
}

function links(request: HttpRequest, instanceId: string) {
  const base = `${new URL(request.url).origin}/api/instances/${encodeURIComponent(instanceId)}`;
  return {
    id: instanceId,
    statusQueryGetUri: base,
    sendEventPostUri: `${base}/raiseEvent/{eventName}`,
    terminatePostUri: `${base}/terminate?reason={text}`,
    suspendPostUri: `${base}/suspend?reason={text}`,
    resumePostUri: `${base}/resume?reason={text}`,
    purgeHistoryDeleteUri: base,
  };
}

const isFinished = (status: InstanceStatus) => finishedStatuses.includes(status.runtimeStatus);

/** Durable's status body: history as `historyEvents`. */
function body(status: InstanceStatus) {
  const { history, ...rest } = status;
  return history ? { ...rest, historyEvents: history } : rest;
}

/** 200 once finished; 202 with where to look again while it runs. */
function statusResponse(request: HttpRequest, status: InstanceStatus) {
  if (isFinished(status)) return json(body(status));
  return json(body(status), { status: 202, headers: { location: links(request, status.instanceId).statusQueryGetUri, 'retry-after': '1' } });
}

async function existing(id: string): Promise<InstanceStatus> {
  const status = await durable().getStatus(id, { showInput: false });
  if (!status) throw new InstanceNotFoundError(id);
  return status;
}

async function waitForCompletion(status: InstanceStatus, timeoutMs: number): Promise<InstanceStatus> {
  const deadline = Date.now() + timeoutMs;
  while (!isFinished(status) && Date.now() < deadline) {
    await sleep(Math.min(100, Math.max(0, deadline - Date.now())));
    status = (await durable().getStatus(status.instanceId)) ?? status;
  }
  return status;
}

http('orchestrations-start', {
  methods: ['POST'],
  route: 'orchestrators/{name}',
  authLevel: 'function',
  handler: managed(async (request) => {
    const { name } = parse(StartParams, request.params, 'params');
    const query = parseQuery(StartQuery, request);
    const start = parse(StartBody, (await optionalJson(request)) ?? {}, 'body');
    let status = await durable().startNew(name, { instanceId: query.instanceId ?? start.instanceId, input: start.input });
    if (query.waitForCompletion !== undefined) status = await waitForCompletion(status, query.waitForCompletion);
    if (query.waitForCompletion !== undefined && isFinished(status)) {
      return status.runtimeStatus === 'Completed' ? json(status.output) : json(body(status));
    }
    const urls = links(request, status.instanceId);
    return json(urls, { status: 202, headers: { location: urls.statusQueryGetUri, 'retry-after': '1' } });
  }),
});

http('orchestrations-status', {
  methods: ['GET'],
  route: 'instances/{id}',
  authLevel: 'function',
  handler: managed(async (request) => {
    const { id } = parse(InstanceParams, request.params, 'params');
    const status = await durable().getStatus(id, parseQuery(StatusQuery, request));
    if (!status) throw new InstanceNotFoundError(id);
    return statusResponse(request, status);
  }),
});

http('orchestrations-list', {
  methods: ['GET'],
  route: 'instances',
  authLevel: 'function',
  handler: managed(async (request) => {
    const query = parseQuery(ListQuery, request);
    const page = await durable().listInstances({
      status: query.runtimeStatus,
      createdFrom: query.createdTimeFrom,
      createdTo: query.createdTimeTo,
      pageSize: query.top,
      continuationToken: request.headers.get(continuationHeader) ?? undefined,
    });
    return json(page.instances, { headers: page.continuationToken ? { [continuationHeader]: page.continuationToken } : {} });
  }),
});

http('orchestrations-raise-event', {
  methods: ['POST'],
  route: 'instances/{id}/raiseEvent/{event}',
  authLevel: 'function',
  handler: managed(async (request) => {
    const { id, event } = parse(EventParams, request.params, 'params');
    const status = await durable().raiseEvent(id, event, await optionalJson(request));
    return json(body(status), { status: 202 });
  }),
});

const commands = {
  terminate: (id: string, reason?: string) => durable().terminate(id, reason),
  suspend: (id: string) => durable().suspend(id),
  resume: (id: string) => durable().resume(id),
};

for (const [command, run] of Object.entries(commands)) {
  http(`orchestrations-${command}`, {
    methods: ['POST'],
    route: `instances/{id}/${command}`,
    authLevel: 'function',
    handler: managed(async (request) => {
      const { id } = parse(InstanceParams, request.params, 'params');
      const { reason } = parseQuery(ReasonQuery, request);
      const current = await existing(id);
      if (isFinished(current)) throw new InstanceFinishedError(id, current.runtimeStatus);
      return json(body(await run(id, reason)), { status: 202 });
    }),
  });
}

http('orchestrations-purge', {
  methods: ['DELETE'],
  route: 'instances/{id}',
  authLevel: 'function',
  handler: managed(async (request) => {
    const { id } = parse(InstanceParams, request.params, 'params');
    if (!(await durable().purge(id))) throw new InstanceNotFoundError(id);
    return json({ instancesDeleted: 1 });
  }),
});

timer('orchestrations-tick', {
  schedule: '*/10 * * * * *',
  handler: async (_timer, context) => {
    const { due } = await durable().tick();
    if (due) context.log(`Resumed ${due} orchestration instance(s)`);
  },
});
