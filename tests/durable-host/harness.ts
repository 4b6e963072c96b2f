import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type http from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { type DurableExtension, startDurableExtension } from '../../host/durable/extension';
import { durableHostOptions } from '../../host/durable/local';
import type { StatusPayload } from '../../host/durable/status';
import { provideFunctionsCore } from '../../host/worker/functions-core';
import { registeredHttpFunctions } from '../../host/worker/registered';
import { createLocalHost } from '../../host/server';
import { uniqueHub, useAzurite } from '../support/azurite';

/**
 * The fixture app served by the local host with the Durable stand-in over a real Azurite: the
 * host provides @azure/functions-core before the app loads, exactly as `npm start` does.
 */
export function useStandIn() {
  const azurite = useAzurite();
  const key = `key-${randomBytes(6).toString('hex')}`;
  let server: http.Server | undefined;
  let extension: DurableExtension | undefined;
  let origin = '';
  let fixture: typeof import('./fixture') | undefined;
  beforeAll(async () => {
    provideFunctionsCore();
    fixture = await import('./fixture');
    server = createLocalHost({ functions: registeredHttpFunctions(), apiKey: key, logRequests: false, routePrefix: 'api', ...durableHostOptions(() => extension!) });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    extension = await startDurableExtension({ storage: { connectionString: azurite.connectionString }, hubName: uniqueHub('Hub'), origin, key, pollMs: 100 });
  }, 60_000);
  afterAll(async () => {
    server?.close();
    server?.closeAllConnections();
    await extension?.stop();
  });
  return {
    key,
    get origin() {
      return origin;
    },
    get extension() {
      return extension!;
    },
    get scaffolding() {
      return fixture!.scaffolding;
    },
    /** A request to the app's HTTP functions (/api/…). */
    api(path: string, init: { method?: string; json?: unknown } = {}) {
      return fetch(`${origin}/api/${path}`, {
        method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
        ...(init.json === undefined ? {} : { body: JSON.stringify(init.json), headers: { 'content-type': 'application/json' } }),
      });
    },
    /** A request to the management webhooks, with the key. */
    webhook(path: string, init: RequestInit = {}) {
      const url = new URL(`${origin}/runtime/webhooks/durabletask/${path}`);
      url.searchParams.set('code', key);
      return fetch(url, init);
    },
    /** Polls the status until it leaves Pending/Running (or the test times out). */
    async finished(instanceId: string, done = (status: StatusPayload) => !['Pending', 'Running', 'ContinuedAsNew', 'Suspended'].includes(status.runtimeStatus)) {
      for (;;) {
        const status = await extension!.client.status(instanceId, { showHistory: true, showHistoryOutput: true });
        if (status && done(status)) return status;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
