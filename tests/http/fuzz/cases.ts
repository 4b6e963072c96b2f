import type { Operation, Parameter } from './document';
import { kindOf, mutationsOf, type Mutation } from './mutations';
import type { RequestParts } from './baselines';

/** Where one field sits in a request: a parameter, or a JSON path in the body (`body.segments[0].date`). */
export interface Field {
  name: string;
  label: string;
  apply(parts: RequestParts, value: unknown): void;
  canRemove: boolean;
  kind: ReturnType<typeof kindOf>;
  schema?: Record<string, unknown>;
}

function parameterField(parameter: Parameter, baseline: RequestParts): Field {
  const present = parameter.name in baseline[parameter.location];
  return {
    name: parameter.name,
    label: `${parameter.location}.${parameter.name}`,
    kind: kindOf(parameter.name, parameter.schema, baseline[parameter.location][parameter.name]),
    schema: parameter.schema,
    // A path parameter left out is another route; an absent one is "removed" already.
    canRemove: parameter.location !== 'params' && present,
    apply(parts, value) {
      if (value === undefined) delete parts[parameter.location][parameter.name];
      else parts[parameter.location][parameter.name] = value;
    },
  };
}

type Key = string | number;
const pathLabel = (path: Key[]) => path.reduce<string>((label, key) => (typeof key === 'number' ? `${label}[${key}]` : `${label}.${key}`), 'body');

function bodyFields(body: unknown, path: Key[] = []): Field[] {
  const here: Field = {
    name: String(path.findLast((key) => typeof key === 'string') ?? 'body'),
    label: pathLabel(path),
    kind: kindOf(String(path.findLast((key) => typeof key === 'string') ?? 'body'), undefined, body),
    canRemove: path.length > 0,
    apply(parts, value) {
      if (!path.length) return void (parts.body = value);
      const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], parts.body);
      const last = path.at(-1)!;
      if (value !== undefined) parent[last] = value;
      else if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    },
  };
  if (body === null || typeof body !== 'object') return [here];
  const children = Array.isArray(body) ? body.map((item, i) => bodyFields(item, [...path, i])) : Object.entries(body).map(([key, value]) => bodyFields(value, [...path, key]));
  // Containers are mutated as a whole too (null, [], {} …), leaves one by one.
  return [{ ...here, kind: 'text' }, ...children.flat()];
}

export interface Case {
  field: Field;
  mutation: Mutation;
}

/** Every field of an operation (its documented parameters and the baseline body's members), each mutated on its own. */
export function mutatedCases(op: Operation, baseline: RequestParts, seed: number, perField: number): Case[] {
  const fields = [
    ...op.parameters.map((parameter) => parameterField(parameter, baseline)),
    ...(baseline.body === undefined ? [] : bodyFields(baseline.body)),
  ];
  return fields.flatMap((field, i) => mutationsOf(field.name, field.kind, field.schema, seed + i * 7919, perField, field.canRemove).map((mutation) => ({ field, mutation })));
}

export function clone(parts: RequestParts): RequestParts {
  return structuredClone(parts);
}
