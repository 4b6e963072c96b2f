import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { once } from 'node:events';
import type { TableEndpoint } from './tables';
import { functionRegistry } from '../worker/functions-core';
import { DurableClientService } from './client';
import { OrchestrationRunner } from './runner';
import { DurableStore } from './store';
import { type ApiRequest, type Links, ManagementApi, managementUrls } from './webhooks';

/** Where the extension's management API lives on the host, as in Azure. */
export const webhookPath = '/runtime/webhooks/durabletask';

/** The extension's local RPC endpoint (LocalHttpListener) tries this port first, then a random one. */
const defaultRpcPort = 17071;

export interface DurableExtensionOptions {
  storage: TableEndpoint;
  hubName: string;
  /** Origin the host serves, e.g. http://localhost:7071. */
  origin: string;
  /** The key the management API requires (the system key's part in Azure); put in the URLs it hands out. */
  key: string;
  pollMs?: number;
  leaseMs?: number;
}

/**
 * The task hub name as the extension reads it: host.json extensions.durableTask.hubName, where
 * %NAME% is taken from the app setting NAME.
 */
export function hubNameFrom(appDirectory: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = path.join(appDirectory, 'host.json');
  if (!fs.existsSync(file)) return undefined;
  const hub = (JSON.parse(fs.readFileSync(file, 'utf8')) as { extensions?: { durableTask?: { hubName?: string } } }).extensions?.durableTask?.hubName;
  return hub?.replace(/^%(\w+)%$/, (_, name: string) => env[name] ?? '');
}

/** True when the app registered an orchestration, activity or durable client: then the host runs the extension. */
export function usesDurableFunctions(): boolean {
  for (const { metadata } of functionRegistry.functions.values()) {
    if (Object.values(metadata.bindings).some((b) => /^(orchestrationTrigger|activityTrigger|durableClient|orchestrationClient)$/i.test(b.type))) return true;
  }
  return false;
}

export async function apiRequest(incoming: http.IncomingMessage, url: URL, base: string): Promise<ApiRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(incoming.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return { method: incoming.method ?? 'GET', url: url.href, path: url.pathname.slice(base.length), query: url.searchParams, headers, body: Buffer.concat(chunks) };
}

export function writeApiResponse(outgoing: http.ServerResponse, response: { status: number; body?: unknown; headers?: Record<string, string> }): void {
  const body = response.body === undefined ? undefined : JSON.stringify(response.body);
  outgoing.writeHead(response.status, { ...(body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...response.headers });
  outgoing.end(body);
}

async function listen(server: http.Server): Promise<number> {
  for (const port of [defaultRpcPort, 0]) {
    try {
      server.listen(port, '127.0.0.1');
      await once(server, 'listening');
      return (server.address() as { port: number }).port;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    }
  }
  throw new Error('unreachable');
}

/**
 * The local stand-in for the Durable Task extension: runs orchestrations from the stand-in's tables,
 * serves the management API and the durable client's loopback RPC endpoint, and polls for due timers.
 */
export async function startDurableExtension(options: DurableExtensionOptions) {
  const store = DurableStore.connect(options.storage, options.hubName);
  await store.open();
  const runner = new OrchestrationRunner({ store, leaseMs: options.leaseMs });
  const client = new DurableClientService(runner);
  const baseUrl = `${options.origin}${webhookPath}`;
  const code = `code=${encodeURIComponent(options.key)}`;
  const links: Links = { baseUrl, querySuffix: `taskHub=${encodeURIComponent(options.hubName)}&connection=Storage&${code}` };
  const api = new ManagementApi(client, links);
  const rpc = http.createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/durabletask/')) return writeApiResponse(outgoing, { status: 404 });
    void apiRequest(incoming, url, '/durabletask/')
      .then((request) => api.handle(request))
      .then((response) => writeApiResponse(outgoing, response));
  });
  const rpcPort = await listen(rpc);
  let polling: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    polling = polling.then(() => runner.tick()).catch((error: unknown) => console.error('Durable poller:', error));
  }, options.pollMs ?? 1000);
  return {
    client,
    runner,
    api,
    rpcBaseUrl: `http://127.0.0.1:${rpcPort}/durabletask/`,
    /** The durableClient input binding's data (the extension's OrchestrationClientInputData). */
    clientBindingData() {
      return {
        taskHubName: options.hubName,
        creationUrls: {
          createNewInstancePostUri: `${baseUrl}/orchestrators/{functionName}[/{instanceId}]?${code}`,
          createAndWaitOnNewInstancePostUri: `${baseUrl}/orchestrators/{functionName}[/{instanceId}]?timeout={timeoutInSeconds}&pollingInterval={intervalInSeconds}&${code}`,
        },
        managementUrls: managementUrls(links, 'INSTANCEID'),
        baseUrl,
        requiredQueryStringParameters: code,
        rpcBaseUrl: `http://127.0.0.1:${rpcPort}/durabletask/`,
      };
    },
    async stop() {
      clearInterval(timer);
      await polling;
      rpc.close();
      rpc.closeAllConnections();
      await runner.idle();
    },
  };
}

export type DurableExtension = Awaited<ReturnType<typeof startDurableExtension>>;
