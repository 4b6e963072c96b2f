/** OpenAPI paths for an Azure Functions route template. */

export interface PathParameter {
  name: string;
  schema: Record<string, unknown>;
}

export interface OpenApiPath {
  path: string;
  parameters: PathParameter[];
}

const constraintSchemas: Record<string, Record<string, unknown>> = {
  int: { type: 'integer', format: 'int32' },
  long: { type: 'integer', format: 'int64' },
  double: { type: 'number' },
  bool: { type: 'boolean' },
  alpha: { type: 'string', pattern: '^[A-Za-z]+$' },
  guid: { type: 'string', format: 'uuid' },
};

/**
 * `flights/{id:int}` → `/flights/{id}` with an integer `id`; `files/{*path}` → `/files/{path}`;
 * each optional parameter (`items/{name?}`) adds the path without it, so one template can give
 * several paths: the longest first.
 */
export function openApiPaths(template: string): OpenApiPath[] {
  let current: OpenApiPath = { path: '', parameters: [] };
  const withoutOptional: OpenApiPath[] = [];
  for (const segment of template.split('/').filter(Boolean)) {
    const param = /^\{\*?([A-Za-z_]\w*)(?::([a-z]+)(?:\([^)]*\))?)?(\?)?\}$/.exec(segment);
    if (!param) {
      current = { ...current, path: `${current.path}/${segment}` };
      continue;
    }
    const [, name, constraint, optional] = param;
    if (optional) withoutOptional.unshift({ path: current.path || '/', parameters: current.parameters });
    const schema = (constraint && constraintSchemas[constraint]) || { type: 'string' };
    current = { path: `${current.path}/{${name}}`, parameters: [...current.parameters, { name: name!, schema }] };
  }
  return [{ ...current, path: current.path || '/' }, ...withoutOptional];
}
