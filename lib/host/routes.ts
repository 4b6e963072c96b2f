/**
 * Azure Functions route templates: `flights/{id:int}`, `bookings/search/{name}`, `files/{*path}`,
 * `items/{name?}`. Literal segments match case-insensitively; parameter values are URL-decoded.
 */
type Segment =
  | { kind: 'literal'; text: string }
  | { kind: 'param'; name: string; constraint?: string; optional: boolean }
  | { kind: 'catchAll'; name: string };

const constraints: Record<string, RegExp> = {
  int: /^-?\d+$/,
  long: /^-?\d+$/,
  double: /^-?\d+(\.\d+)?$/,
  bool: /^(true|false)$/i,
  alpha: /^[a-z]+$/i,
  guid: /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i,
};

export interface RouteMatcher {
  template: string;
  /** Higher is more specific: literal segments outrank parameters. */
  specificity: number;
  match(path: string): Record<string, string> | undefined;
}

function parseSegment(segment: string): Segment {
  const param = /^\{(\*)?([A-Za-z_][\w]*)(?::([a-z]+)(?:\([^)]*\))?)?(\?)?\}$/.exec(segment);
  if (!param) return { kind: 'literal', text: segment.toLowerCase() };
  const [, star, name, constraint, optional] = param;
  if (star) return { kind: 'catchAll', name: name! };
  return { kind: 'param', name: name!, constraint, optional: Boolean(optional) };
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export function compileRoute(template: string): RouteMatcher {
  const segments = template.split('/').filter(Boolean).map(parseSegment);
  const specificity = segments.reduce((score, s) => score * 4 + (s.kind === 'literal' ? 3 : s.kind === 'param' ? (s.constraint ? 2 : 1) : 0), 0);
  return {
    template,
    specificity,
    match(path) {
      const parts = path.split('/').filter(Boolean);
      const params: Record<string, string> = {};
      for (let i = 0; i < segments.length; i++) {
        const segment = segments[i]!;
        if (segment.kind === 'catchAll') {
          const rest = decode(parts.slice(i).join('/'));
          if (rest === undefined) return undefined;
          params[segment.name] = rest;
          return params;
        }
        const part = parts[i];
        if (part === undefined) {
          if (segment.kind === 'param' && segment.optional) continue;
          return undefined;
        }
        if (segment.kind === 'literal') {
          if (part.toLowerCase() !== segment.text) return undefined;
          continue;
        }
        const value = decode(part);
        if (value === undefined) return undefined;
        const pattern = segment.constraint ? constraints[segment.constraint] : undefined;
        if (pattern && !pattern.test(value)) return undefined;
        params[segment.name] = value;
      }
      return parts.length <= segments.length ? params : undefined;
    },
  };
}
