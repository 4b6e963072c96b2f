import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../support/host-process';

/** The files under node_modules a fresh process has loaded after requiring `module` (as the Functions worker loads the entry). */
function filesLoadedBy(module: string, env: Record<string, string> = {}): string[] {
  const script = `
    console.warn = () => {};
    require(${JSON.stringify(module)});
    const files = Object.keys(require.cache).filter((file) => file.includes('/node_modules/'));
    console.log(JSON.stringify(files.map((file) => file.slice(file.lastIndexOf('/node_modules/') + '/node_modules/'.length))));`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: repoRoot, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as string[];
}

const packageOf = (file: string) => file.split('/').slice(0, file.startsWith('@') ? 2 : 1).join('/');
const packagesLoadedBy = (module: string, env?: Record<string, string>) => [...new Set(filesLoadedBy(module, env).map(packageOf))];

// Cold start: on Flex Consumption every new instance loads the entry before its first request. What
// only some requests need loads with the first of them (the bench measures the time; this guards the rule).
const onlyWhenNeeded = [
  'mssql', // the SQL Server driver: unused on SQLite
  'tedious',
  'swagger-ui-dist', // the docs page's files
  '@azure/identity', // managed identity: Azure SQL, Azure OpenAI, storage by account name
  '@azure/data-tables', // orchestration state
  'openai', // the model planner
  'chrono-node', // the offline planner's dates
  'pinyin-pro', // the offline planner's names
  'opencc-js', // traditional → simplified Chinese for the offline planner
  '@azure/monitor-opentelemetry', // telemetry, only when configured
  '@opentelemetry/sdk-node',
];

it('loading the function app entry leaves every package only some requests need unloaded', () => {
  const loaded = packagesLoadedBy(path.join(repoRoot, 'dist/functions/index.js'));
  expect(loaded).toContain('@azure/functions');
  expect(loaded).toContain('zod');
  expect(loaded.filter((name) => onlyWhenNeeded.includes(name))).toEqual([]);
});

it('the MCP SDK\'s server, client and validator load with the first MCP request or tool call, not with the entry', () => {
  // Its JSON-RPC message schemas (types.js) are part of the OpenAPI declarations of the MCP endpoints.
  const mcp = filesLoadedBy(path.join(repoRoot, 'dist/functions/index.js')).filter((file) => file.startsWith('@modelcontextprotocol/sdk/'));
  expect(mcp.filter((file) => /\/(server|client|validation)\//.test(file))).toEqual([]);
});

it('with telemetry configured, the OpenTelemetry SDK loads with the entry (it must patch what loads after it)', () => {
  const loaded = packagesLoadedBy(path.join(repoRoot, 'dist/functions/index.js'), {
    APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint=https://127.0.0.1:9/',
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
  });
  expect(loaded).toContain('@azure/monitor-opentelemetry');
  expect(loaded).not.toContain('mssql');
}, 120_000);
