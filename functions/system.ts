import { config } from '../lib/config';
import { endpointFrom, probeTables, type StorageSettings } from '../lib/tables/client';
import { json } from '../lib/http/app';
import { Health, Stats } from '../lib/http/openapi/schemas';
import { route } from '../lib/http/route';
import { serviceRoute } from './route';
import { renderMetrics } from '../lib/http/metrics';
import { services } from '../app/services';

type CheckStatus = 'pass' | 'warn' | 'fail';
interface Check {
  status: CheckStatus;
  detail: string;
}

async function databaseChecks(): Promise<{ database: Check; migrations: Check }> {
  try {
    const { version, latest, kind } = await (await services()).system.schema();
    return {
      database: { status: 'pass', detail: `${kind} reachable` },
      migrations: version === latest
        ? { status: 'pass', detail: `schema version ${version}` }
        : { status: 'fail', detail: `schema version ${version}, expected ${latest}` },
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { database: { status: 'fail', detail }, migrations: { status: 'fail', detail: 'not checked: database unreachable' } };
  }
}

/** Table Storage (conversations, limits): configured and answering. Down, the assistant is, not the booking API. */
async function storageCheck(settings: StorageSettings): Promise<Check> {
  if (!settings.storageConnectionString && !settings.storageTableEndpoint) {
    return { status: 'warn', detail: 'AzureWebJobsStorage is not set: conversations cannot be stored' };
  }
  try {
    await probeTables(endpointFrom(settings), 2_000);
    return { status: 'pass', detail: 'orchestration storage reachable' };
  } catch (error) {
    return { status: 'fail', detail: `orchestration storage unreachable: ${error instanceof Error ? error.message : String(error)}` };
  }
}

route({
  name: 'health',
  methods: ['GET'],
  path: 'health',
  auth: 'anonymous',
  tag: 'system',
  summary: 'Health of the database, storage and AI',
  responses: {
    200: { description: 'Healthy or degraded', schema: Health },
    503: { description: 'Unhealthy: the database is unreachable or not migrated', schema: Health },
  },
  handler: async () => {
    const settings = config();
    const checks = {
      ...(await databaseChecks()),
      storage: await storageCheck(settings),
      // The offline planner is the documented default, not a fault: only something configured and failing degrades.
      ai: {
        status: 'pass' as const,
        detail: settings.openai.endpoint ? `Azure OpenAI deployment ${settings.openai.deployment}` : 'offline zh/en planner (AZURE_OPENAI_ENDPOINT not set)',
      },
    };
    const statuses = Object.values(checks).map((check) => check.status);
    const unhealthy = checks.database.status === 'fail' || checks.migrations.status === 'fail';
    const status = unhealthy ? 'unhealthy' : statuses.some((check) => check !== 'pass') ? 'degraded' : 'healthy';
    return json({ status, timestamp: new Date().toISOString(), checks }, { status: unhealthy ? 503 : 200 });
  },
});

serviceRoute({
  name: 'stats',
  methods: ['GET'],
  path: 'stats',
  auth: 'anonymous',
  tag: 'system',
  summary: 'Booking and flight statistics',
  responses: { 200: { description: 'Counts, routes and load factors', schema: Stats } },
  handler: async (_input, { system }) => json({ ...(await system.stats()), timestamp: new Date().toISOString() }),
});

route({
  name: 'metrics',
  methods: ['GET'],
  path: 'metrics',
  auth: 'anonymous',
  tag: 'system',
  summary: 'Request metrics in Prometheus text format',
  responses: { 200: { description: 'Counters and latency histograms by route, method and status', contentType: 'text/plain' } },
  handler: async () => ({ status: 200, headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }, body: renderMetrics() }),
});
