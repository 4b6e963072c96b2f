import type { config as MssqlConfig } from 'mssql';

/**
 * Turns an Azure SQL connection string into an `mssql` config. Accepts the ADO.NET form the Azure
 * portal shows (`Server=tcp:x.database.windows.net,1433;Initial Catalog=db;…`) and
 * `mssql://user:pass@host:port/db?encrypt=true` URLs. mssql's own parser does not understand
 * `Authentication=Active Directory Default`, hence this one.
 */

/** Serverless-sane pool: few connections per instance, none kept when idle. */
export const poolLimits = { max: 5, min: 0, idleTimeoutMillis: 30_000 } as const;

const defaultPort = 1433;

export class ConnectionStringError extends Error {
  override readonly name = 'ConnectionStringError';
}

type Authentication = 'sql' | 'default' | 'managed-identity';

interface Settings {
  server?: string;
  database?: string;
  user?: string;
  password?: string;
  authentication?: string;
  encrypt?: string;
  trustServerCertificate?: string;
  connectionTimeout?: string;
  commandTimeout?: string;
  appName?: string;
}

/** ADO.NET keywords (lower case, spaces removed) and their synonyms. */
const keywords: Record<string, keyof Settings> = {
  server: 'server', datasource: 'server', address: 'server', addr: 'server', networkaddress: 'server',
  initialcatalog: 'database', database: 'database',
  userid: 'user', uid: 'user', user: 'user',
  password: 'password', pwd: 'password',
  authentication: 'authentication',
  encrypt: 'encrypt',
  trustservercertificate: 'trustServerCertificate',
  connectiontimeout: 'connectionTimeout', connecttimeout: 'connectionTimeout', timeout: 'connectionTimeout',
  commandtimeout: 'commandTimeout',
  applicationname: 'appName', app: 'appName',
};

/** Keywords the portal or ADO.NET use that have no meaning for this driver. */
const ignored = new Set([
  'persistsecurityinfo', 'multipleactiveresultsets', 'pooling', 'maxpoolsize', 'minpoolsize',
  'connectretrycount', 'connectretryinterval', 'loadbalancetimeout', 'packetsize', 'applicationintent', 'multisubnetfailover',
]);

const authentications: Record<string, Authentication> = {
  sqlpassword: 'sql',
  activedirectorydefault: 'default',
  activedirectorymanagedidentity: 'managed-identity',
  activedirectorymsi: 'managed-identity',
};

export function parseConnectionString(connectionString: string): MssqlConfig {
  const text = connectionString.trim();
  if (!text) throw new ConnectionStringError('The Azure SQL connection string is empty');
  const settings = /^(mssql|sqlserver):\/\//i.test(text) ? fromUrl(text) : fromAdoNet(text);
  return toConfig(settings);
}

function compact(key: string): string {
  return key.replace(/\s+/g, '').toLowerCase();
}

/** Splits `key=value;` pairs; values may be quoted with " or ' (a doubled quote inside stands for one). */
function pairs(text: string): [string, string][] {
  const result: [string, string][] = [];
  let rest = text;
  while (rest.trim()) {
    const eq = rest.indexOf('=');
    if (eq < 0) {
      const previous = result.at(-1)?.[0];
      if (previous && isPasswordKey(previous)) throw passwordTail(previous);
      throw new ConnectionStringError(`Expected key=value in the connection string near "${rest.trim().slice(0, 40)}"`);
    }
    const key = rest.slice(0, eq).trim();
    rest = rest.slice(eq + 1).trimStart();
    let value: string;
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      let i = 1;
      value = '';
      for (;;) {
        if (i >= rest.length) throw new ConnectionStringError(`Unterminated quoted value for "${key}"`);
        if (rest[i] === quote) {
          if (rest[i + 1] === quote) {
            value += quote;
            i += 2;
            continue;
          }
          break;
        }
        value += rest[i];
        i++;
      }
      rest = rest.slice(i + 1).trimStart();
      if (rest && !rest.startsWith(';')) throw new ConnectionStringError(`Expected ";" after the quoted value for "${key}"`);
      rest = rest.slice(1);
    } else {
      const end = rest.indexOf(';');
      value = (end < 0 ? rest : rest.slice(0, end)).trim();
      rest = end < 0 ? '' : rest.slice(end + 1);
    }
    if (!key) throw new ConnectionStringError('A connection string keyword is empty');
    result.push([key, value]);
  }
  return result;
}

function isPasswordKey(key: string): boolean {
  return keywords[compact(key)] === 'password';
}

/** What follows an unquoted password with a ";" in it is the rest of the password: the error never shows it. */
function passwordTail(key: string): ConnectionStringError {
  return new ConnectionStringError(`The connection string does not parse after the ${key} value; a password containing ";" must be quoted (${key}="…")`);
}

function fromAdoNet(text: string): Settings {
  const settings: Settings = {};
  const all = pairs(text);
  for (const [i, [key, value]] of all.entries()) {
    const name = compact(key);
    if (ignored.has(name)) continue;
    const setting = keywords[name];
    if (!setting) {
      const previous = all[i - 1]?.[0];
      if (previous && isPasswordKey(previous)) throw passwordTail(previous);
      throw new ConnectionStringError(`Unknown keyword "${key}" in the Azure SQL connection string`);
    }
    settings[setting] = value;
  }
  return settings;
}

function fromUrl(text: string): Settings {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConnectionStringError('The mssql:// URL is not a valid URL (percent-encode special characters in the user and password)');
  }
  const settings: Settings = {
    server: url.port ? `${url.hostname},${url.port}` : url.hostname,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || undefined,
    user: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
  for (const [key, value] of url.searchParams) {
    const setting = keywords[compact(key)];
    if (!setting || setting === 'server' || setting === 'database' || setting === 'user' || setting === 'password') {
      throw new ConnectionStringError(`Unknown query parameter "${key}" in the mssql:// URL`);
    }
    settings[setting] = value;
  }
  return settings;
}

function flag(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  const v = value.toLowerCase();
  if (['true', 'yes', 'mandatory', 'strict'].includes(v)) return true;
  if (['false', 'no', 'optional'].includes(v)) return false;
  throw new ConnectionStringError(`${name} must be True or False, not "${value}"`);
}

function seconds(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new ConnectionStringError(`${name} must be a whole number of seconds, not "${value}"`);
  return Number(value) * 1000;
}

function serverAndPort(value: string): { server: string; port?: number; instanceName?: string } {
  const [hostPart, portPart] = value.replace(/^tcp:/i, '').split(',').map((part) => part.trim());
  if (!hostPart) throw new ConnectionStringError('Server is empty in the Azure SQL connection string');
  if (portPart !== undefined && !/^\d{1,5}$/.test(portPart)) throw new ConnectionStringError(`Server port must be a number, not "${portPart}"`);
  const [server, instanceName] = hostPart.split('\\');
  if (instanceName) return { server: server!, instanceName };
  return { server: server!, port: portPart === undefined ? defaultPort : Number(portPart) };
}

function authenticationOf(settings: Settings): Authentication {
  if (settings.authentication === undefined || settings.authentication === '') return 'sql';
  const kind = authentications[compact(settings.authentication)];
  if (!kind) {
    throw new ConnectionStringError(
      `Authentication=${settings.authentication} is not supported; use Active Directory Default, Active Directory Managed Identity, or Sql Password (User ID and Password)`,
    );
  }
  return kind;
}

function toConfig(settings: Settings): MssqlConfig {
  if (!settings.server) throw new ConnectionStringError('The Azure SQL connection string has no Server (or Data Source)');
  if (!settings.database) throw new ConnectionStringError('The Azure SQL connection string has no Initial Catalog (or Database)');
  const { server, port, instanceName } = serverAndPort(settings.server);
  const kind = authenticationOf(settings);
  const config: MssqlConfig = {
    server,
    ...(port === undefined ? {} : { port }),
    database: settings.database,
    connectionTimeout: seconds(settings.connectionTimeout, 'Connection Timeout') ?? 30_000,
    ...(settings.commandTimeout === undefined ? {} : { requestTimeout: seconds(settings.commandTimeout, 'Command Timeout') }),
    options: {
      encrypt: flag(settings.encrypt, 'Encrypt', true),
      trustServerCertificate: flag(settings.trustServerCertificate, 'TrustServerCertificate', false),
      ...(instanceName ? { instanceName } : {}),
      ...(settings.appName ? { appName: settings.appName } : {}),
    },
    pool: { ...poolLimits },
  };
  if (kind === 'sql') {
    if (!settings.user || settings.password === undefined) {
      throw new ConnectionStringError(
        'The Azure SQL connection string needs User ID and Password for a SQL login, or Authentication=Active Directory Default for Entra ID',
      );
    }
    return { ...config, user: settings.user, password: settings.password };
  }
  if (settings.password !== undefined) {
    throw new ConnectionStringError(`Password must not be set with Authentication=${settings.authentication}: Entra ID sign-in uses no password`);
  }
  const clientId = settings.user ? { clientId: settings.user } : {};
  return {
    ...config,
    authentication:
      kind === 'default'
        ? { type: 'azure-active-directory-default', options: clientId }
        : { type: 'azure-active-directory-msi-app-service', options: clientId },
  };
}
