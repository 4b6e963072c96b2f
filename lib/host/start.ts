import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { config, loadConfig } from '../config';
import { registrations } from '../http/app';
import { closeServices, services } from '../services';
import { startAzurite, type Azurite } from './azurite';
import { freePort } from './free-port';
import { applyLocalSettings } from './local-settings';
import { createLocalHost } from './server';
import { startTimers } from './timers';

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

/** Loads the function app. Outside Azure, @azure/functions warns once per registration that it is in test mode; one line says it instead. */
function registerFunctions(): void {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = String(args[0]);
    if (!text.startsWith('WARNING: Skipping call to register function') && !text.startsWith('WARNING: Failed to detect the Azure Functions runtime')) warn(...args);
  };
  try {
    require('../../functions');
  } finally {
    console.warn = warn;
  }
}

async function main(): Promise<void> {
  const settingsFile = applyLocalSettings(process.cwd());
  const azurite = wantsLocalAzurite() ? await startLocalAzurite() : undefined;
  if (azurite) env.AzureWebJobsStorage = azurite.connectionString;
  const generatedKey = !env.FUNCTIONS_API_KEY?.trim();
  if (generatedKey) env.FUNCTIONS_API_KEY = randomBytes(24).toString('base64url');

  // Every setting is final before the function app loads, so a module may read config() at import.
  if (loadConfig().port === 0) env.PORT = String(await freePort());
  registerFunctions();
  const early = loadConfig();
  const server = createLocalHost({ functions: registrations.http, apiKey: env.FUNCTIONS_API_KEY!, logRequests: early.logRequests });
  server.listen(early.port, '0.0.0.0');
  await once(server, 'listening');

  const settings = config();
  const { store } = await services();
  const flightCount = (await store.flights.count()).toLocaleString('en');
  const stopTimers = startTimers(registrations.timers);
  const api = `http://localhost:${settings.port}/api`;

  console.log(
    [
      'Smart Flight Booking (智能机票预订) — local Functions host',
      settingsFile ? `  settings:  ${settingsFile}` : '  settings:  environment (no local.settings.json)',
      `  database:  ${settings.database.kind === 'sqlite' ? settings.database.path : 'Azure SQL'} (${flightCount} flights)`,
      `  storage:   ${azurite ? `Azurite tables on port ${azurite.port}, data in ${path.join(settings.dataDir, 'azurite')}` : 'configured account'}`,
      `  planner:   ${settings.openai.endpoint ? `Azure OpenAI (${settings.openai.deployment})` : 'offline zh/en planner'}`,
      `  functions: ${registrations.http.length} HTTP, ${registrations.timers.length} timer`,
      generatedKey ? `  function key (generated for this run): ${env.FUNCTIONS_API_KEY}` : '  function key: FUNCTIONS_API_KEY',
      '',
      `Listening on ${api}`,
      `  ${api}/flights/search/北京/上海`,
      `  ${api}/docs`,
      `  ${api}/health`,
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    stopTimers();
    server.close();
    server.closeAllConnections();
    await closeServices();
    await azurite?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('The local host could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
