/**
 * Offline checks of the Azure deployment: infra/**.bicep, infra/main.parameters.json, azure.yaml
 * and .funcignore. Run: npx vitest run tests/infra
 * The authoritative compile check is `az bicep build --file infra/main.bicep` (see the README, Deploy to Azure);
 * no Bicep compiler can be installed on this machine, so this parses with tree-sitter-bicep.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { settings, type SettingSpec } from '../../lib/config';
import {
  analyze,
  appSettingNames,
  checkBicepTree,
  formatProblems,
  objectEntries,
  objectGet,
  resourceTypeName,
  stringValue,
  syntaxProblems,
  type BicepFile,
} from './bicep-check';

const repo = path.resolve(__dirname, '../..');
const infra = path.join(repo, 'infra');
const mainBicep = path.join(infra, 'main.bicep');
const functionAppBicep = path.join(infra, 'modules', 'functionapp.bicep');

const tree = checkBicepTree(infra);
const file = (full: string): BicepFile => {
  const f = tree.files.get(full);
  if (!f) throw new Error(`${full} was not loaded`);
  return f;
};
const resourcesOfType = (f: BicepFile, type: string) => f.resources.filter((r) => resourceTypeName(r.type) === type && !r.existing);

/** Settings of lib/config.ts the Azure deployment must set: not localOnly, not platform, not secret. */
const deployedSettings = Object.entries(settings as Record<string, SettingSpec>)
  .filter(([, spec]) => !spec.localOnly && !spec.platform && !spec.secret)
  .map(([name]) => name);
const secretSettings = Object.entries(settings as Record<string, SettingSpec>)
  .filter(([, spec]) => spec.secret)
  .map(([name]) => name);

describe('Bicep files (tree-sitter-bicep)', () => {
  it('finds main.bicep and its modules', () => {
    const names = [...tree.files.keys()].map((f) => path.relative(infra, f)).sort();
    expect(names).toContain('main.bicep');
    expect(names).toContain(path.join('modules', 'functionapp.bicep'));
    expect(names.length).toBeGreaterThanOrEqual(6);
  });

  it('parse without ERROR or MISSING nodes, resolve modules, describe params, pass required module params', () => {
    expect(tree.problems, formatProblems(tree.problems)).toEqual([]);
  });

  it('main.bicep targets the subscription and creates the resource group', () => {
    const main = file(mainBicep);
    const scope = main.root.namedChildren.find((n) => n.type === 'target_scope_assignment');
    expect(scope?.text).toContain("'subscription'");
    expect(resourcesOfType(main, 'Microsoft.Resources/resourceGroups')).toHaveLength(1);
  });
});

describe('the function app module', () => {
  const fa = file(functionAppBicep);
  const site = resourcesOfType(fa, 'Microsoft.Web/sites')[0];
  const plan = resourcesOfType(fa, 'Microsoft.Web/serverfarms')[0];
  const names = appSettingNames(fa);

  it('sets every deployed setting of lib/config.ts as an app setting', () => {
    expect(deployedSettings.length).toBeGreaterThan(5);
    const missing = deployedSettings.filter((s) => !names.includes(s));
    expect(missing, `missing app settings: ${missing.join(', ')}`).toEqual([]);
  });

  it('sets no secret as an app setting, and nothing Flex Consumption rejects', () => {
    const forbidden = [
      ...secretSettings,
      'FUNCTIONS_WORKER_RUNTIME',
      'FUNCTIONS_EXTENSION_VERSION',
      'WEBSITE_NODE_DEFAULT_VERSION',
      'WEBSITE_RUN_FROM_PACKAGE',
      'SCM_DO_BUILD_DURING_DEPLOYMENT',
      'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING',
      'WEBSITE_CONTENTSHARE',
    ];
    expect(names.filter((n) => forbidden.includes(n))).toEqual([]);
    expect(names).toContain('AzureWebJobsStorage__accountName');
    expect(names).toContain('AzureWebJobsStorage__credential');
  });

  it('is a Flex Consumption (FC1) Linux Node 22 app deployed from a blob container with its user-assigned identity', () => {
    expect(site && plan).toBeTruthy();
    expect(stringValue(objectGet(plan!.body, ['sku', 'name']))).toBe('FC1');
    expect(stringValue(objectGet(plan!.body, ['sku', 'tier']))).toBe('FlexConsumption');
    expect(stringValue(objectGet(site!.body, ['kind']))).toBe('functionapp,linux');
    expect(stringValue(objectGet(site!.body, ['identity', 'type']))).toBe('UserAssigned');
    expect(objectGet(site!.body, ['identity', 'userAssignedIdentities'])?.text).toContain("'${identityId}': {}");
    const config = ['properties', 'functionAppConfig'];
    expect(stringValue(objectGet(site!.body, [...config, 'deployment', 'storage', 'type']))).toBe('blobContainer');
    expect(stringValue(objectGet(site!.body, [...config, 'deployment', 'storage', 'authentication', 'type']))).toBe('UserAssignedIdentity');
    expect(objectGet(site!.body, [...config, 'deployment', 'storage', 'authentication', 'userAssignedIdentityResourceId'])?.text).toBe('identityId');
    expect(stringValue(objectGet(site!.body, [...config, 'runtime', 'name']))).toBe('node');
    expect(objectGet(site!.body, [...config, 'scaleAndConcurrency', 'maximumInstanceCount'])).toBeDefined();
    expect(site!.type).toBe('Microsoft.Web/sites@2024-04-01');
    const nodeVersion = fa.params.find((p) => p.name === 'nodeVersion');
    expect(nodeVersion).toBeDefined();
    // Node 20 support in Azure Functions ended on 2026-04-30; engines still lets the code run on 20 locally.
    expect(fs.readFileSync(functionAppBicep, 'utf8')).toMatch(/param nodeVersion string = '22'/);
    const engines = (JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('>=20.19');
  });

  it('allows cross-origin calls from the app\'s own origin and the corsAllowedOrigins parameter, without credentials (as Host.CORS locally)', () => {
    const cors = ['properties', 'siteConfig', 'cors'];
    const origins = objectGet(site!.body, [...cors, 'allowedOrigins'])?.text ?? '';
    expect(origins).toContain("'https://${name}.azurewebsites.net'");
    expect(origins).toContain('split(corsAllowedOrigins');
    expect(objectGet(site!.body, [...cors, 'supportCredentials'])?.text).toBe('false');
    expect(fa.params.find((p) => p.name === 'corsAllowedOrigins')).toBeDefined();
    const main = file(mainBicep);
    const module = main.modules.find((m) => m.target.endsWith('functionapp.bicep'));
    expect(module?.passed).toContain('corsAllowedOrigins');
  });

  it('tags the app for azd (azd-service-name: api)', () => {
    expect(objectGet(site!.body, ['tags'])?.text).toContain("'azd-service-name': serviceName");
    expect(fs.readFileSync(functionAppBicep, 'utf8')).toMatch(/param serviceName string = 'api'/);
  });

  it('connects to Azure SQL as the user-assigned identity, without a password', () => {
    const source = fs.readFileSync(functionAppBicep, 'utf8');
    expect(source).toContain('Authentication=Active Directory Managed Identity;User Id=${identityClientId};');
    expect(source).not.toMatch(/password\s*=/i);
  });

  it('the app and the Functions host use the identity: client id for storage, @azure/identity, telemetry; the table endpoint from the account', () => {
    const settings = fa.variables.get('baseSettings');
    expect(objectGet(settings, ['AzureWebJobsStorage__clientId'])?.text).toBe('identityClientId');
    expect(objectGet(settings, ['AZURE_CLIENT_ID'])?.text).toBe('identityClientId');
    expect(objectGet(settings, ['APPLICATIONINSIGHTS_AUTHENTICATION_STRING'])?.text).toBe("'ClientId=${identityClientId};Authorization=AAD'");
    expect(objectGet(settings, ['AzureWebJobsStorage__tableServiceUri'])?.text).toBe('storageTableEndpoint');
    const module = file(mainBicep).modules.find((m) => m.target.endsWith('functionapp.bicep'));
    expect(module?.passed).toEqual(expect.arrayContaining(['storageTableEndpoint', 'identityId', 'identityClientId']));
    expect(fs.readFileSync(mainBicep, 'utf8')).toContain('storageTableEndpoint: storage.outputs.tableEndpoint');
    // No endpoint suffix assumed anywhere: it comes from the storage account (sovereign clouds differ).
    for (const source of [...tree.files.keys()].map((f) => fs.readFileSync(f, 'utf8'))) expect(source).not.toContain('core.windows.net');
  });
});

describe('identity-only access to the data services', () => {
  const bySymbol = (rel: string) => file(path.join(infra, rel));

  it('storage: no shared keys', () => {
    const st = resourcesOfType(bySymbol('modules/storage.bicep'), 'Microsoft.Storage/storageAccounts')[0];
    expect(objectGet(st?.body, ['properties', 'allowSharedKeyAccess'])?.text).toBe('false');
  });

  it('Azure OpenAI: local auth disabled, custom subdomain set', () => {
    const oai = resourcesOfType(bySymbol('modules/openai.bicep'), 'Microsoft.CognitiveServices/accounts')[0];
    expect(stringValue(objectGet(oai?.body, ['kind']))).toBe('OpenAI');
    expect(objectGet(oai?.body, ['properties', 'disableLocalAuth'])?.text).toBe('true');
    expect(objectGet(oai?.body, ['properties', 'customSubDomainName'])).toBeDefined();
  });

  it('Azure SQL: Entra-only auth, serverless database, Azure services firewall rule', () => {
    const sql = bySymbol('modules/sql.bicep');
    const server = resourcesOfType(sql, 'Microsoft.Sql/servers')[0];
    expect(objectGet(server?.body, ['properties', 'administrators', 'azureADOnlyAuthentication'])?.text).toBe('true');
    expect(objectGet(server?.body, ['properties', 'administratorLoginPassword'])).toBeUndefined();
    const db = resourcesOfType(sql, 'Microsoft.Sql/servers/databases')[0];
    expect(stringValue(objectGet(db?.body, ['sku', 'name']))).toBe('GP_S_Gen5');
    expect(objectGet(db?.body, ['properties'])?.text).toContain('databaseProperties');
    expect(objectGet(sql.variables.get('databaseProperties'), ['autoPauseDelay'])).toBeDefined();
    const rules = resourcesOfType(sql, 'Microsoft.Sql/servers/firewallRules');
    expect(rules.some((r) => stringValue(objectGet(r.body, ['name'])) === 'AllowAllWindowsAzureIps')).toBe(true);
  });

  it('the app\'s user-assigned identity exists, with its roles, before the app', () => {
    const identity = bySymbol('modules/identity.bicep');
    expect(resourcesOfType(identity, 'Microsoft.ManagedIdentity/userAssignedIdentities')).toHaveLength(1);
    expect(identity.outputs).toEqual(expect.arrayContaining(['id', 'name', 'principalId', 'clientId']));
    const source = fs.readFileSync(mainBicep, 'utf8');
    expect(source).toMatch(/module appRoles 'modules\/role-assignments.bicep' = \{[^}]*principalId: appIdentity.outputs.principalId/);
    expect(source).toMatch(/module functionApp 'modules\/functionapp.bicep' = \{[^}]*dependsOn: \[\s*appRoles\s*\]/);
  });

  it('serverless SQL: the least vCores follow the most vCores, as Azure SQL\'s serverless limits require (0.5-1, 0.5-2, 0.5-4, 0.75-6, 1.0-8)', () => {
    const sql = bySymbol('modules/sql.bicep');
    const mapping = Object.fromEntries(objectEntries(sql.variables.get('minVCoresByMax')).map(([k, v]) => [k, stringValue(v)]));
    expect(mapping).toEqual({ '1': '0.5', '2': '0.5', '4': '0.5', '6': '0.75', '8': '1' });
    const allowed = (source: string) => /@allowed\(\[([^\]]*)\]\)\s*param (?:sqlMaxVCores|maxVCores) int/.exec(source)?.[1]?.trim().split(/\s+/).sort();
    expect(allowed(fs.readFileSync(mainBicep, 'utf8'))).toEqual(Object.keys(mapping).sort());
    expect(allowed(fs.readFileSync(path.join(infra, 'modules', 'sql.bicep'), 'utf8'))).toEqual(Object.keys(mapping).sort());
    expect(objectGet(sql.variables.get('databaseProperties'), ['minCapacity'])?.text).toBe('json(minVCoresByMax[string(maxVCores)])');
  });

  it('Azure OpenAI has its own region, by default one offering gpt-4.1 GlobalStandard (not eastasia)', () => {
    const source = fs.readFileSync(mainBicep, 'utf8');
    const region = /param openAiLocation string = '([a-z0-9]+)'/.exec(source)?.[1];
    // From Microsoft's "Global Standard model availability" table (gpt-4.1, 2025-04-14), a few of the regions listed.
    expect(['eastus2', 'eastus', 'swedencentral', 'japaneast', 'australiaeast', 'francecentral']).toContain(region);
    expect(source).toMatch(/param openAiModelName string = 'gpt-4.1'/);
    expect(source).toMatch(/param openAiDeploymentSkuName string = 'GlobalStandard'/);
    expect(file(mainBicep).modules.find((m) => m.symbol === 'openAi')?.passed).toContain('location');
    expect(source).toContain('    location: openAiLocation\n');
    const parameters = fs.readFileSync(path.join(infra, 'main.parameters.json'), 'utf8');
    expect(parameters).toContain(`"\${AZURE_OPENAI_LOCATION=${region}}"`);
  });

  it('role assignments cover blob, queue, table and OpenAI for the app and the deployer', () => {
    const source = fs.readFileSync(path.join(infra, 'modules', 'role-assignments.bicep'), 'utf8');
    for (const roleId of [
      'b7e6dc6d-f1e8-4753-8033-0f276bb0955b', // Storage Blob Data Owner
      '974c5e8b-45b9-4653-ba55-5f855dd0fb88', // Storage Queue Data Contributor
      '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', // Storage Table Data Contributor
      '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd', // Cognitive Services OpenAI User
    ]) {
      expect(source).toContain(roleId);
    }
    const targets = file(mainBicep).modules.filter((m) => m.target === 'modules/role-assignments.bicep');
    expect(targets.map((m) => m.symbol).sort()).toEqual(['appRoles', 'deployerRoles']);
  });
});

describe('Durable Functions backend', () => {
  const hostJson = JSON.parse(fs.readFileSync(path.join(repo, 'host.json'), 'utf8')) as {
    extensionBundle: { id: string; version: string };
    extensions: { durableTask?: { hubName?: string; storageProvider?: Record<string, string> } };
  };
  const fa = file(functionAppBicep);
  const main = file(mainBicep);
  const faSource = fs.readFileSync(functionAppBicep, 'utf8');

  it('host.json: the hub name from DURABLE_TASK_HUB, the Azure Storage provider on the identity-based AzureWebJobsStorage, extension bundle 4.x', () => {
    expect(hostJson.extensions.durableTask?.hubName).toBe('%DURABLE_TASK_HUB%');
    expect(hostJson.extensions.durableTask?.storageProvider).toEqual({ type: 'AzureStorage', connectionName: 'AzureWebJobsStorage' });
    expect(hostJson.extensionBundle).toEqual({ id: 'Microsoft.Azure.Functions.ExtensionBundle', version: '[4.*, 5.0.0)' });
    // AzureWebJobsStorage by identity: account name + managed identity, and the blob/queue/table roles the provider needs.
    expect(appSettingNames(fa)).toEqual(expect.arrayContaining(['AzureWebJobsStorage__accountName', 'AzureWebJobsStorage__credential', 'DURABLE_TASK_HUB']));
    expect(faSource).not.toMatch(/AzureWebJobsStorage:\s/);
  });

  it('main.bicep offers the Durable Task Scheduler instead, as a parameter defaulting to Azure Storage', () => {
    const backend = main.params.find((p) => p.name === 'durableBackend');
    expect(backend).toBeDefined();
    const source = fs.readFileSync(mainBicep, 'utf8');
    expect(source).toMatch(/@allowed\(\[\s*'AzureStorage'\s*'DurableTaskScheduler'\s*\]\)\s*param durableBackend string = 'AzureStorage'/);
    const dts = main.modules.find((m) => m.target === 'modules/durable-task-scheduler.bicep');
    expect(dts?.symbol).toBe('durableTaskScheduler');
    expect(source).toMatch(/module durableTaskScheduler 'modules\/durable-task-scheduler.bicep' = if \(durableBackend == 'DurableTaskScheduler'\)/);
    const scheduler = file(path.join(infra, 'modules', 'durable-task-scheduler.bicep'));
    expect(resourcesOfType(scheduler, 'Microsoft.DurableTask/schedulers')).toHaveLength(1);
    const hub = resourcesOfType(scheduler, 'Microsoft.DurableTask/schedulers/taskHubs')[0];
    expect(objectGet(hub?.body, ['name'])?.text).toBe('taskHubName');
    // An empty IP allow list would refuse every caller.
    expect(objectGet(resourcesOfType(scheduler, 'Microsoft.DurableTask/schedulers')[0]?.body, ['properties', 'ipAllowlist'])?.text).toContain("'0.0.0.0/0'");
  });

  it('with the scheduler: its connection string by identity, the provider switched by app settings, Durable Task Data Contributor for the app', () => {
    const names = appSettingNames(fa);
    expect(names).toEqual(
      expect.arrayContaining([
        'DURABLE_TASK_SCHEDULER_CONNECTION_STRING',
        'AzureFunctionsJobHost__extensions__durableTask__storageProvider__type',
        'AzureFunctionsJobHost__extensions__durableTask__storageProvider__connectionStringName',
      ]),
    );
    expect(faSource).toContain("'Endpoint=${durableTaskSchedulerEndpoint};Authentication=ManagedIdentity;ClientID=${identityClientId}'");
    expect(stringValue(objectGet(fa.variables.get('schedulerSettings'), ['AzureFunctionsJobHost__extensions__durableTask__storageProvider__type']))).toBe('azureManaged');
    // The switch applies only with the scheduler: Azure Storage keeps host.json as it is.
    expect(fa.variables.get('appSettings')?.text).toBe('union(baseSettings, useScheduler ? schedulerSettings : {})');
    const roles = fs.readFileSync(path.join(infra, 'modules', 'role-assignments.bicep'), 'utf8');
    expect(roles).toContain("durableTaskDataContributor: '0ad04412-c4d5-4796-b79c-f76d14c8d402'");
    expect(roles).toMatch(/resource durableTaskDataContributor 'Microsoft.Authorization\/roleAssignments@2022-04-01' = if \(!empty\(durableTaskSchedulerName\)\)/);
    expect(main.modules.find((m) => m.symbol === 'appRoles')?.passed).toContain('durableTaskSchedulerName');
    expect(fs.readFileSync(mainBicep, 'utf8')).toContain("durableTaskSchedulerName: durableBackend == 'DurableTaskScheduler' ? durableTaskScheduler.outputs.name : ''");
  });
});

describe('azd wiring', () => {
  const main = file(mainBicep);

  it('main.parameters.json provides every required param of main.bicep and nothing unknown', () => {
    const json = JSON.parse(fs.readFileSync(path.join(infra, 'main.parameters.json'), 'utf8')) as {
      parameters: Record<string, { value: unknown }>;
    };
    const provided = Object.keys(json.parameters);
    const missing = main.params.filter((p) => p.required && !provided.includes(p.name)).map((p) => p.name);
    expect(missing).toEqual([]);
    const unknown = provided.filter((name) => !main.params.some((p) => p.name === name));
    expect(unknown).toEqual([]);
    expect(json.parameters.environmentName?.value).toBe('${AZURE_ENV_NAME}');
    expect(json.parameters.location?.value).toBe('${AZURE_LOCATION}');
    expect(json.parameters.principalId?.value).toBe('${AZURE_PRINCIPAL_ID}');
  });

  it('main.bicep outputs what azd and the postprovision hook read', () => {
    for (const name of [
      'AZURE_FUNCTION_APP_NAME',
      'SERVICE_API_URI',
      'FUNCTION_APP_URL',
      'AZURE_OPENAI_ENDPOINT',
      'AZURE_SQL_SERVER',
      'AZURE_SQL_DATABASE',
      'AZURE_STORAGE_ACCOUNT',
      'AZURE_RESOURCE_GROUP',
    ]) {
      expect(main.outputs).toContain(name);
    }
    const script = fs.readFileSync(path.join(infra, 'scripts', 'sql-grant.mjs'), 'utf8');
    const read = [...new Set(script.match(/'AZURE_[A-Z_]+'/g) ?? [])].map((quoted) => quoted.slice(1, -1));
    expect(read).toEqual(expect.arrayContaining(['AZURE_SQL_SERVER', 'AZURE_APP_IDENTITY_CLIENT_ID']));
    for (const used of read) {
      if (used === 'AZURE_SUBSCRIPTION_ID') continue; // azd's own environment value
      expect(main.outputs, `sql-grant.mjs reads ${used}`).toContain(used);
    }
  });

  it('azure.yaml describes the api service and names infra files that exist', () => {
    const yaml = fs.readFileSync(path.join(repo, 'azure.yaml'), 'utf8');
    expect(yaml).toMatch(/^name: [a-z0-9-]+$/m);
    expect(yaml).toMatch(/^ {2}api:\n(?: {4}.*\n)*? {4}project: \.\n/m);
    expect(yaml).toMatch(/^ {4}language: js$/m);
    expect(yaml).toMatch(/^ {4}host: function$/m);
    const infraPath = yaml.match(/^ {2}path: (\S+)$/m)?.[1] ?? 'infra';
    const infraModule = yaml.match(/^ {2}module: (\S+)$/m)?.[1] ?? 'main';
    expect(fs.existsSync(path.join(repo, infraPath, `${infraModule}.bicep`))).toBe(true);
    expect(fs.existsSync(path.join(repo, infraPath, `${infraModule}.parameters.json`))).toBe(true);
    const referenced = yaml.match(/(?:\.\/)?infra\/[\w./-]+/g) ?? [];
    expect(referenced.length).toBeGreaterThan(0);
    for (const ref of referenced) expect(fs.existsSync(path.join(repo, ref)), ref).toBe(true);
    expect(yaml).toMatch(/prepackage:[\s\S]*run: npm run build/);
    // The hook is plain Node on every OS: no sh, sqlcmd or az needed.
    const hook = yaml.slice(yaml.indexOf('  postprovision:'));
    expect(hook.match(/run: node infra\/scripts\/grant-sql-access\.mjs$/gm)).toHaveLength(2);
    expect(hook).toMatch(/posix:[\s\S]*windows:/);
    expect(hook).not.toMatch(/continueOnError: true/);
  });

  it('the SQL grant uses only what `npm ci` installs (mssql, @azure/identity), by the identity\'s id', () => {
    const scripts = ['grant-sql-access.mjs', 'sql-grant.mjs'].map((name) => fs.readFileSync(path.join(infra, 'scripts', name), 'utf8')).join('\n');
    const imported = [...scripts.matchAll(/import\((?:'|")([^'"]+)/g), ...scripts.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imported.filter((name) => !name!.startsWith('node:') && !name!.startsWith('./')).sort()).toEqual(['@azure/identity', 'mssql']);
    const dependencies = (JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
    expect(Object.keys(dependencies)).toEqual(expect.arrayContaining(['@azure/identity', 'mssql']));
    expect(scripts).not.toMatch(/sqlcmd|child_process|execSync|spawn/);
    expect(scripts).toContain('WITH SID = 0x${sid.toString(\'hex\').toUpperCase()}, TYPE = E');
    expect(fs.existsSync(path.join(infra, 'scripts', 'grant-sql-access.sh'))).toBe(false);
  });

  it('nothing the deployed app runs needs its own function key (FUNCTIONS_API_KEY is the local host\'s)', () => {
    expect((settings as Record<string, SettingSpec>).FUNCTIONS_API_KEY).toMatchObject({ localOnly: true, secret: true });
    expect(appSettingNames(file(functionAppBicep))).not.toContain('FUNCTIONS_API_KEY');
    const sources = ['functions', 'app', 'agents', 'lib'].flatMap((dir) =>
      (fs.readdirSync(path.join(repo, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f)),
    );
    const code = sources.filter((f) => f !== path.join('lib', 'config.ts')); // where the setting is described
    const readers = code.filter((f) => /FUNCTIONS_API_KEY|functionsApiKey/.test(fs.readFileSync(path.join(repo, f), 'utf8')));
    expect(readers).toEqual([]);
    // The agents answer in process (agents/shared/in-process.ts), not over the app's own /api/mcp with a key.
    const keyed = code.filter((f) => /x-functions-key/.test(fs.readFileSync(path.join(repo, f), 'utf8')));
    expect(keyed).toEqual([path.join('lib', 'http', 'openapi', 'document.ts')]);
  });

  it('.funcignore keeps the runtime files and drops tests, infra, local data and secrets', () => {
    const lines = fs
      .readFileSync(path.join(repo, '.funcignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    for (const excluded of ['/node_modules/', '/tests/', '/infra/', '/data/', '/local.settings.json', '.env']) {
      expect(lines).toContain(excluded);
    }
    for (const kept of ['dist', 'dist/', 'package.json', 'host.json', 'lib/', 'functions/', 'tsconfig.json']) {
      expect(lines).not.toContain(kept);
    }
    // gitignore semantics: an unanchored folder pattern matches at any depth ("data/" drops lib/domain/data/).
    expect(lines.filter((l) => /^[^/*!].*\/$/.test(l))).toEqual([]);
  });
});

describe('the checker itself can fail', () => {
  it('reports a syntax error with line:col', () => {
    const broken = ["@description('x')", 'param a string = ', "resource r 'Microsoft.Web/sites@2024-04-01' = {", "  name: 'x'", ''].join('\n');
    const problems = syntaxProblems(broken);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^\d+:\d+: /);
  });

  it('reports a MISSING node', () => {
    const problems = syntaxProblems('var x = {\n  a: 1\n  b: \n}\n');
    expect(problems.join('\n')).toMatch(/^3:\d+: (missing|syntax error)/m);
  });

  it('accepts a valid snippet', () => {
    const ok = ["@description('x')", "param a string = 'b'", "output o string = '${a}-c'", ''].join('\n');
    expect(syntaxProblems(ok)).toEqual([]);
  });

  it('flags a param without @description, a missing module file and a required param not passed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bicep-check-'));
    try {
      fs.mkdirSync(path.join(dir, 'modules'));
      fs.writeFileSync(
        path.join(dir, 'modules', 'child.bicep'),
        ["@description('needed')", 'param needed string', "@description('optional')", "param optional string = 'x'", ''].join('\n'),
      );
      fs.writeFileSync(
        path.join(dir, 'main.bicep'),
        [
          'param undocumented string',
          "module child 'modules/child.bicep' = {",
          "  name: 'child'",
          '  params: {',
          "    optional: 'y'",
          "    unknown: 'z'",
          '  }',
          '}',
          "module gone 'modules/gone.bicep' = {",
          "  name: 'gone'",
          '}',
          '',
        ].join('\n'),
      );
      const messages = checkBicepTree(dir).problems.map((p) => p.message).join('\n');
      expect(messages).toMatch(/1:1: param undocumented has no @description/);
      expect(messages).toMatch(/module child does not pass required param needed/);
      expect(messages).toMatch(/module child passes unknown/);
      expect(messages).toMatch(/module gone 'modules\/gone.bicep' does not resolve/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds app settings through a variable and union(), and notices one that is missing', () => {
    const f = analyze(
      [
        "var base = { A: '1' }",
        "var more = { 'B': '2' }",
        "resource app 'Microsoft.Web/sites@2024-04-01' = {",
        "  name: 'app'",
        "  properties: { siteConfig: { appSettings: [ { name: 'C', value: '3' } ] } }",
        '}',
        "resource cfg 'Microsoft.Web/sites/config@2024-04-01' = {",
        '  parent: app',
        "  name: 'appsettings'",
        '  properties: union(base, more)',
        '}',
        '',
      ].join('\n'),
    );
    const names = appSettingNames(f).sort();
    expect(names).toEqual(['A', 'B', 'C']);
    expect(['A', 'B', 'C', 'D'].filter((n) => !names.includes(n))).toEqual(['D']);
  });
});
