import type { HttpRequest } from '@azure/functions';
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
import { json, timer } from '../lib/http/app';
import { InstanceLinks, InstanceStatus as InstanceStatusSchema } from '../lib/http/openapi/schemas';
import { HttpError } from '../lib/http/problem';
import { route } from '../lib/http/route';
import { readJson } from '../lib/http/validate';

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
    .regex(new RegExp(`^(${runtimeStatuses.join('|')})(\\s*,\\s*(${runtimeStatuses.join('|')}))*$`), `must be one or more of ${runtimeStatuses.join(', ')}, comma-separated`)
    .transform((value) => value.split(',').map((status) => status.trim()))
    .pipe(z.array(z.enum(runtimeStatuses)))
    .optional(),
  createdTimeFrom: z.coerce.date().optional(),
  createdTimeTo: z.coerce.date().optional(),
  top: z.coerce.number().int().min(1).max(1000).default(100),
});

const continuationHeader = 'x-ms-continuation-token';

/** The engine's typed errors as problem responses. */
function asProblem(error: unknown): unknown {
  if (error instanceof InstanceNotFoundError || error instanceof UnknownFunctionError) return new HttpError(404, error.message);
  if (error instanceof InstanceFinishedError) return new HttpError(410, error.message, { runtimeStatus: error.runtimeStatus });
  if (error instanceof InstanceExistsError) return new HttpError(409, error.message, { runtimeStatus: error.runtimeStatus });
  return error;
}

/** A route of the management API: its handler's engine errors become problems. */
const managedRoute: typeof route = (spec) =>
  route({
    ...spec,
    handler: async (input) => {
      try {
        return await spec.handler(input);
      } catch (error) {
        throw asProblem(error);
      }
    },
  });

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

const polling = { location: 'Status URL', 'retry-after': 'Seconds to wait before polling' };

managedRoute({
  name: 'orchestrations-start',
  methods: ['POST'],
  path: 'orchestrators/{name}',
  auth: 'function',
  tag: 'orchestrations',
  summary: 'Start an orchestration (staff)',
  description: 'The body is optional. With `waitForCompletion` (ms) the answer waits for the output.',
  params: StartParams,
  query: StartQuery,
  body: StartBody,
  readBody: 'optional',
  responses: {
    200: { description: 'Finished within waitForCompletion: the output when completed, else the status', schema: z.unknown() },
    202: { description: 'Started', schema: InstanceLinks, headers: polling },
  },
  problems: [404, 409],
  handler: async ({ params, query, body: start, request }) => {
    let status = await durable().startNew(params.name, { instanceId: query.instanceId ?? start.instanceId, input: start.input });
    if (query.waitForCompletion !== undefined) status = await waitForCompletion(status, query.waitForCompletion);
    if (query.waitForCompletion !== undefined && isFinished(status)) {
      return status.runtimeStatus === 'Completed' ? json(status.output) : json(body(status));
    }
    const urls = links(request, status.instanceId);
    return json(urls, { status: 202, headers: { location: urls.statusQueryGetUri, 'retry-after': '1' } });
  },
});

managedRoute({
  name: 'orchestrations-status',
  methods: ['GET'],
  path: 'instances/{id}',
  auth: 'function',
  tag: 'orchestrations',
  summary: 'Status of an orchestration instance (staff)',
  params: InstanceParams,
  query: StatusQuery,
  responses: {
    200: { description: 'Finished', schema: InstanceStatusSchema },
    202: { description: 'Still running', schema: InstanceStatusSchema, headers: polling },
  },
  problems: [404],
  handler: async ({ params, query, request }) => {
    const status = await durable().getStatus(params.id, query);
    if (!status) throw new InstanceNotFoundError(params.id);
    return statusResponse(request, status);
  },
});

managedRoute({
  name: 'orchestrations-list',
  methods: ['GET'],
  path: 'instances',
  auth: 'function',
  tag: 'orchestrations',
  summary: 'List orchestration instances (staff)',
  query: ListQuery,
  responses: {
    200: { description: 'Instances', schema: z.array(InstanceStatusSchema), headers: { 'x-ms-continuation-token': 'Send it back as a request header for the next page' } },
  },
  handler: async ({ query, request }) => {
    const page = await durable().listInstances({
      status: query.runtimeStatus,
      createdFrom: query.createdTimeFrom,
      createdTo: query.createdTimeTo,
      pageSize: query.top,
      continuationToken: request.headers.get(continuationHeader) ?? undefined,
    });
    return json(page.instances, { headers: page.continuationToken ? { [continuationHeader]: page.continuationToken } : {} });
  },
});

managedRoute({
  name: 'orchestrations-raise-event',
  methods: ['POST'],
  path: 'instances/{id}/raiseEvent/{event}',
  auth: 'function',
  tag: 'orchestrations',
  summary: 'Send an event to an instance (staff)',
  description: 'The body (optional, any JSON) is the event data.',
  params: EventParams,
  responses: { 202: { description: 'Accepted', schema: InstanceStatusSchema } },
  problems: [404, 410],
  handler: async ({ params, request }) => {
    const status = await durable().raiseEvent(params.id, params.event, await optionalJson(request));
    return json(body(status), { status: 202 });
  },
});

const commands = {
  terminate: { summary: 'Terminate an instance (staff)', run: (id: string, reason?: string) => durable().terminate(id, reason) },
  suspend: { summary: 'Suspend an instance (staff)', run: (id: string) => durable().suspend(id) },
  resume: { summary: 'Resume a suspended instance (staff)', run: (id: string) => durable().resume(id) },
};

for (const [command, { summary, run }] of Object.entries(commands)) {
  managedRoute({
    name: `orchestrations-${command}`,
    methods: ['POST'],
    path: `instances/{id}/${command}`,
    auth: 'function',
    tag: 'orchestrations',
    summary,
    params: InstanceParams,
    query: ReasonQuery,
    responses: { 202: { description: 'Accepted; the status as it is now', schema: InstanceStatusSchema } },
    problems: [404, 410],
    handler: async ({ params: { id }, query: { reason } }) => {
      const current = await existing(id);
      if (isFinished(current)) throw new InstanceFinishedError(id, current.runtimeStatus);
      return json(body(await run(id, reason)), { status: 202 });
    },
  });
}

managedRoute({
  name: 'orchestrations-purge',
  methods: ['DELETE'],
  path: 'instances/{id}',
  auth: 'function',
  tag: 'orchestrations',
  summary: 'Delete an instance and its history (staff)',
  params: InstanceParams,
  responses: { 200: { description: 'Deleted', schema: z.object({ instancesDeleted: z.number().int() }) } },
  problems: [404],
  handler: async ({ params }) => {
    if (!(await durable().purge(params.id))) throw new InstanceNotFoundError(params.id);
    return json({ instancesDeleted: 1 });
  },
});

timer('orchestrations-tick', {
  schedule: '*/10 * * * * *',
  handler: async (_timer, context) => {
    const { due } = await durable().tick();
    if (due) context.log(`Resumed ${due} orchestration instance(s)`);
  },
});
