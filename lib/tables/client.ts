/** Azure Table Storage clients (Azurite locally): the orchestration stand-in's tables and the assistant's rate-limit counters. */
import type { TableClient, TableServiceClientOptions } from '@azure/data-tables';
import { azureCredential } from '../azure-credential';

/** A write lost to another one: the row exists (409) or its ETag changed (412). */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/** Where tables live: a connection string (Azurite, keys) or a table service endpoint reached by managed identity. */
export type TableEndpoint = { connectionString: string } | { url: string };

/** The storage settings a table client needs, as configuration holds them. */
export interface StorageSettings {
  storageConnectionString?: string;
  storageTableEndpoint?: string;
}

export function endpointFrom(cfg: StorageSettings): TableEndpoint {
  if (cfg.storageConnectionString) return { connectionString: cfg.storageConnectionString };
  if (cfg.storageTableEndpoint) return { url: cfg.storageTableEndpoint };
  throw new Error('Table Storage is not configured: set AzureWebJobsStorage, DURABLE_STORAGE_CONNECTION_STRING or AzureWebJobsStorage__tableServiceUri');
}

/** The OData filter builder of @azure/data-tables, which loads on first use. */
export const odata = (strings: TemplateStringsArray, ...values: unknown[]): string =>
  (require('@azure/data-tables') as typeof import('@azure/data-tables')).odata(strings, ...values);

/** @azure/data-tables (and @azure/identity) load with the first table call, not at start. */
export function tableClient(endpoint: TableEndpoint, table: string): TableClient {
  const policy = recreateMissingTable(() => ensureTable(bareClient(endpoint, table)));
  return bareClient(endpoint, table, { additionalPolicies: [{ policy, position: 'perCall' }] });
}

function bareClient(endpoint: TableEndpoint, table: string, options: TableServiceClientOptions = {}): TableClient {
  const { TableClient } = require('@azure/data-tables') as typeof import('@azure/data-tables');
  if ('url' in endpoint) return new TableClient(endpoint.url, table, azureCredential(), options);
  const { connectionString } = endpoint;
  const insecure = /DefaultEndpointsProtocol=http;|TableEndpoint=http:|UseDevelopmentStorage=true/i.test(connectionString);
  return TableClient.fromConnectionString(connectionString, table, { ...options, allowInsecureConnection: insecure });
}

/**
 * A table that vanished after it was created (deleted by hand, or lost by an emulator that died before
 * saving it) is created again and the request retried once, instead of every call failing with
 * TableNotFound until the process restarts.
 */
type PipelinePolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number]['policy'];

function recreateMissingTable(create: () => Promise<void>): PipelinePolicy {
  return {
    name: 'recreateMissingTable',
    async sendRequest(request, next) {
      try {
        return await next(request);
      } catch (error) {
        // A RestError from the deserialization policy after this one; the response's error code names a missing table.
        const code = (error as { response?: { headers: { get(name: string): string | undefined } } }).response?.headers.get('x-ms-error-code');
        if (httpStatusOf(error) !== 404 || code !== 'TableNotFound') throw error;
        await create();
        return next(request);
      }
    },
  };
}

export async function ensureTable(client: TableClient): Promise<void> {
  try {
    await client.createTable();
  } catch (error) {
    if (httpStatusOf(error) !== 409) throw error;
  }
}

export function httpStatusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number } | undefined)?.statusCode;
}

/** Runs a write; 409 (row exists) and 412 (ETag changed) become ConflictError. */
export async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const status = httpStatusOf(error);
    if (status === 409 || status === 412) throw new ConflictError((error as Error).message);
    throw error;
  }
}

/** Resolves when the account answers at all (even "no such table"); rejects when it cannot be reached in time. */
export async function probeTables(endpoint: TableEndpoint, timeoutMs: number): Promise<void> {
  try {
    await bareClient(endpoint, 'HealthProbe').getEntity('probe', 'probe', { abortSignal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    if (typeof (error as { statusCode?: unknown }).statusCode !== 'number') throw error;
  }
}
