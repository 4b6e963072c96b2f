import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { createGeneratorSync } from 'json-schema-faker';
import { beforeAll, describe, expect, it } from 'vitest';
import { useHost } from '../support/host';

/**
 * A schema-driven client, as an API tester works from the served /api/openapi.json: requests generated
 * from the document (json-schema-faker, driven by fast-check seeds). A request the document calls valid
 * is answered 2xx or with a 4xx the operation documents — never 400, which would mean the server is
 * stricter than its document; one value broken against its schema is a 4xx; every answer matches the
 * document (status, content type, body).
 */
const host = useHost();

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}
interface Operation {
  path: string;
  method: string;
  parameters: Parameter[];
  body?: Schema;
  staff: boolean;
  responses: Record<string, { content?: Record<string, unknown> }>;
}

let document: { components: { schemas: Record<string, Schema> }; paths: Record<string, Record<string, Record<string, unknown>>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
let operations: Operation[] = [];

/** The JSON APIs a generic client would exercise: flights, bookings and the system endpoints (MCP and the conversation runtime have their own clients). */
const exercised = /^\/(flights|bookings|airports|health|stats)/;

beforeAll(async () => {
  document = (await (await host.fetch('/openapi.json')).json()) as typeof document;
  ajv.addSchema(document, 'openapi');
  operations = Object.entries(document.paths)
    .filter(([path]) => exercised.test(path))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        path,
        method,
        parameters: (operation.parameters ?? []) as Parameter[],
        body: (operation.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content?.['application/json']?.schema,
        staff: Array.isArray(operation.security) && operation.security.length > 0,
        responses: operation.responses as Operation['responses'],
      })),
    )
    // Writes through generated bodies only where they cannot disturb other operations' reference data.
    .filter((op) => op.method === 'get' || (op.method === 'post' && op.path === '/bookings'));
});

function generate(schema: Schema, seed: number): unknown {
  return createGeneratorSync({ seed }).generate({ ...schema, components: document.components } as never);
}

interface Request {
  url: string;
  init: RequestInit & { staff?: boolean; json?: unknown };
  label: string;
}

function request(op: Operation, values: Map<Parameter, unknown>, body: unknown): Request {
  let path = op.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const [parameter, value] of values) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(text));
    else if (parameter.in === 'query') query.set(parameter.name, text);
    else headers[parameter.name] = text;
  }
  const url = `${path}${query.size ? `?${query}` : ''}`;
  return { url, init: { method: op.method.toUpperCase(), staff: op.staff, headers, ...(body === undefined ? {} : { json: body }) }, label: `${op.method.toUpperCase()} ${url} ${body === undefined ? '' : JSON.stringify(body)}` };
}

function documentAccepts(schema: Schema, value: unknown): boolean {
  return ajv.compile({ ...schema, components: document.components, $id: undefined }).call(undefined, value) as boolean;
}

/**
 * A request the document calls valid: every required parameter, some optional ones, a generated body.
 * The generator does not honour every pattern, so a sample the document itself refuses is generated
 * again with the next seed (undefined after a few tries).
 */
function validRequest(op: Operation, seed: number, include: boolean[]): Request | undefined {
  // A path segment of only dots is a dot segment every URL parser removes: no client can send it.
  const addressable = (parameter: Parameter | undefined, value: unknown) => parameter?.in !== 'path' || !/^\.+$/.test(String(value));
  const valid = (schema: Schema, from: number, parameter?: Parameter) => {
    for (let s = from; s < from + 20; s++) {
      const value = generate(schema, s);
      if (documentAccepts(schema, value) && addressable(parameter, value)) return { value };
    }
    return undefined;
  };
  const values = new Map<Parameter, unknown>();
  for (const [i, parameter] of op.parameters.entries()) {
    if (!parameter.required && !include[i % include.length]) continue;
    const sample = valid(parameter.schema, seed + i * 100, parameter);
    if (!sample) return undefined;
    values.set(parameter, sample.value);
  }
  const body = op.body ? valid(op.body, seed) : { value: undefined };
  return body && request(op, values, body.value);
}

/** A value that breaks this schema, or undefined when the schema constrains nothing a client could break. */
function breaking(schema: Schema): unknown {
  if (Array.isArray(schema.enum)) return 'not-in-the-enum';
  if (typeof schema.pattern === 'string') return ['x!', ' ', '!!!!!!', '2030-99-99'].find((text) => !documentAccepts(schema, text));
  if (schema.type === 'integer' || schema.type === 'number') {
    if (typeof schema.maximum === 'number') return String(schema.maximum + 1);
    if (typeof schema.minimum === 'number') return String(schema.minimum - 1);
    return 'not-a-number';
  }
  if (typeof schema.maxLength === 'number') return 'x'.repeat(schema.maxLength + 1);
  return undefined;
}

/** Validates an answer against the document: a documented status, content type and body. */
async function conforms(op: Operation, response: Response, label: string): Promise<void> {
  const status = String(response.status);
  expect(op.responses[status], `${label} → ${status} is not documented`).toBeDefined();
  const type = response.headers.get('content-type')?.split(';')[0];
  const content = op.responses[status]!.content;
  if (!content) return;
  expect(Object.keys(content), `${label} → ${status} ${type}`).toContain(type);
  if (!type?.includes('json')) return;
  const pointer = ['paths', op.path, op.method, 'responses', status, 'content', type, 'schema'].map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  const validate = ajv.getSchema(`openapi#/${pointer}`)!;
  const body: unknown = await response.json();
  expect(validate(body), `${label} → ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`).toBe(true);
}

describe('a client generated from the served OpenAPI document', () => {
  it('exercises flights, bookings and system operations', () => {
    expect(operations.length).toBeGreaterThanOrEqual(12);
  });

  it('valid requests get 2xx or a documented 4xx (never 400), and every answer matches the document', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: operations.length - 1 }), fc.nat(), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), async (index, seed, include) => {
        const op = operations[index]!;
        const generated = validRequest(op, seed, include);
        fc.pre(generated !== undefined);
        const { url, init, label } = generated!;
        const response = await host.fetch(url, init);
        expect(response.status, label).toBeLessThan(500);
        expect(response.status, `${label}: the server refused what its document allows: ${await response.clone().text()}`).not.toBe(400);
        await conforms(op, response, label);
      }),
      { numRuns: 150, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}) },
    );
  }, 120_000);

  it('a request with one value broken against its schema gets a documented 4xx', async () => {
    const cases = operations.flatMap((op) =>
      op.parameters
        .filter((parameter) => parameter.in !== 'header')
        .map((parameter) => ({ op, parameter, bad: breaking(parameter.schema) }))
        .filter((c) => c.bad !== undefined),
    );
    expect(cases.length).toBeGreaterThan(10);
    for (const { op, parameter, bad } of cases) {
      const values = new Map<Parameter, unknown>();
      op.parameters.forEach((p, i) => {
        if (p.required && p.in !== 'header') values.set(p, generate(p.schema, i));
      });
      values.set(parameter, bad);
      const { url, init, label } = request(op, values, op.body ? generate(op.body, 1) : undefined);
      const response = await host.fetch(url, init);
      expect(response.status, `${label} (${parameter.name} broken)`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${label} (${parameter.name} broken)`).toBeLessThan(500);
      await conforms(op, response, label);
    }
  }, 120_000);
});

describe('the document states every rule the server enforces', () => {
  const parameter = (path: string, method: string, name: string) =>
    ((document.paths[path]![method]!.parameters as Parameter[]).find((p) => p.name === name) ?? { schema: {} }).schema;
  const accepts = (schema: Schema, value: unknown) => documentAccepts(schema, value);

  it('dates, booking references, idempotency keys and runtime statuses have their patterns', () => {
    expect(accepts(parameter('/flights/search/{from}/{to}', 'get', 'date'), '2030-13-45')).toBe(false);
    expect(accepts(parameter('/flights/search/{from}/{to}', 'get', 'date'), '2030-01-05')).toBe(true);
    expect(accepts(parameter('/bookings/reference/{pnr}', 'get', 'pnr'), 'ABC10O')).toBe(false);
    expect(accepts(parameter('/bookings/reference/{pnr}', 'get', 'pnr'), 'K7Q2MX')).toBe(true);
    expect(accepts(parameter('/bookings', 'post', 'idempotency-key'), 'trip 42 ✈')).toBe(false);
    expect(accepts(parameter('/bookings', 'post', 'idempotency-key'), 'trip-42')).toBe(true);
    // The orchestration management API documents runtimeStatus where the app serves it (not when the Functions host does).
    const runtimeStatus = Object.values(document.paths).flatMap((methods) => Object.values(methods)).flatMap((op) => (op.parameters ?? []) as Parameter[]).find((p) => p.name === 'runtimeStatus')?.schema;
    if (runtimeStatus) {
      expect(accepts(runtimeStatus, 'Sleeping')).toBe(false);
      expect(accepts(runtimeStatus, 'Running,Completed')).toBe(true);
    }
  });

  it('a flat flight price of 0 and whitespace-only text are refused by the document as by the server', () => {
    const flat = document.components.schemas.FlatFlightInput!;
    const flight = { flight_number: 'TE1234', airline: '测试航空', departure_airport: 'PEK', arrival_airport: 'SHA', departure_time: '08:00', arrival_time: '10:00' };
    expect(accepts(flat, { ...flight, price: 599 })).toBe(true);
    expect(accepts(flat, { ...flight, price: '599.00' })).toBe(true);
    expect(accepts(flat, { ...flight, price: 0 })).toBe(false);
    expect(accepts(flat, { ...flight, price: '0.00' })).toBe(false);
    const message = (document.paths['/assistant/conversations/{id}/messages']?.post?.requestBody as { content: Record<string, { schema: Schema }> }).content['application/json']!.schema;
    expect(accepts(message, { text: '   ' })).toBe(false);
    expect(accepts(message, { text: '明天去上海' })).toBe(true);
  });

  it('the passenger-name pattern needs no Unicode property escapes, and a JSON-RPC error may have id null', () => {
    const patterns = JSON.stringify(document).match(/"pattern":"(?:[^"\\]|\\.)*"/g) ?? [];
    expect(patterns.filter((p) => p.includes('\\\\p{'))).toEqual([]);
    const error = document.components.schemas.JsonRpcError!;
    expect(accepts(error, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } })).toBe(true);
  });
});
