import { config } from '../lib/config';
import { http, json } from '../lib/http/app';
import { renderMetrics } from '../lib/http/metrics';
import { services } from '../app/services';

type CheckStatus = 'pass' | 'warn' | 'fail';
interface Check {
  status: CheckStatus;
  detail: string;
}

async function databaseChecks(): Promise<{ database: Check; migrations: Check }> {
  try {
    const { store } = await services();
    const { version, latest } = await store.health();
    return {
      database: { status: 'pass', detail: `${store.kind} reachable` },
      migrations: version === latest
        ? { status: 'pass', detail: `schema version ${version}` }
        : { status: 'fail', detail: `schema version ${version}, expected ${latest}` },
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { database: { status: 'fail', detail }, migrations: { status: 'fail', detail: 'not checked: database unreachable' } };
  }
}

http('health', {
  methods: ['GET'],
  route: 'health',
  authLevel: 'anonymous',
  handler: async () => {
    const settings = config();
    const checks = {
      ...(await databaseChecks()),
      storage: settings.storageConnectionString || settings.storageAccountName
        ? { status: 'pass' as const, detail: 'orchestration storage configured' }
        : { status: 'warn' as const, detail: 'AzureWebJobsStorage is not set: conversations cannot be stored' },
      // The offline planner is the documented default, not a fault: only something configured and failing degrades.
      ai: {
        status: 'pass' as const,
        detail: settings.openai.endpoint ? `Azure OpenAI deployment ${settings.openai.deployment}` : 'offline zh/en planner (AZURE_OPENAI_ENDPOINT not set)',
      },
    };
    const statuses = Object.values(checks).map((check) => check.status);
    const unhealthy = checks.database.status === 'fail' || checks.migrations.status === 'fail';
    const status = unhealthy ? 'unhealthy' : statuses.includes('warn') ? 'degraded' : 'healthy';
    return json({ status, timestamp: new Date().toISOString(), checks }, { status: unhealthy ? 503 : 200 });
  },
});

http('stats', {
  methods: ['GET'],
  route: 'stats',
  authLevel: 'anonymous',
  handler: async () => {
    const { store } = await services();
    const [bookings, totalFlights] = await Promise.all([store.bookings.stats(), store.flights.count()]);
    return json({
      total_bookings: bookings.total,
      total_flights: totalFlights,
      confirmed_bookings: bookings.confirmed,
      pending_bookings: bookings.pending,
      cancelled_bookings: bookings.cancelled,
      routes: bookings.routes,
      load_factors: bookings.loadFactors.map((row) => ({ ...row, load_factor: row.capacity ? Math.round((row.seats_sold / row.capacity) * 1000) / 1000 : 0 })),
      timestamp: new Date().toISOString(),
    });
  },
});

http('metrics', {
  methods: ['GET'],
  route: 'metrics',
  authLevel: 'anonymous',
  handler: async () => ({ status: 200, headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }, body: renderMetrics() }),
});
