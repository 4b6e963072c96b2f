import { once } from 'node:events';
import { startLocalDurable } from '../../host/durable/local';
import { provideFunctionsCore } from '../../host/worker/functions-core';
import { registeredHttpFunctions, registeredTimers } from '../../host/worker/registered';
import { config } from '../config';
import { closeServices } from '../services';
import { createLocalHost } from './server';
import { startTimers } from './timers';

/** Loads the function app. Outside Azure, @azure/functions warns once per registration that it is in test mode; one line says it instead. */
export function registerFunctions(): void {
  // The worker's module, through which @azure/functions registers every function with the host.
  provideFunctionsCore();
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

/**
 * Serves the function app in this process on the configured port (in a cluster worker the port is
 * shared); runs the timer functions when asked to, as one instance does in Azure.
 */
export async function serveFunctions(options: { runTimers: boolean }): Promise<() => Promise<void>> {
  registerFunctions();
  const settings = config();
  const apiKey = process.env.FUNCTIONS_API_KEY!;
  const durable = await startLocalDurable(settings, apiKey);
  const server = createLocalHost({ functions: registeredHttpFunctions(), apiKey, logRequests: settings.logRequests, ...durable?.hostOptions });
  server.listen(settings.port, '0.0.0.0');
  await once(server, 'listening');
  const stopTimers = options.runTimers ? startTimers(registeredTimers()) : () => undefined;
  return async () => {
    stopTimers();
    server.close();
    server.closeAllConnections();
    await durable?.stop();
    await closeServices();
  };
}
