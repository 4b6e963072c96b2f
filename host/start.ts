import { settingsFile } from './bootstrap';
import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import path from 'node:path';
import { config, loadConfig } from '../lib/config';
import { stopTelemetry } from '../lib/telemetry';
import { registeredHttpFunctions, registeredTimers } from './worker/registered';
import { closeServices, services } from '../app/services';
import { startAzurite, type Azurite } from './azurite';
import { freePort } from './free-port';
import { persistentFunctionKey } from './function-key';
import { localCors, registerFunctions, serveFunctions } from './serve';

const env = process.env;

function wantsLocalAzurite(): boolean {
  if (env.DURABLE_STORAGE_CONNECTION_STRING?.trim() || env.AzureWebJobsStorage__accountName?.trim()) return false;
  const storage = env.AzureWebJobsStorage?.trim();
  return !storage || storage.includes('UseDevelopmentStorage=true');
}

async function startLocalAzurite(): Promise<Azurite> {
  const early = loadConfig();
  const location = path.join(early.dataDir, 'azurite');
  try {
    return await startAzurite({ port: early.azuriteTablePort, location });
  } catch (error) {
    if (early.azuriteTablePort === 0) throw error;
    console.warn(`Azurite could not use port ${early.azuriteTablePort} (${(error as Error).message}); using a free port.`);
    return startAzurite({ port: 0, location });
  }
}

/** Forks the worker processes and resolves once every one of them is listening. */
async function startWorkers(count: number): Promise<Worker[]> {
  const workers = Array.from({ length: count }, (_, index) => cluster.fork({ WORKER_INDEX: String(index) }));
  await Promise.all(workers.map((worker) => once(worker, 'listening')));
  return workers;
}

async function main(): Promise<void> {
  let stopping = false;
  const cors = localCors(); // A policy func would refuse stops the start here, before any worker forks.
  const azurite = wantsLocalAzurite() ? await startLocalAzurite() : undefined;
  if (azurite) env.AzureWebJobsStorage = azurite.connectionString;
  const generatedKey = env.FUNCTIONS_API_KEY?.trim() ? undefined : persistentFunctionKey(loadConfig().dataDir);
  if (generatedKey) env.FUNCTIONS_API_KEY = generatedKey.key;
  // Every setting is final before the function app loads, so a module may read config() at import.
  if (loadConfig().port === 0) env.PORT = String(await freePort());

  const settings = config();
  // As in Azure, the host serves even when the database is down; /api/health reports it.
  const database = await services()
    .then(async ({ flights }) => `${(await flights.count()).toLocaleString('en')} flights`)
    .catch((error: unknown) => `UNREACHABLE: ${error instanceof Error ? error.message : String(error)}`);
  registerFunctions();
  const processes = settings.workerProcesses;
  let stopServing: () => Promise<void>;
  if (processes === 1) {
    stopServing = await serveFunctions({ runTimers: true });
  } else {
    // The database is migrated and seeded once, here, before the workers open it.
    await closeServices();
    const workers = await startWorkers(processes);
    cluster.on('exit', (worker, code, signal) => {
      if (!stopping) console.error(`Worker ${worker.process.pid} exited (${signal ?? code})`);
    });
    stopServing = async () => {
      await Promise.all(workers.filter((w) => !w.isDead()).map((w) => (w.kill('SIGTERM'), once(w, 'exit'))));
    };
  }
  const api = `http://localhost:${settings.port}/api`;

  console.log(
    [
      'Smart Flight Booking (智能机票预订) — local Functions host',
      settingsFile ? `  settings:  ${settingsFile}` : '  settings:  environment (no local.settings.json)',
      `  database:  ${settings.database.kind === 'sqlite' ? settings.database.path : 'Azure SQL'} (${database})`,
      `  storage:   ${azurite ? `Azurite tables on port ${azurite.port}, data in ${path.join(settings.dataDir, 'azurite')}` : 'configured account'}`,
      `  planner:   ${settings.openai.endpoint ? `Azure OpenAI (${settings.openai.deployment})` : 'offline zh/en planner'}`,
      `  CORS:      ${cors ? `${cors.anyOrigin ? '*' : [...cors.origins].join(', ')}${cors.credentials ? ' (with credentials)' : ''}` : 'off (Host.CORS not set)'}`,
      `  functions: ${registeredHttpFunctions().length} HTTP, ${registeredTimers().length} timer, in ${processes} worker process${processes === 1 ? '' : 'es'}`,
      generatedKey
        ? `  function key: ${generatedKey.key} (${generatedKey.created ? 'generated, kept' : 'kept'} in ${generatedKey.file})`
        : '  function key: FUNCTIONS_API_KEY',
      '',
      `Listening on ${api}`,
      `  ${api}/flights/search/北京/上海`,
      `  ${api}/docs`,
      `  http://localhost:${settings.port}/   (the web app)`,
      `  ${api}/health`,
      '',
    ].join('\n'),
  );

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    await drained(stopServing());
    await stopTelemetry();
    await azurite?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * Waits for in-flight work to finish, but not for ever: with storage down the durable stand-in would retry
 * for minutes. What is cut short is safe, as after a crash: its truth is in storage and it is replayed.
 */
const drainSeconds = 10;
function drained(stopping: Promise<void>): Promise<void> {
  return Promise.race([stopping, new Promise<void>((resolve) => setTimeout(resolve, drainSeconds * 1000).unref())]);
}

/** A worker process: serves the function app on the shared port; the first one also runs the timers. */
async function worker(): Promise<void> {
  const stop = await serveFunctions({ runTimers: env.WORKER_INDEX === '0' });
  const exit = () => void drained(stop()).then(stopTelemetry).then(() => process.exit(0));
  process.on('SIGTERM', exit);
  process.on('SIGINT', () => undefined); // The terminal's Ctrl+C reaches the whole group; the primary decides.
}

(cluster.isPrimary ? main() : worker()).catch((error: unknown) => {
  console.error('The local host could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
