import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type TestHost } from '../support/host';
import { loadFunctionApp } from '../support/function-app';

interface OperationObject {
  'x-azure-function': string;
  summary: string;
  parameters: { name: string; in: string; schema: { type?: string } }[];
  security?: unknown[];
}
interface Document {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, unknown> };
}

const { registrations, openApiDocument } = loadFunctionApp();
let host: TestHost;
let doc: Document;

beforeAll(async () => {
  host = await startHost();
  const response = await host.fetch('/openapi.json');
  expect(response.status, await response.clone().text()).toBe(200);
  doc = (await response.json()) as Document;
}, 60_000);

afterAll(async () => {
  await host?.stop();
});

const operationsOf = (document: Document) =>
  Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })));

/** `flights/{id:int}` → `/flights/{id}`, written independently of the generator. */
const plainPath = (route: string) => `/${route.replace(/\{\*?(\w+)[^}]*\}/g, '{$1}')}`;

/** The API's functions: site functions (the web app at the root) are not part of the API's document. */
const apiFunctions = () => registrations.http.filter((fn) => fn.api);

describe('OpenAPI document', () => {
  it('is built from the route declarations: every registered API function has one, and one without is named', () => {
    expect(() => openApiDocument(registrations.http)).not.toThrow();
    const undeclared = registrations.http.map((fn) => (fn.name === 'flights-search' ? { ...fn, operation: undefined } : fn));
    expect(() => openApiDocument(undeclared)).toThrow(/registered without a route declaration .*: flights-search$/);
  });

  it('is valid OpenAPI 3.1', async () => {
    expect(doc.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(doc) as unknown as Parameters<typeof SwaggerParser.validate>[0]);
  });

  it('documents every registered function and method, and nothing else', () => {
    const documented = new Set(operationsOf(doc).map(({ method, operation }) => `${operation['x-azure-function']} ${method}`));
    const registered = new Set(apiFunctions().flatMap((fn) => fn.methods.map((method) => `${fn.name} ${method}`)));
    expect([...documented].sort()).toEqual([...registered].sort());
    for (const fn of apiFunctions()) {
      for (const method of fn.methods) {
        expect(doc.paths[plainPath(fn.route)]?.[method.toLowerCase()]?.['x-azure-function'], `${method} ${fn.route}`).toBe(fn.name);
      }
    }
  });

  it('types route parameters and applies the function key where the route needs one', () => {
    const getFlight = doc.paths['/flights/{id}']!.get!;
    expect(getFlight.parameters.find((p) => p.in === 'path' && p.name === 'id')!.schema.type).toBe('integer');
    for (const fn of apiFunctions()) {
      const operation = doc.paths[plainPath(fn.route)]![fn.methods[0]!.toLowerCase()]!;
      expect(Boolean(operation.security), fn.name).toBe(fn.authLevel !== 'anonymous');
    }
  });

  it('describes problems once and points the servers at the API', () => {
    expect(doc.components.schemas).toHaveProperty('Problem');
    expect(doc.components.schemas).toHaveProperty('Flight');
    expect(doc.servers).toEqual([{ url: '/api' }]);
  });
});

describe('Swagger UI files', () => {
  it('serves the page and its assets with their content types', async () => {
    const page = await host.fetch('/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('/api/docs/swagger-ui-bundle.js');
    const script = await host.fetch('/docs/swagger-ui-bundle.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    const css = await host.fetch('/docs/swagger-ui.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('serves nothing outside swagger-ui-dist', async () => {
    for (const path of ['/docs/..%2Fpackage.json', '/docs/../../package.json', '/docs/%2e%2e/%2e%2e/package.json', '/docs/nope.js']) {
      const response = await host.fetch(path);
      expect(response.status, path).toBe(404);
    }
  });
});
