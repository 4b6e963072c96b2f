#!/usr/bin/env node
// azd postprovision hook (azure.yaml; Linux, macOS and Windows alike): makes the function app's managed
// identity a user of the Azure SQL database. Bicep cannot run T-SQL, hence this step. It needs only
// `npm ci` (mssql and @azure/identity are dependencies of the app) and an Azure sign-in that is the SQL
// server's Entra ID admin: `azd auth login` or `az login` (main.bicep makes AZURE_PRINCIPAL_ID the admin).
// Run by hand: `azd hooks run postprovision`. Exits 1 with the reason whenever the grant is not in place.
import { pathToFileURL } from 'node:url';
import { GrantError, grantSqlAccess } from './sql-grant.mjs';

/** The real I/O: the developer credential chain (this runs on the deployer's machine or in CI), TDS, ARM. */
export async function realIo() {
  const { DefaultAzureCredential } = await import('@azure/identity');
  const { default: sql } = await import('mssql');
  const credential = new DefaultAzureCredential();
  return {
    async token(scope) {
      return (await credential.getToken(scope))?.token;
    },
    async connect({ server, database, token }) {
      const pool = new sql.ConnectionPool({
        server,
        database,
        port: 1433,
        options: { encrypt: true, trustServerCertificate: false },
        authentication: { type: 'azure-active-directory-access-token', options: { token } },
        connectionTimeout: 60_000,
        pool: { max: 1, min: 0 },
      });
      await pool.connect();
      return {
        async query(text, params) {
          const request = pool.request();
          for (const [name, value] of Object.entries(params)) request.input(name, Buffer.isBuffer(value) ? sql.VarBinary : sql.NVarChar, value);
          return (await request.query(text)).recordset ?? [];
        },
        close: () => pool.close(),
      };
    },
    async allowClientIp({ subscriptionId, resourceGroup, serverName, ip, token }) {
      const url = `https://management.azure.com/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Sql/servers/${serverName}/firewallRules/azd-deployer?api-version=2023-08-01`;
      const response = await fetch(url, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ properties: { startIpAddress: ip, endIpAddress: ip } }),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status} from Azure Resource Manager: ${(await response.text()).slice(0, 500)}`);
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    log: (line) => console.log(line),
  };
}

/** Runs the grant; the exit code is 0 only when the roles were read back from the database. */
export async function main(env, io) {
  try {
    const { user, created, added } = await grantSqlAccess(env, io);
    const what = created ? 'created' : 'already existed';
    io.log(`grant-sql-access: database user ${user} ${what}; ${added.length ? `added to ${added.join(', ')}` : 'roles already granted'}; verified`);
    return 0;
  } catch (error) {
    const reason = error instanceof GrantError ? error.message : (error?.stack ?? String(error));
    console.error(`grant-sql-access: FAILED, the app cannot use the database until this succeeds: ${reason}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let io;
  try {
    io = await realIo();
  } catch (error) {
    console.error(`grant-sql-access: FAILED to load mssql/@azure/identity (run npm ci first): ${error.message}`);
    process.exit(1);
  }
  process.exit(await main(process.env, io));
}
