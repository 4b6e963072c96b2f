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
  /**
   * ASP.NET Core's inbound precedence, one digit per segment (literal 1, constrained parameter 2,
   * parameter 3, catch-all 5), compared as decimals: smaller wins, so `docs` beats `docs/{*asset}`
   * and `bookings/export` beats `bookings/{id:int}`.
   */
  precedence: string;
  match(path: string): Record<string, string> | undefined;
}

/** Orders matchers by precedence, most specific first. */
export function byPrecedence(a: { precedence: string }, b: { precedence: string }): number {
  const length = Math.max(a.precedence.length, b.precedence.length);
  return a.precedence.padEnd(length, '0').localeCompare(b.precedence.padEnd(length, '0'));
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
  const precedence = segments.map((s) => (s.kind === 'literal' ? '1' : s.kind === 'catchAll' ? '5' : s.constraint ? '2' : '3')).join('');
  return {
    template,
    precedence,
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
