import { STATUS_CODES } from 'node:http';
import type { z } from 'zod';
import type { HttpFunction } from '../app';
import { SchemaConverter, type JsonSchema } from './json-schema';
import type { Operation, Response } from './operation';
import { openApiPaths } from './paths';
import { Problem } from './schemas';

const keyed = [{ functionKeyHeader: [] }, { functionKeyQuery: [] }];
const securitySchemes = {
  functionKeyHeader: { type: 'apiKey', in: 'header', name: 'x-functions-key', description: 'Function key (staff)' },
  functionKeyQuery: { type: 'apiKey', in: 'query', name: 'code', description: 'Function key (staff), as a query parameter' },
};
const bodyMethods = new Set(['POST', 'PUT', 'PATCH']);
/** Problems that tell the client when to try again. */
const retryAfter: Record<number, string> = {
  429: 'Seconds until the limit named in the problem’s `limit` lets this request through',
  503: 'Seconds to wait before trying again',
};

function parameter(name: string, location: 'path' | 'query' | 'header', required: boolean, schema: JsonSchema) {
  return { name, in: location, required, ...(schema.description ? { description: schema.description } : {}), schema };
}

/** The API functions and their declared operations; a function registered without one is named. */
function documented(functions: readonly HttpFunction[]): { fn: HttpFunction; entry: Operation }[] {
  const undocumented = functions.filter((fn) => !fn.operation).map((fn) => fn.name);
  if (undocumented.length) throw new Error(`OpenAPI: registered without a route declaration (lib/http/route.ts): ${undocumented.join(', ')}`);
  return functions.map((fn) => ({ fn, entry: fn.operation! }));
}

/**
 * Builds the OpenAPI 3.1 document from the route declarations of the registered API functions
 * (functions served outside the API base, such as the web app, are not part of it). Every API
 * function is registered by its declaration, so each is documented and nothing else is.
 */
export function openApiDocument(functions: readonly HttpFunction[]) {
  const api = documented(functions.filter((fn) => fn.api));
  const schemas = new SchemaConverter();
  const problem = { 'application/problem+json': { schema: schemas.convert(Problem, 'output') } };

  function fields(schema: z.ZodType, where: string): [string, JsonSchema, boolean][] {
    const json = schemas.convert(schema, 'input');
    const properties = json.properties as Record<string, JsonSchema> | undefined;
    if (json.type !== 'object' || !properties) throw new Error(`OpenAPI: ${where} must be a zod object`);
    const required = (json.required as string[] | undefined) ?? [];
    return Object.entries(properties).map(([name, property]) => [name, property, required.includes(name)]);
  }

  function parameters(fn: HttpFunction, entry: Operation, pathParams: { name: string; schema: JsonSchema }[]) {
    const declared = new Map(entry.params ? fields(entry.params, `${fn.name} params`).map(([name, schema]) => [name, schema]) : []);
    const routeNames = new Set(openApiPaths(fn.route)[0]!.parameters.map((p) => p.name));
    const stray = [...declared.keys()].filter((name) => !routeNames.has(name));
    if (stray.length) throw new Error(`OpenAPI: ${fn.name} params ${stray.join(', ')} are not in route ${fn.route}`);
    const inPath = pathParams.map(({ name, schema }) => parameter(name, 'path', true, declared.get(name) ?? schema));
    const other = (['query', 'headers'] as const).flatMap((location) => {
      const schema = entry[location];
      if (!schema) return [];
      return fields(schema, `${fn.name} ${location}`).map(([name, property, required]) => parameter(name, location === 'query' ? 'query' : 'header', required, property));
    });
    return [...inPath, ...other];
  }

  function response({ description, schema, contentType, headers }: Response) {
    const media = schema ? schemas.convert(schema, 'output') : { type: 'string' };
    return {
      description,
      ...(headers ? { headers: Object.fromEntries(Object.entries(headers).map(([name, text]) => [name, { description: text, schema: { type: 'string' } }])) } : {}),
      ...(schema || contentType ? { content: { [contentType ?? 'application/json']: { schema: media } } } : {}),
    };
  }

  function operation(fn: HttpFunction, entry: Operation, method: string, operationId: string, pathParams: { name: string; schema: JsonSchema }[]) {
    const hasBody = Boolean(entry.body) && bodyMethods.has(method);
    const needsKey = fn.authLevel !== 'anonymous';
    const takesInput = Boolean(entry.params || entry.query || entry.headers || hasBody || pathParams.length);
    const problemStatuses = [...new Set([...(takesInput ? [400] : []), ...(needsKey ? [401] : []), ...(hasBody ? [413, 415] : []), ...(entry.problems ?? [])])].sort((a, b) => a - b);
    return {
      operationId,
      'x-azure-function': fn.name,
      tags: [entry.tag],
      summary: entry.summary,
      ...(entry.description ? { description: entry.description } : {}),
      parameters: parameters(fn, entry, pathParams),
      ...(hasBody ? { requestBody: { required: true, content: { 'application/json': { schema: schemas.convert(entry.body!, 'input') } } } } : {}),
      responses: {
        ...Object.fromEntries(
          problemStatuses.map((status) => [
            String(status),
            {
              description: STATUS_CODES[status] ?? 'Error',
              ...(retryAfter[status] && { headers: { 'retry-after': { description: retryAfter[status], schema: { type: 'integer', minimum: 1 } } } }),
              content: problem,
            },
          ]),
        ),
        ...Object.fromEntries(Object.entries(entry.responses).map(([status, r]) => [status, response(r)])),
        default: { description: 'Unexpected error', content: problem },
      },
      ...(needsKey ? { security: keyed } : {}),
    };
  }

  const paths: Record<string, Record<string, unknown>> = {};
  for (const { fn, entry } of api) {
    const [full, ...shorter] = openApiPaths(fn.route);
    for (const variant of [full!, ...shorter]) {
      const dropped = full!.parameters.filter((p) => !variant.parameters.some((v) => v.name === p.name)).map((p) => p.name);
      for (const method of fn.methods) {
        const operationId = [fn.name, ...(fn.methods.length > 1 ? [method.toLowerCase()] : []), ...(dropped.length ? ['without', ...dropped] : [])].join('-');
        const item = (paths[variant.path] ??= {});
        const verb = method.toLowerCase();
        if (item[verb]) throw new Error(`OpenAPI: ${method} ${variant.path} is registered twice (${fn.name})`);
        item[verb] = operation(fn, { ...entry, ...entry.methods?.[method] }, method, operationId, variant.parameters);
      }
    }
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Smart Flight Booking API (智能机票预订)',
      version: '1.0.0',
      description: 'Flights, bookings and the booking assistant. Errors are RFC 9457 problem+json naming the failing field. Staff operations need a function key.',
    },
    tags: [...new Set(api.map(({ entry }) => entry.tag))].map((name) => ({ name })),
    paths,
    components: { schemas: schemas.components, securitySchemes },
  };
}
