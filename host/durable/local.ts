import type http from 'node:http';
import type { FunctionInput } from '@azure/functions';
import type { Config } from '../../lib/config';
import { endpointFrom } from './tables';
import type { LocalHostOptions } from '../server';
import { apiRequest, type DurableExtension, hubNameFrom, startDurableExtension, usesDurableFunctions, webhookPath, writeApiResponse } from './extension';

const isDurableClient = (binding: FunctionInput) => binding.type === 'durableClient' || binding.type === 'orchestrationClient';

/**
 * Starts the Durable Task stand-in when the function app uses Durable Functions: the hub name from
 * host.json (else DURABLE_TASK_HUB), the orchestration tables in the configured storage.
 */
export async function startLocalDurable(settings: Config, apiKey: string, appDirectory = process.cwd()) {
  if (!usesDurableFunctions()) return undefined;
  const extension = await startDurableExtension({
    storage: endpointFrom(settings),
    hubName: hubNameFrom(appDirectory) || settings.taskHub,
    origin: `http://localhost:${settings.port}`,
    key: apiKey,
  });
  return { extension, hostOptions: durableHostOptions(() => extension), inputs: bindingData(() => extension), stop: () => extension.stop() };
}

/** The data of a function's input binding that the extension supplies: the durable client's. */
const bindingData = (extension: () => DurableExtension) => (binding: FunctionInput) => (isDurableClient(binding) ? extension().clientBindingData() : undefined);

/** What the local host serves for the extension: the durable client binding's data and the management webhooks. */
export function durableHostOptions(extension: () => DurableExtension): Pick<LocalHostOptions, 'inputs' | 'systemRoutes'> {
  return {
    inputs: bindingData(extension),
    systemRoutes: [
      {
        prefix: `${webhookPath}/`,
        async handle(incoming: http.IncomingMessage, outgoing: http.ServerResponse, url: URL) {
          writeApiResponse(outgoing, await extension().api.handle(await apiRequest(incoming, url, `${webhookPath}/`)));
        },
      },
    ],
  };
}
