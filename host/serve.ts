import { once } from 'node:events';
import { config } from '../lib/config';
import { registrations } from '../lib/http/app';
import { closeServices } from '../app/services';
import { createLocalHost } from './server';
import { startTimers } from './timers';

/** Loads the function app. Outside Azure, @azure/functions warns once per registration that it is in test mode; one line says it instead. */
export function registerFunctions(): void {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = String(args[0]);
    if (!text.startsWith('WARNING: Skipping call to register function') && !text.startsWith('WARNING: Failed to detect the Azure Functions runtime')) warn(...args);
  };
  try {
    require('../functions');
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
  const server = createLocalHost({ functions: registrations.http, apiKey: process.env.FUNCTIONS_API_KEY!, logRequests: settings.logRequests });
  server.listen(settings.port, '0.0.0.0');
  await once(server, 'listening');
  const stopTimers = options.runTimers ? startTimers(registrations.timers) : () => undefined;
  return async () => {
    stopTimers();
    server.close();
    server.closeAllConnections();
    await closeServices();
  };
}
