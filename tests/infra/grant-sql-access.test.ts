/**
 * The azd postprovision hook (infra/scripts/grant-sql-access.mjs): its failure modes, with the I/O it
 * uses (token, TDS session, ARM firewall call) replaced by fakes. The fake database keeps principals
 * and role memberships and answers the hook's statements as Azure SQL would, including its errors.
 * One test runs the script itself as azd does (`node …`) on a machine with no Azure sign-in.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM JavaScript: the hook runs with only `npm ci` done, nothing compiled
import { main } from '../../infra/scripts/grant-sql-access.mjs';
// @ts-expect-error -- plain ESM JavaScript
import { appRoles, classify, sidOf } from '../../infra/scripts/sql-grant.mjs';

const script = path.resolve(__dirname, '../../infra/scripts/grant-sql-access.mjs');
const clientId = '00112233-4455-6677-8899-aabbccddeeff';
const env = {
  AZURE_SQL_SERVER: 'sql-x.database.windows.net',
  AZURE_SQL_DATABASE: 'flightbooking',
  AZURE_SQL_SERVER_NAME: 'sql-x',
  AZURE_RESOURCE_GROUP: 'rg-x',
  AZURE_SUBSCRIPTION_ID: '11111111-2222-3333-4444-555555555555',
  AZURE_APP_IDENTITY_NAME: 'id-func-x',
  AZURE_APP_IDENTITY_CLIENT_ID: clientId,
};

type Principal = { name: string; sid: Buffer; roles: Set<string> };
type SqlError = Error & { number?: number; code?: string };
const sqlError = (message: string, fields: { number?: number; code?: string }): SqlError => Object.assign(new Error(message), fields);

function fakeDatabase(options: { principals?: Principal[]; deny?: 'create' | 'alter'; alterIgnored?: boolean } = {}) {
  const principals = options.principals ?? [];
  const statements: string[] = [];
  let closed = 0;
  const session = {
    async query(text: string, params: { sid?: Buffer; name?: string }) {
      statements.push(text);
      if (text.startsWith('SELECT name, sid')) return principals.filter((p) => p.sid.equals(params.sid!) || p.name === params.name);
      if (text.startsWith('SELECT r.name')) return [...(principals.find((p) => p.sid.equals(params.sid!))?.roles ?? [])].map((role) => ({ role }));
      const create = /^CREATE USER \[(.+)\] WITH SID = 0x([0-9A-F]{32}), TYPE = E$/.exec(text);
      if (create) {
        if (options.deny === 'create') throw sqlError('User does not have permission to perform this action.', { number: 15247 });
        principals.push({ name: create[1]!, sid: Buffer.from(create[2]!, 'hex'), roles: new Set() });
        return [];
      }
      const alter = /^ALTER ROLE (\w+) ADD MEMBER \[(.+)\]$/.exec(text);
      if (alter) {
        if (options.deny === 'alter') throw sqlError(`Cannot alter the role '${alter[1]}', because it does not exist or you do not have permission.`, { number: 15151 });
        if (!options.alterIgnored) principals.find((p) => p.name === alter[2])?.roles.add(alter[1]!);
        return [];
      }
      throw new Error(`the fake database does not know: ${text}`);
    },
    async close() {
      closed++;
    },
  };
  return { principals, statements, session, closed: () => closed };
}

function fakeIo(connect: () => Promise<unknown>, overrides: Record<string, unknown> = {}) {
  const log: string[] = [];
  const firewall: unknown[] = [];
  let connects = 0;
  const io = {
    token: async (scope: string) => `token-for-${scope}`,
    connect: async () => {
      connects++;
      return connect();
    },
    allowClientIp: async (rule: unknown) => {
      firewall.push(rule);
    },
    sleep: async () => {},
    log: (line: string) => log.push(line),
    ...overrides,
  };
  return { io, log, firewall, connects: () => connects };
}

async function run(io: unknown, environment: Record<string, string> = env) {
  const errors: string[] = [];
  const error = console.error;
  console.error = (line: string) => errors.push(line);
  try {
    return { code: (await main(environment, io)) as number, errors: errors.join('\n') };
  } finally {
    console.error = error;
  }
}

describe('grant-sql-access: success only when the roles are read back', () => {
  it('creates the user from the identity\'s client id (no directory lookup), adds the three roles, exits 0', async () => {
    const db = fakeDatabase();
    const { io, log } = fakeIo(async () => db.session);
    expect((await run(io)).code).toBe(0);
    expect(db.statements).toContain('CREATE USER [id-func-x] WITH SID = 0x33221100554477668899AABBCCDDEEFF, TYPE = E');
    expect([...db.principals[0]!.roles].sort()).toEqual([...appRoles].sort());
    expect(log.at(-1)).toMatch(/id-func-x created; added to db_datareader, db_datawriter, db_ddladmin; verified/);
    expect(db.closed()).toBe(1);
  });

  it('user already exists with every role: nothing created or altered, exit 0 (idempotent)', async () => {
    const db = fakeDatabase({ principals: [{ name: 'id-func-x', sid: sidOf(clientId), roles: new Set(appRoles) }] });
    const { io, log } = fakeIo(async () => db.session);
    expect((await run(io)).code).toBe(0);
    expect(db.statements.filter((s) => /^(CREATE|ALTER)/.test(s))).toEqual([]);
    expect(log.at(-1)).toMatch(/already existed; roles already granted; verified/);
  });

  it('user exists under another name with one role: adds only the missing roles to that user', async () => {
    const db = fakeDatabase({ principals: [{ name: 'renamed', sid: sidOf(clientId), roles: new Set(['db_datareader']) }] });
    const { io } = fakeIo(async () => db.session);
    expect((await run(io)).code).toBe(0);
    expect(db.statements.filter((s) => /^(CREATE|ALTER)/.test(s))).toEqual([
      'ALTER ROLE db_datawriter ADD MEMBER [renamed]',
      'ALTER ROLE db_ddladmin ADD MEMBER [renamed]',
    ]);
  });

  it('SID is the uniqueidentifier byte order (first three groups reversed)', () => {
    expect(sidOf(clientId).toString('hex')).toBe('33221100554477668899aabbccddeeff');
  });
});

describe('grant-sql-access: fails loudly, never a false success', () => {
  it('no Azure sign-in (no identity): exit 1, says how to sign in, never connects', async () => {
    const unavailable = Object.assign(new Error('DefaultAzureCredential failed to retrieve a token'), { name: 'CredentialUnavailableError' });
    const { io, connects } = fakeIo(async () => fakeDatabase().session, { token: async () => Promise.reject(unavailable) });
    const { code, errors } = await run(io);
    expect(code).toBe(1);
    expect(errors).toMatch(/FAILED.*could not get an Entra ID token.*azd auth login/);
    expect(connects()).toBe(0);
  });

  it('signed in but not the SQL admin (login refused): exit 1 naming the admin requirement', async () => {
    const { io } = fakeIo(async () => Promise.reject(sqlError("Login failed for user '<token-identified principal>'.", { code: 'ELOGIN' })));
    const { code, errors } = await run(io);
    expect(code).toBe(1);
    expect(errors).toMatch(/login to sql-x.database.windows.net refused: the signed-in principal must be the Entra ID admin/);
  });

  it('no permission to create the user: exit 1, nothing reported as granted', async () => {
    const db = fakeDatabase({ deny: 'create' });
    const { io, log } = fakeIo(async () => db.session);
    const { code, errors } = await run(io);
    expect(code).toBe(1);
    expect(errors).toMatch(/not allowed: the signed-in principal must be the Entra ID admin.*User does not have permission/);
    expect(log.join('\n')).not.toMatch(/verified/);
    expect(db.closed()).toBe(1);
  });

  it('no permission to add a role: exit 1', async () => {
    const db = fakeDatabase({ deny: 'alter' });
    const { code, errors } = await run(fakeIo(async () => db.session).io);
    expect(code).toBe(1);
    expect(errors).toMatch(/not allowed.*Cannot alter the role 'db_datareader'/);
  });

  it('statements that succeed but leave no membership: exit 1 (the read-back decides)', async () => {
    const db = fakeDatabase({ alterIgnored: true });
    const { code, errors } = await run(fakeIo(async () => db.session).io);
    expect(code).toBe(1);
    expect(errors).toMatch(/the grant did not take effect: id-func-x is not a member of db_datareader, db_datawriter, db_ddladmin/);
  });

  it('a different principal already holds the name: exit 1, nothing created', async () => {
    const db = fakeDatabase({ principals: [{ name: 'id-func-x', sid: Buffer.alloc(16, 7), roles: new Set() }] });
    const { code, errors } = await run(fakeIo(async () => db.session).io);
    expect(code).toBe(1);
    expect(errors).toMatch(/a different principal is already named id-func-x/);
    expect(db.statements.some((s) => s.startsWith('CREATE'))).toBe(false);
  });

  it('network failure: retries, then exit 1 with the cause', async () => {
    const { io, connects } = fakeIo(async () => Promise.reject(sqlError('Failed to connect to sql-x.database.windows.net:1433 - getaddrinfo ENOTFOUND', { code: 'ESOCKET' })));
    const { code, errors } = await run(io);
    expect(code).toBe(1);
    expect(errors).toMatch(/could not connect to sql-x.database.windows.net\/flightbooking after 6 attempts \(network\): Failed to connect/);
    expect(connects()).toBe(6);
  });

  it('missing Bicep outputs: exit 1 naming them, no sign-in attempted', async () => {
    let tokens = 0;
    const { io } = fakeIo(async () => fakeDatabase().session, { token: async () => `t${++tokens}` });
    const { code, errors } = await run(io, { AZURE_SQL_SERVER: 'sql-x.database.windows.net' });
    expect(code).toBe(1);
    expect(errors).toMatch(/AZURE_SQL_DATABASE, AZURE_APP_IDENTITY_NAME, AZURE_APP_IDENTITY_CLIENT_ID not set/);
    expect(tokens).toBe(0);
  });
});

describe('grant-sql-access: firewall and a paused database', () => {
  const refused = sqlError(
    "Cannot open server 'sql-x' requested by the login. Client with IP address '203.0.113.7' is not allowed to access the server.",
    { code: 'ELOGIN' },
  );

  it('opens the firewall for the address the server names, then connects', async () => {
    const db = fakeDatabase();
    let calls = 0;
    const { io, firewall } = fakeIo(async () => (++calls === 1 ? Promise.reject(refused) : db.session));
    expect((await run(io)).code).toBe(0);
    expect(firewall).toEqual([
      { subscriptionId: env.AZURE_SUBSCRIPTION_ID, resourceGroup: 'rg-x', serverName: 'sql-x', ip: '203.0.113.7', token: 'token-for-https://management.azure.com/.default' },
    ]);
  });

  it('cannot add the rule (no permission on the server): exit 1 with the ARM answer', async () => {
    const { io } = fakeIo(async () => Promise.reject(refused), {
      allowClientIp: async () => Promise.reject(new Error('HTTP 403 from Azure Resource Manager: AuthorizationFailed')),
    });
    const { code, errors } = await run(io);
    expect(code).toBe(1);
    expect(errors).toMatch(/could not add a firewall rule for 203.0.113.7 on sql-x: HTTP 403/);
  });

  it('without the subscription to open it: exit 1 telling which address to allow', async () => {
    const { io } = fakeIo(async () => Promise.reject(refused));
    const { code, errors } = await run(io, { ...env, AZURE_SUBSCRIPTION_ID: '' });
    expect(code).toBe(1);
    expect(errors).toMatch(/firewall refuses this machine \(203.0.113.7\).*clientIpAddress=203.0.113.7/);
  });

  it('waits out a database resuming from auto-pause', async () => {
    const db = fakeDatabase();
    let calls = 0;
    const resuming = sqlError("Database 'flightbooking' on server 'sql-x' is not currently available. Please retry the connection later.", { number: 40613 });
    const { io, connects } = fakeIo(async () => (++calls < 3 ? Promise.reject(resuming) : db.session));
    expect((await run(io)).code).toBe(0);
    expect(connects()).toBe(3);
    expect(classify(resuming).kind).toBe('resuming');
  });
});

describe('grant-sql-access.mjs run as azd runs it (node, no Azure sign-in on this machine)', () => {
  it('exits 1 and says why', async () => {
    // A fresh HOME: no az or azd sign-in to find, whoever runs the test.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'no-azure-login-'));
    const result = await promisify(execFile)(process.execPath, [script], { env: { PATH: process.env.PATH, HOME: home, ...env }, timeout: 60_000 })
      .then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      )
      .finally(() => fs.rmSync(home, { recursive: true, force: true }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/grant-sql-access: FAILED.*could not get an Entra ID token/);
  }, 60_000);
});
