import type { HttpRequest } from '@azure/functions';
import { z } from 'zod';
import { readableBodyEncodingHeaders, unreadableBodyReason } from './body-encoding';
import { issueField } from '../domain/errors';
import { HttpError, type FieldError } from './problem';

export const maxBodyBytes = 64 * 1024;

type Location = 'body' | 'query' | 'params' | 'headers';

function fieldName(location: Location, inner: string): string {
  return !inner ? location : inner.startsWith('[') ? `${location}${inner}` : `${location}.${inner}`;
}

function fieldErrors(error: z.ZodError, location: Location): FieldError[] {
  return error.issues.map((issue) => ({ field: fieldName(location, issueField(issue)), message: issue.message }));
}

/** Parse with a zod schema; failures become a 400 (or `status`) naming every failing field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, location: Location, status = 400): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error, location);
  const detail = errors.map((error) => `${error.field}: ${error.message}`).join('; ');
  throw new HttpError(status, detail, { errors });
}

/** Validates the query string; `code` is the function key (the platform's, not the function's) and is left out. */
export function parseQuery<S extends z.ZodType>(schema: S, request: HttpRequest): z.output<S> {
  const { code: _functionKey, ...query } = Object.fromEntries(request.query.entries());
  return parse(schema, query, 'query');
}

export function parseParams<S extends z.ZodType>(schema: S, request: HttpRequest): z.output<S> {
  return parse(schema, request.params, 'params');
}

/** Reads a JSON body: at most 64 KiB, application/json (or +json), UTF-8, not compressed. */
export async function readJson(request: HttpRequest): Promise<unknown> {
  const unreadable = unreadableBodyReason(request.headers);
  if (unreadable) throw new HttpError(415, unreadable, { headers: readableBodyEncodingHeaders });
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBodyBytes) throw new HttpError(413, `The body is larger than ${maxBodyBytes} bytes`);
  const contentType = request.headers.get('content-type') ?? '';
  if (contentType && !/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
    throw new HttpError(415, 'The body must be application/json');
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBodyBytes) throw new HttpError(413, `The body is larger than ${maxBodyBytes} bytes`);
  if (bytes.byteLength === 0) throw new HttpError(400, 'The body is empty; a JSON object is required', { errors: [{ field: 'body', message: 'required' }] });
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new HttpError(400, 'The body is not valid JSON', { errors: [{ field: 'body', message: 'malformed JSON' }] });
  }
}
