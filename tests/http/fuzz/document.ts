import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export type Schema = Record<string, unknown>;
export type Location = 'params' | 'query' | 'headers';

export interface Parameter {
  name: string;
  location: Location;
  required: boolean;
  schema: Schema;
}

/** One operation of the served OpenAPI document, as a client generated from it sees it. */
export interface Operation {
  id: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
  staff: boolean;
  /** The operation documents a 2xx answer (the MCP GET/DELETE endpoints document only 405). */
  answers2xx: boolean;
}

interface Document {
  components: { schemas: Record<string, Schema> };
  paths: Record<string, Record<string, Record<string, unknown>>>;
}

const locations: Record<string, Location> = { path: 'params', query: 'query', header: 'headers' };

export function operationsOf(document: Document): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      id: op.operationId as string,
      method: method.toUpperCase(),
      path,
      parameters: ((op.parameters ?? []) as { name: string; in: string; required?: boolean; schema: Schema }[]).map((p) => ({
        name: p.name,
        location: locations[p.in]!,
        required: Boolean(p.required),
        schema: p.schema,
      })),
      body: (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content?.['application/json']?.schema,
      staff: Array.isArray(op.security) && op.security.length > 0,
      answers2xx: Object.keys(op.responses as object).some((status) => status.startsWith('2')),
    })),
  );
}

/** Checks values against the document's own schemas (its $refs resolve into its components). */
export function schemaChecker(document: Document) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, 'openapi');
  return (schema: Schema, value: unknown): string | undefined => {
    const validate = ajv.compile({ ...schema, components: document.components });
    return validate(value) ? undefined : ajv.errorsText(validate.errors);
  };
}
