import type { HttpMethod } from '@azure/functions';
import type { z } from 'zod';

export interface Response {
  description: string;
  /** The body's schema (as the handler returns it); JSON unless `contentType` says otherwise. */
  schema?: z.ZodType;
  /** For bodies that are not JSON: text/csv, text/html … */
  contentType?: string;
  /** Response headers worth knowing, with what they mean. */
  headers?: Record<string, string>;
}

/**
 * How one HTTP function is documented, as its route declares it. The path, methods and security
 * come from the route; 400 (when it takes input), 401 (when it needs a key), 413/415 (when it takes
 * a body) and a default problem+json response are added for every operation.
 */
export interface Operation {
  tag: string;
  summary: string;
  description?: string;
  /** Route parameters, by the names in the route template. */
  params?: z.ZodType;
  query?: z.ZodType;
  headers?: z.ZodType;
  /** JSON request body (POST, PUT, PATCH). */
  body?: z.ZodType;
  responses: Record<number, Response>;
  /** Other problem+json statuses this operation answers with: 404, 409, 412, 422 … */
  problems?: number[];
  /** For a function registered with several methods: what differs for one of them. */
  methods?: Partial<Record<HttpMethod, Partial<Omit<Operation, 'methods'>>>>;
}
