// The database grant of the azd postprovision hook (grant-sql-access.mjs runs it with real I/O; tests
// run it with fakes): make the function app's user-assigned identity a user of the Azure SQL database,
// with the roles the app needs, and prove it afterwards. Every failure is a GrantError with a message
// that says what to do; nothing here reports success unless the roles are read back from the database.

/** Read/write data, and db_ddladmin because the app runs its own migrations at start. */
export const appRoles = ['db_datareader', 'db_datawriter', 'db_ddladmin'];

export class GrantError extends Error {
  name = 'GrantError';
}

const required = ['AZURE_SQL_SERVER', 'AZURE_SQL_DATABASE', 'AZURE_APP_IDENTITY_NAME', 'AZURE_APP_IDENTITY_CLIENT_ID'];
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The settings azd passes to the hook (Bicep outputs and its own AZURE_SUBSCRIPTION_ID), checked. */
export function settingsFrom(env) {
  const value = (name) => env[name]?.trim() || undefined;
  const missing = required.filter((name) => !value(name));
  if (missing.length) {
    throw new GrantError(`${missing.join(', ')} not set: run this as the azd postprovision hook (azd provision / azd hooks run postprovision), which passes the Bicep outputs`);
  }
  const clientId = value('AZURE_APP_IDENTITY_CLIENT_ID');
  if (!guid.test(clientId)) throw new GrantError(`AZURE_APP_IDENTITY_CLIENT_ID is not a GUID: ${clientId}`);
  const identityName = value('AZURE_APP_IDENTITY_NAME');
  if (!/^[\w-]{1,128}$/.test(identityName)) throw new GrantError(`AZURE_APP_IDENTITY_NAME is not a managed identity name: ${identityName}`);
  return {
    server: value('AZURE_SQL_SERVER'),
    database: value('AZURE_SQL_DATABASE'),
    identityName,
    clientId,
    firewall: {
      subscriptionId: value('AZURE_SUBSCRIPTION_ID'),
      resourceGroup: value('AZURE_RESOURCE_GROUP'),
      serverName: value('AZURE_SQL_SERVER_NAME'),
    },
  };
}

/**
 * The security identifier Azure SQL gives a service principal (a managed identity is one): its client
 * (application) id as a uniqueidentifier's bytes, i.e. CONVERT(varbinary(16), CAST(id AS uniqueidentifier)).
 * `CREATE USER … WITH SID = <this>, TYPE = E` needs no directory lookup, so a CI service principal can run
 * it without the server having Microsoft Graph permissions; the id, unlike a display name, is unique.
 */
export function sidOf(clientId) {
  const bytes = Buffer.from(clientId.replace(/-/g, ''), 'hex');
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  return Buffer.from(order.map((i) => bytes[i]));
}

const quoteName = (name) => `[${name.replace(/]/g, ']]')}]`;

/** What a connection or statement error means for the grant (SQL error numbers, tedious codes, messages). */
export function classify(error) {
  const message = String(error?.message ?? error);
  const number = error?.number ?? error?.originalError?.number;
  const ip = /Client with IP address '([0-9a-fA-F.:]+)' is not allowed/.exec(message)?.[1];
  if (number === 40615 || ip) return { kind: 'firewall', ip };
  if ([40613, 40501, 40197, 49918, 49919, 49920].includes(number) || /is not currently available/i.test(message)) return { kind: 'resuming' };
  if (number === 18456 || /Login failed/i.test(message)) return { kind: 'login' };
  if ([229, 230, 262, 297, 300, 15151, 15247, 33130].includes(number) || /permission/i.test(message)) return { kind: 'permission' };
  if (['ESOCKET', 'ETIMEOUT', 'ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(error?.code ?? error?.originalError?.code)) return { kind: 'network' };
  return { kind: 'other' };
}

const adminHint = 'the signed-in principal must be the Entra ID admin of the SQL server (main.bicep makes AZURE_PRINCIPAL_ID the admin; a CI service principal must be the one that provisioned)';

async function token(io, scope) {
  try {
    const value = await io.token(scope);
    if (!value) throw new Error('no token returned');
    return value;
  } catch (error) {
    throw new GrantError(
      `could not get an Entra ID token for ${scope}: sign in with \`azd auth login\` or \`az login\` (in CI: a federated or secret credential in AZURE_CLIENT_ID/AZURE_TENANT_ID). Cause: ${error.message}`,
    );
  }
}

/** Connects, opening the firewall for this machine once when the server names its address, and waiting out a paused database or a network blip. */
async function connect(settings, io, attempts) {
  let openedFor;
  for (let attempt = 1; ; attempt++) {
    try {
      return await io.connect({ server: settings.server, database: settings.database, token: await token(io, 'https://database.windows.net/.default') });
    } catch (error) {
      if (error instanceof GrantError) throw error;
      const { kind, ip } = classify(error);
      if (kind === 'login') throw new GrantError(`login to ${settings.server} refused: ${adminHint}. Server said: ${error.message}`);
      if (kind === 'firewall' && ip && openedFor !== ip) {
        await openFirewall(settings, io, ip);
        openedFor = ip;
      } else if (!['firewall', 'resuming', 'network'].includes(kind)) {
        throw new GrantError(`could not connect to ${settings.server}/${settings.database}: ${error.message}`);
      }
      if (attempt >= attempts) {
        throw new GrantError(`could not connect to ${settings.server}/${settings.database} after ${attempt} attempts (${kind}): ${error.message}`);
      }
      io.log(`grant-sql-access: ${kind === 'resuming' ? 'the database is resuming' : kind === 'firewall' ? 'waiting for the firewall rule' : 'network error'}; retrying (attempt ${attempt + 1} of ${attempts})`);
      await io.sleep(15_000);
    }
  }
}

async function openFirewall(settings, io, ip) {
  const { subscriptionId, resourceGroup, serverName } = settings.firewall;
  if (!subscriptionId || !resourceGroup || !serverName) {
    throw new GrantError(
      `the SQL server's firewall refuses this machine (${ip}) and AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP or AZURE_SQL_SERVER_NAME is not set to open it: set clientIpAddress=${ip} in main.parameters.json and provision again`,
    );
  }
  io.log(`grant-sql-access: allowing ${ip} through the firewall of ${serverName} (rule azd-deployer)`);
  try {
    await io.allowClientIp({ subscriptionId, resourceGroup, serverName, ip, token: await token(io, 'https://management.azure.com/.default') });
  } catch (error) {
    if (error instanceof GrantError) throw error;
    throw new GrantError(`could not add a firewall rule for ${ip} on ${serverName}: ${error.message}`);
  }
}

const membershipsQuery = `SELECT r.name AS role FROM sys.database_role_members m
  JOIN sys.database_principals r ON r.principal_id = m.role_principal_id
  JOIN sys.database_principals u ON u.principal_id = m.member_principal_id
  WHERE u.sid = @sid`;

async function statement(session, text, params = {}) {
  try {
    return await session.query(text, params);
  } catch (error) {
    if (classify(error).kind === 'permission') throw new GrantError(`not allowed: ${adminHint}. Server said: ${error.message}`);
    throw new GrantError(`${text.split('\n')[0]} failed: ${error.message}`);
  }
}

/**
 * Creates the identity's database user (by its SID, idempotently), adds the missing roles, then reads the
 * memberships back. Resolves with what was done; rejects with a GrantError when the grant is not in place.
 */
export async function grantSqlAccess(env, io, { attempts = 6 } = {}) {
  const settings = settingsFrom(env);
  const sid = sidOf(settings.clientId);
  const session = await connect(settings, io, attempts);
  try {
    const principals = await statement(session, 'SELECT name, sid FROM sys.database_principals WHERE sid = @sid OR name = @name', { sid, name: settings.identityName });
    const bySid = principals.find((p) => Buffer.from(p.sid ?? []).equals(sid));
    if (!bySid && principals.length) {
      throw new GrantError(`a different principal is already named ${settings.identityName} in ${settings.database}: drop it (DROP USER ${quoteName(settings.identityName)}) and run the hook again`);
    }
    const name = bySid?.name ?? settings.identityName;
    if (!bySid) await statement(session, `CREATE USER ${quoteName(name)} WITH SID = 0x${sid.toString('hex').toUpperCase()}, TYPE = E`);
    const before = (await statement(session, membershipsQuery, { sid })).map((row) => row.role);
    const added = appRoles.filter((role) => !before.includes(role));
    for (const role of added) await statement(session, `ALTER ROLE ${role} ADD MEMBER ${quoteName(name)}`);
    const after = (await statement(session, membershipsQuery, { sid })).map((row) => row.role);
    const missing = appRoles.filter((role) => !after.includes(role));
    if (missing.length) throw new GrantError(`the grant did not take effect: ${name} is not a member of ${missing.join(', ')} in ${settings.database}`);
    return { user: name, created: !bySid, added };
  } finally {
    await session.close();
  }
}
