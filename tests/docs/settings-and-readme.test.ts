import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corsPolicy } from '../../host/cors';
import { loadConfig, settings } from '../../lib/config';
import { policyMarkdown } from '../../lib/domain/refund-policy';

const root = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const example = JSON.parse(fs.readFileSync(path.join(root, 'local.settings.example.json'), 'utf8')) as {
  Values: Record<string, string>;
  Descriptions: Record<string, string>;
  Host: Record<string, unknown>;
};

describe('settings are documented where users look', () => {
  const names = Object.entries(settings).filter(([, spec]) => !('platform' in spec && spec.platform)).map(([name]) => name);

  it('local.settings.example.json has every setting, with its default and description', () => {
    for (const name of names) {
      expect(example.Values, name).toHaveProperty(name, settings[name as keyof typeof settings].example);
      expect(example.Descriptions[name], name).toContain(settings[name as keyof typeof settings].description);
    }
    expect(Object.keys(example.Values).filter((name) => name !== 'FUNCTIONS_WORKER_RUNTIME').sort()).toEqual([...names].sort());
  });

  it('the README lists every setting', () => {
    for (const name of Object.keys(settings)) expect(readme, name).toContain(`\`${name}\``);
  });

  it('the example settings file is a valid configuration', () => {
    expect(() => loadConfig(example.Values)).not.toThrow();
    expect(loadConfig(example.Values).database.kind).toBe('sqlite');
  });

  it('the example Host section is a CORS policy the host accepts, each key described', () => {
    expect(corsPolicy(example.Host)?.origins.has('http://localhost:7071')).toBe(true);
    for (const name of Object.keys(example.Host).filter((name) => name !== 'LocalHttpPort')) expect(example.Descriptions[`Host.${name}`], name).toBeTruthy();
  });
});

describe('the refund policy has one source', () => {
  it('the README shows exactly the policy module’s text', () => {
    const section = /<!-- policy:begin -->\n([\s\S]*?)\n<!-- policy:end -->/.exec(readme)?.[1];
    expect(section).toBe(policyMarkdown().replace(/^# /, '### '));
  });
});

describe('configuration parsing', () => {
  it('selects the store from one setting', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.db' }).database).toEqual({ kind: 'sqlite', path: '/tmp/x.db' });
    expect(loadConfig({ DATABASE_URL: 'mssql://u:p@h/db' }).database.kind).toBe('mssql');
    expect(loadConfig({ AZURE_SQL_CONNECTION_STRING: 'Server=tcp:x,1433;Database=d;Authentication=Active Directory Default', DATABASE_URL: 'sqlite:/tmp/x.db' }).database.kind).toBe('mssql');
    expect(loadConfig({ DATA_DIR: '/tmp/d' }).database).toEqual({ kind: 'sqlite', path: '/tmp/d/flightbooking.db' });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('derives the public base URL from Azure’s host name or the local port', () => {
    expect(loadConfig({ WEBSITE_HOSTNAME: 'app.azurewebsites.net' }).publicBaseUrl).toBe('https://app.azurewebsites.net/api');
    expect(loadConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://127.0.0.1:8080/api');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://x/api/' }).publicBaseUrl).toBe('https://x/api');
  });
});
