import { describe, expect, it } from 'vitest';
import { ConnectionStringError, parseConnectionString, poolLimits } from '../../lib/store/mssql/connection';

const portalSqlLogin =
  'Server=tcp:fb-sql.database.windows.net,1433;Initial Catalog=flightbooking;Persist Security Info=False;User ID=fbadmin;Password=S3cret;MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;';

describe('Azure SQL connection strings', () => {
  it('reads the portal ADO.NET string with a SQL login', () => {
    const config = parseConnectionString(portalSqlLogin);
    expect(config).toEqual({
      server: 'fb-sql.database.windows.net',
      port: 1433,
      database: 'flightbooking',
      user: 'fbadmin',
      password: 'S3cret',
      connectionTimeout: 30_000,
      options: { encrypt: true, trustServerCertificate: false },
      pool: { ...poolLimits },
    });
    expect(config.authentication).toBeUndefined();
  });

  it('keeps serverless pool limits', () => {
    expect(poolLimits).toEqual({ max: 5, min: 0, idleTimeoutMillis: 30_000 });
  });

  it('maps Authentication=Active Directory Default (the Bicep string, Database= variant) to azure-active-directory-default', () => {
    const config = parseConnectionString(
      'Server=tcp:fb-sql.database.windows.net,1433;Database=flightbooking;Authentication=Active Directory Default;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;',
    );
    expect(config.authentication).toEqual({ type: 'azure-active-directory-default', options: {} });
    expect(config).toMatchObject({ server: 'fb-sql.database.windows.net', port: 1433, database: 'flightbooking', connectionTimeout: 30_000 });
    expect(config.user).toBeUndefined();
    expect(config.password).toBeUndefined();
  });

  it('passes a user-assigned identity client id with Active Directory Default', () => {
    const config = parseConnectionString('Server=x.database.windows.net;Database=db;Authentication="Active Directory Default";User Id=11111111-2222-3333-4444-555555555555');
    expect(config.authentication).toEqual({ type: 'azure-active-directory-default', options: { clientId: '11111111-2222-3333-4444-555555555555' } });
  });

  it('maps Active Directory Managed Identity (and MSI) with an optional client id', () => {
    expect(parseConnectionString('Server=x.database.windows.net;Database=db;Authentication=Active Directory Managed Identity;User Id=abc').authentication).toEqual({
      type: 'azure-active-directory-msi-app-service',
      options: { clientId: 'abc' },
    });
    expect(parseConnectionString('Server=x.database.windows.net;Database=db;authentication=active directory msi').authentication).toEqual({
      type: 'azure-active-directory-msi-app-service',
      options: {},
    });
  });

  it('accepts keyword synonyms, any case and spacing, quoted values with ; and doubled quotes', () => {
    const config = parseConnectionString(`data source=myhost,14330 ; INITIAL CATALOG = db ; uid = u ; pwd = "a;b""c" ; encrypt = no ; trustservercertificate = yes ; Command Timeout=60`);
    expect(config).toMatchObject({
      server: 'myhost',
      port: 14330,
      database: 'db',
      user: 'u',
      password: 'a;b"c',
      requestTimeout: 60_000,
      options: { encrypt: false, trustServerCertificate: true },
    });
  });

  it('defaults to port 1433, encryption on and a 30 s connect timeout', () => {
    expect(parseConnectionString('Server=h;Database=d;User ID=u;Password=p')).toMatchObject({
      port: 1433,
      connectionTimeout: 30_000,
      options: { encrypt: true, trustServerCertificate: false },
    });
  });

  it('reads a named instance', () => {
    const config = parseConnectionString('Server=localhost\\SQLEXPRESS;Database=d;User ID=u;Password=p');
    expect(config).toMatchObject({ server: 'localhost', options: { instanceName: 'SQLEXPRESS' } });
    expect(config.port).toBeUndefined();
  });

  it('reads mssql:// and sqlserver:// URLs with percent-encoded credentials and options', () => {
    const config = parseConnectionString('mssql://sa:P%40ss%3Bword@localhost:1433/flightbooking?encrypt=true&trustServerCertificate=true');
    expect(config).toMatchObject({
      server: 'localhost',
      port: 1433,
      database: 'flightbooking',
      user: 'sa',
      password: 'P@ss;word',
      options: { encrypt: true, trustServerCertificate: true },
    });
    expect(parseConnectionString('sqlserver://u:p@db.example.com/app')).toMatchObject({ server: 'db.example.com', port: 1433, database: 'app' });
    expect(parseConnectionString('mssql://x.database.windows.net/db?authentication=Active%20Directory%20Default').authentication).toEqual({
      type: 'azure-active-directory-default',
      options: {},
    });
  });

  it.each([
    ['', /empty/],
    ['Server=h;Database=d', /User ID and Password/],
    ['Server=h;Database=d;User ID=u', /User ID and Password/],
    ['Database=d;User ID=u;Password=p', /no Server/],
    ['Server=h;User ID=u;Password=p', /no Initial Catalog/],
    ['Server=h;Database=d;Authentication=Active Directory Password;User ID=u;Password=p', /not supported/],
    ['Server=h;Database=d;Authentication=Active Directory Default;Password=p', /Password must not be set/],
    ['Server=h;Database=d;User ID=u;Password=p;Encrypt=maybe', /Encrypt must be True or False/],
    ['Server=h;Database=d;User ID=u;Password=p;Connection Timeout=soon', /whole number of seconds/],
    ['Server=h,port;Database=d;User ID=u;Password=p', /port must be a number/],
    ['Server=h;Database=d;Colour=blue', /Unknown keyword "Colour"/],
    ['Server=h;Database=d;User ID=u;Password="unterminated', /Unterminated/],
    ['just some text', /Expected key=value/],
    ['mssql://u:p@h/db?colour=blue', /Unknown query parameter/],
    ['mssql://u:p@h', /no Initial Catalog/],
  ])('rejects %j with a clear message', (text, message) => {
    expect(() => parseConnectionString(text)).toThrow(ConnectionStringError);
    expect(() => parseConnectionString(text)).toThrow(message);
  });

  /** The error parseConnectionString raises for `text` (a test failure if it raises none, or another kind). */
  function errorOf(text: string): string {
    let raised: unknown;
    try {
      parseConnectionString(text);
    } catch (error) {
      raised = error;
    }
    expect(raised).toBeInstanceOf(ConnectionStringError);
    return (raised as Error).message;
  }

  it('never echoes a password in an error, not even the tail of an unquoted one with ";" in it', () => {
    // A fragment it cannot parse is shown when it follows an ordinary setting…
    expect(errorOf('Server=h;Database=d;oops')).toContain('"oops"');
    // …but after a password it may be the rest of one: an unquoted password "xq7;zk9" splits at the ";".
    for (const text of ['Server=h;Database=d;User ID=u;Password=xq7;zk9', 'Server=h;Database=d;User ID=u;Pwd=xq7;zk=9', 'Password=hunter2;oops']) {
      const message = errorOf(text);
      expect(message).not.toMatch(/xq7|zk|hunter2|oops/);
      expect(message).toMatch(/must be quoted/);
    }
  });
});
