import path from 'node:path';

/**
 * Every setting the app reads, in one table. local.settings.example.json, the Bicep app settings
 * and the README are checked against this table by tests, so a new setting cannot be forgotten.
 */
export interface SettingSpec {
  description: string;
  /** Value used when the setting is absent (shown in local.settings.example.json). */
  example: string;
  /** A secret: never committed, never logged. */
  secret?: boolean;
  /** Set by the Azure platform, not by the user. */
  platform?: boolean;
  /** Only the local host reads it; the Azure deployment does not set it. */
  localOnly?: boolean;
}

export const settings = {
  DATA_DIR: {
    description: 'Folder for local state: the SQLite database and Azurite data. Git-ignored.',
    example: './data',
    localOnly: true,
  },
  DATABASE_URL: {
    description: 'Database: sqlite:<path> (default $DATA_DIR/flightbooking.db) or mssql://user:pass@host/db.',
    example: 'sqlite:./data/flightbooking.db',
  },
  AZURE_SQL_CONNECTION_STRING: {
    description: 'Azure SQL as an ADO.NET connection string (as the portal shows it); overrides DATABASE_URL when set. In Azure the Bicep sets Authentication=Active Directory Managed Identity;User Id=<identity client id>, so it holds no password.',
    example: '',
  },
  SEED_SAMPLE_DATA: {
    description: 'Load the sample airports, airlines and flights into an empty database at start (true/false).',
    example: 'true',
  },
  PORT: {
    description: 'Port of the local host (npm start). func start uses its own --port.',
    example: '7071',
    localOnly: true,
  },
  FUNCTIONS_API_KEY: {
    description: 'Function key the local host requires on authLevel=function routes (x-functions-key header or ?code=). When empty, one is generated on the first start, kept in $DATA_DIR/secrets/function-key (owner-only) and reused on every later start, so clients configured with it keep working; it is printed at start. In Azure the platform checks its own keys.',
    example: '',
    secret: true,
    localOnly: true,
  },
  PUBLIC_BASE_URL: {
    description: 'Base URL of this app as clients and the orchestrator reach it, e.g. https://<app>.azurewebsites.net/api. Derived from WEBSITE_HOSTNAME or the local port when empty.',
    example: '',
  },
  WEBSITE_HOSTNAME: {
    description: 'Host name of the function app, set by Azure.',
    example: '',
    platform: true,
  },
  AzureWebJobsStorage: {
    description: 'Storage account of the Functions runtime; also holds the orchestration tables unless DURABLE_STORAGE_CONNECTION_STRING is set. npm start runs Azurite when it is empty or UseDevelopmentStorage=true.',
    example: 'UseDevelopmentStorage=true',
    secret: true,
  },
  AzureWebJobsStorage__accountName: {
    description: 'Storage account name when the app reaches storage by managed identity (Azure).',
    example: '',
  },
  AzureWebJobsStorage__tableServiceUri: {
    description: 'Table service endpoint of that storage account, e.g. https://<account>.table.core.windows.net (Azure: the Bicep sets it from the account\'s own endpoints, so no cloud suffix is assumed). The app\'s tables use it with the managed identity; the Functions host reads the same setting.',
    example: '',
  },
  AZURE_CLIENT_ID: {
    description: 'Client id of the app\'s user-assigned managed identity (Azure, set by the Bicep). Where the platform offers a managed identity (IDENTITY_ENDPOINT is set), storage and Azure OpenAI are reached with ManagedIdentityCredential for this id; elsewhere with the developer credential chain (azd/az login).',
    example: '',
  },
  IDENTITY_ENDPOINT: {
    description: 'Managed identity endpoint, set by Azure Functions when the app has an identity.',
    example: '',
    platform: true,
  },
  DURABLE_STORAGE_CONNECTION_STRING: {
    description: 'Table Storage for orchestration state, when it differs from AzureWebJobsStorage.',
    example: '',
    secret: true,
  },
  DURABLE_TASK_HUB: {
    description: 'Task hub name (host.json extensions.durableTask.hubName is %DURABLE_TASK_HUB%). The real extension (Azure Storage provider) names its tables <Hub>Instances/<Hub>History; the local stand-in uses <Hub>LocalInstances/<Hub>LocalHistory/<Hub>LocalPayloads, so the two never collide.',
    example: 'FlightBooking',
  },
  DURABLE_TASK_SCHEDULER_CONNECTION_STRING: {
    description: 'Durable Task Scheduler backend instead of Azure Storage: Endpoint=https://<scheduler>.<region>.durabletask.io;Authentication=ManagedIdentity (no secret). Set by the Bicep when durableBackend=DurableTaskScheduler, with the host.json storage provider switched to azureManaged by app settings. Empty: the Azure Storage provider (AzureWebJobsStorage).',
    example: '',
  },
  AZURITE_TABLE_PORT: {
    description: 'Port of the Azurite Table service that npm start runs (0 picks a free one).',
    example: '10002',
    localOnly: true,
  },
  AZURE_OPENAI_ENDPOINT: {
    description: 'Azure OpenAI endpoint, e.g. https://<resource>.openai.azure.com. Empty: the offline zh/en planner answers.',
    example: '',
  },
  AZURE_OPENAI_API_KEY: {
    description: 'Azure OpenAI key. Empty with an endpoint set: Entra ID (managed identity or az login) is used.',
    example: '',
    secret: true,
  },
  AZURE_OPENAI_DEPLOYMENT: {
    description: 'Azure OpenAI chat deployment name.',
    example: 'gpt-4.1',
  },
  AZURE_OPENAI_API_VERSION: {
    description: 'Azure OpenAI API version.',
    example: '2024-10-21',
  },
  AZURE_OPENAI_TIMEOUT_MS: {
    description: 'Timeout of one Azure OpenAI call in milliseconds.',
    example: '30000',
  },
  OPENAI_BASE_URL: {
    description: 'Any OpenAI-compatible chat-completions endpoint instead of Azure OpenAI (used when AZURE_OPENAI_ENDPOINT is empty), up to /v1: a local Ollama http://localhost:11434/v1, vLLM, DeepSeek https://api.deepseek.com/v1, Qwen https://dashscope.aliyuncs.com/compatible-mode/v1. Empty: no such model.',
    example: '',
  },
  OPENAI_API_KEY: {
    description: 'Key for OPENAI_BASE_URL, sent as a Bearer token (any non-empty value for a local server that needs none).',
    example: '',
    secret: true,
  },
  OPENAI_MODEL: {
    description: 'Model name at OPENAI_BASE_URL, e.g. qwen2.5:7b, deepseek-chat, qwen-plus. It must support tool calling.',
    example: 'gpt-4.1',
  },
  BOOKING_HOLD_MINUTES: {
    description: 'How long a pending (held) booking keeps its seats before the timer releases them.',
    example: '20',
  },
  BOOKING_HOLDS_PER_CLIENT: {
    description: 'Open holds (pending bookings made with hold: true) one client address may have through the anonymous REST API; one more gets 429 with Retry-After until a hold ends. 0: no limit.',
    example: '10',
  },
  HOLD_RELEASE_SCHEDULE: {
    description: 'NCRONTAB schedule (seconds first) of the timer that releases expired booking holds; the function binds it as %HOLD_RELEASE_SCHEDULE%.',
    example: '0 * * * * *',
  },
  CONVERSATION_RETENTION_SECONDS: {
    description: 'Assistant conversations idle (no message) or finished for this many seconds (86400: a day) are ended and purged with their Durable history by the conversation-retention timer; a purged conversation is 404.',
    example: '86400',
  },
  CONVERSATION_PURGE_SCHEDULE: {
    description: 'NCRONTAB schedule (seconds first) of the conversation-retention timer; the function binds it as %CONVERSATION_PURGE_SCHEDULE%.',
    example: '0 */5 * * * *',
  },
  ASSISTANT_TURNS_PER_MINUTE_PER_CONVERSATION: {
    description: 'Traveller assistant API: messages and confirmations one conversation may send per minute; more get 429 with Retry-After. 0: no limit.',
    example: '30',
  },
  ASSISTANT_TURNS_PER_MINUTE_PER_CLIENT: {
    description: 'Traveller assistant API: messages and confirmations one client address may send per minute, over all its conversations; more get 429 with Retry-After. 0: no limit.',
    example: '120',
  },
  ASSISTANT_CONVERSATIONS_PER_MINUTE_PER_CLIENT: {
    description: 'Traveller assistant API: conversations one client address may start per minute; more get 429 with Retry-After. 0: no limit.',
    example: '30',
  },
  ASSISTANT_TOKENS_PER_CONVERSATION: {
    description: 'Traveller assistant API: model tokens (prompt + completion) one conversation may use; once used up its messages get 429 (start a new conversation). The offline planner uses none. 0: no limit.',
    example: '200000',
  },
  MCP_ALLOWED_ORIGINS: {
    description: 'Comma-separated browser origins allowed to call the MCP endpoints (requests without Origin are always allowed).',
    example: 'http://localhost:6274',
  },
  FUNCTIONS_WORKER_PROCESS_COUNT: {
    description: 'Local host: worker processes serving the function app on one port (as the Functions host setting of the same name); 1 serves in the host process.',
    example: '1',
    localOnly: true,
  },
  APPLICATIONINSIGHTS_CONNECTION_STRING: {
    description: 'Application Insights connection string. When set (in Azure and under the local host alike), traces, requests, dependencies (SQL, MCP tool calls, HTTP), exceptions and logs are exported with OpenTelemetry, without passenger data. Empty: no telemetry, and the SDK is not loaded.',
    example: '',
  },
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: {
    description: 'Authorization=AAD (optionally ;ClientId=<user-assigned identity>) when the Application Insights resource accepts only Entra ID ingestion: the exporter then authenticates with the managed identity.',
    example: '',
  },
  LOG_REQUESTS: {
    description: 'Local host: log one line per request (true/false).',
    example: 'true',
    localOnly: true,
  },
  HTTP_REQUEST_TIMEOUT_SECONDS: {
    description: 'Local host: a request whose headers and body have not fully arrived after this many seconds is answered 408 and its connection closed (a stalled or slow client cannot hold a socket). In Azure the platform front end bounds requests.',
    example: '30',
    localOnly: true,
  },
  HTTP_MAX_CONNECTIONS: {
    description: 'Local host: open connections one host process accepts at once (per worker process); further connections are refused until one closes.',
    example: '1000',
    localOnly: true,
  },
} as const satisfies Record<string, SettingSpec>;

export type SettingName = keyof typeof settings;

export interface Config {
  dataDir: string;
  database: { kind: 'sqlite'; path: string } | { kind: 'mssql'; connectionString: string };
  seedSampleData: boolean;
  port: number;
  publicBaseUrl: string;
  storageConnectionString: string | undefined;
  storageTableEndpoint: string | undefined;
  taskHub: string;
  azuriteTablePort: number;
  openai: {
    endpoint: string | undefined;
    apiKey: string | undefined;
    deployment: string;
    apiVersion: string;
    timeoutMs: number;
    /** An OpenAI-compatible endpoint, when no Azure endpoint is set. */
    compatible: { baseUrl: string; apiKey: string; model: string } | undefined;
  };
  holdMinutes: number;
  holdsPerClient: number;
  conversationRetentionSeconds: number;
  /** Limits of the traveller's anonymous assistant API; 0 is no limit. */
  assistantLimits: AssistantLimits;
  mcpAllowedOrigins: string[];
  logRequests: boolean;
  workerProcesses: number;
  http: { requestTimeoutSeconds: number; maxConnections: number };
}

export interface AssistantLimits {
  turnsPerMinutePerConversation: number;
  turnsPerMinutePerClient: number;
  conversationsPerMinutePerClient: number;
  tokensPerConversation: number;
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: SettingName): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function readInt(env: Env, name: SettingName, fallback: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`Setting ${name} must be a whole number, got "${raw}"`);
  return value;
}

function readBool(env: Env, name: SettingName, fallback: boolean): boolean {
  const raw = read(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  return raw === 'true' || raw === '1' || raw === 'yes';
}

function databaseFrom(env: Env, dataDir: string): Config['database'] {
  const azureSql = read(env, 'AZURE_SQL_CONNECTION_STRING');
  if (azureSql) return { kind: 'mssql', connectionString: azureSql };
  const url = read(env, 'DATABASE_URL');
  if (!url) return { kind: 'sqlite', path: path.join(dataDir, 'flightbooking.db') };
  if (url.startsWith('sqlite:')) return { kind: 'sqlite', path: path.resolve(url.slice('sqlite:'.length)) };
  if (url.startsWith('mssql:') || url.startsWith('sqlserver:')) return { kind: 'mssql', connectionString: url };
  throw new Error('DATABASE_URL must start with sqlite: or mssql://');
}

function publicBaseUrlFrom(env: Env, port: number): string {
  const explicit = read(env, 'PUBLIC_BASE_URL');
  if (explicit) return explicit.replace(/\/+$/, '');
  const hostname = read(env, 'WEBSITE_HOSTNAME');
  if (hostname) return `https://${hostname}/api`;
  return `http://127.0.0.1:${port}/api`;
}

export function loadConfig(env: Env = process.env): Config {
  const dataDir = path.resolve(read(env, 'DATA_DIR') ?? './data');
  const port = readInt(env, 'PORT', 7071);
  return {
    dataDir,
    database: databaseFrom(env, dataDir),
    seedSampleData: readBool(env, 'SEED_SAMPLE_DATA', true),
    port,
    publicBaseUrl: publicBaseUrlFrom(env, port),
    storageConnectionString: read(env, 'DURABLE_STORAGE_CONNECTION_STRING') ?? read(env, 'AzureWebJobsStorage'),
    storageTableEndpoint: read(env, 'AzureWebJobsStorage__tableServiceUri'),
    taskHub: read(env, 'DURABLE_TASK_HUB') ?? 'FlightBooking',
    azuriteTablePort: readInt(env, 'AZURITE_TABLE_PORT', 10002),
    openai: {
      endpoint: read(env, 'AZURE_OPENAI_ENDPOINT'),
      apiKey: read(env, 'AZURE_OPENAI_API_KEY'),
      deployment: read(env, 'AZURE_OPENAI_DEPLOYMENT') ?? 'gpt-4.1',
      apiVersion: read(env, 'AZURE_OPENAI_API_VERSION') ?? '2024-10-21',
      timeoutMs: readInt(env, 'AZURE_OPENAI_TIMEOUT_MS', 30000),
      compatible: read(env, 'OPENAI_BASE_URL')
        ? { baseUrl: read(env, 'OPENAI_BASE_URL')!, apiKey: read(env, 'OPENAI_API_KEY') ?? 'none', model: read(env, 'OPENAI_MODEL') ?? 'gpt-4.1' }
        : undefined,
    },
    holdMinutes: readInt(env, 'BOOKING_HOLD_MINUTES', 20),
    holdsPerClient: readInt(env, 'BOOKING_HOLDS_PER_CLIENT', 10),
    conversationRetentionSeconds: readInt(env, 'CONVERSATION_RETENTION_SECONDS', 86400),
    assistantLimits: {
      turnsPerMinutePerConversation: readInt(env, 'ASSISTANT_TURNS_PER_MINUTE_PER_CONVERSATION', 30),
      turnsPerMinutePerClient: readInt(env, 'ASSISTANT_TURNS_PER_MINUTE_PER_CLIENT', 120),
      conversationsPerMinutePerClient: readInt(env, 'ASSISTANT_CONVERSATIONS_PER_MINUTE_PER_CLIENT', 30),
      tokensPerConversation: readInt(env, 'ASSISTANT_TOKENS_PER_CONVERSATION', 200000),
    },
    mcpAllowedOrigins: (read(env, 'MCP_ALLOWED_ORIGINS') ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    logRequests: readBool(env, 'LOG_REQUESTS', true),
    workerProcesses: Math.min(10, Math.max(1, readInt(env, 'FUNCTIONS_WORKER_PROCESS_COUNT', 1))),
    http: {
      requestTimeoutSeconds: Math.max(1, readInt(env, 'HTTP_REQUEST_TIMEOUT_SECONDS', 30)),
      maxConnections: Math.max(1, readInt(env, 'HTTP_MAX_CONNECTIONS', 1000)),
    },
  };
}

let cached: Config | undefined;

/**
 * The telemetry settings alone, read without validating the rest: telemetry starts before anything
 * else loads, and a bad unrelated setting must still be reported through it.
 */
export function telemetrySettings(env: Env = process.env): { connectionString?: string; entraId: boolean; clientId?: string } {
  const authentication = read(env, 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING') ?? '';
  const clientId = /(?:^|;)\s*ClientId=([^;]+)/i.exec(authentication)?.[1]?.trim();
  return {
    ...(read(env, 'APPLICATIONINSIGHTS_CONNECTION_STRING') ? { connectionString: read(env, 'APPLICATIONINSIGHTS_CONNECTION_STRING') } : {}),
    entraId: /(?:^|;)\s*Authorization=AAD/i.test(authentication),
    ...(clientId ? { clientId } : {}),
  };
}

/** The process's configuration, read once from the environment. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
