import { once } from 'node:events';
import { config } from '../lib/config';
import { closeServices } from '../app/services';
import { startLocalDurable } from './durable/local';
import { provideFunctionsCore } from './worker/functions-core';
import { registeredHttpFunctions, registeredTimers } from './worker/registered';
import { corsPolicy, type CorsPolicy } from './cors';
import { localHostSection } from './local-settings';
import { createLocalHost } from './server';
import { startTimers } from './timers';
import { runWarmups } from './warmup';

/**
 * Loads the function app the way the Node worker does: @azure/functions registers every function
 * through @azure/functions-core, which the host provides (so there is no "test mode" here).
 */
export function registerFunctions(): void {
  provideFunctionsCore();
  require('../functions');
}

/** CORS from the Host section of local.settings.json in the working folder, as func start reads it. */
export function localCors(): CorsPolicy | undefined {
  return corsPolicy(localHostSection(process.cwd()));
}

/**
 * Serves the function app in this process on the configured port (in a cluster worker the port is
 * shared); runs the timer functions when asked to, as one instance does in Azure.
 */
export async function serveFunctions(options: { runTimers: boolean }): Promise<() => Promise<void>> {
  registerFunctions();
  const settings = config();
  const apiKey = process.env.FUNCTIONS_API_KEY!;
  const durable = await startLocalDurable(settings, apiKey);
  const server = createLocalHost({
    functions: registeredHttpFunctions(),
    apiKey,
    logRequests: settings.logRequests,
    cors: localCors(),
    requestTimeoutSeconds: settings.http.requestTimeoutSeconds,
    maxConnections: settings.http.maxConnections,
    ...durable?.hostOptions,
  });
  server.listen(settings.port, '0.0.0.0');
  await once(server, 'listening');
  runWarmups();
  const stopTimers = options.runTimers ? startTimers(registeredTimers(), durable?.inputs) : () => undefined;
  return async () => {
    stopTimers();
    server.close();
    server.closeAllConnections();
    await durable?.stop();
    await closeServices();
  };
}
