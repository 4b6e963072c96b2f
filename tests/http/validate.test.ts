/** Request validation: which field is named, which status is answered, and what a body must be to be read. */
import { HttpRequest } from '@azure/functions';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError } from '../../lib/http/problem';
import { maxBodyBytes, parse, parseParams, parseQuery, readJson } from '../../lib/http/validate';

const request = (init: { body?: string | Uint8Array; headers?: Record<string, string>; query?: Record<string, string>; params?: Record<string, string> } = {}) =>
  new HttpRequest({
    method: 'POST',
    url: 'http://localhost/api/x',
    headers: init.headers ?? {},
    query: init.query ?? {},
    params: init.params ?? {},
    // As bytes: a string body would get the Fetch API's default text/plain content type.
    ...(init.body === undefined ? {} : { body: { bytes: typeof init.body === 'string' ? new TextEncoder().encode(init.body) : init.body } }),
  });

/** The HttpError a call fails with (a test failure if it succeeds). */
async function refusal(call: () => unknown): Promise<HttpError> {
  let raised: unknown;
  try {
    await call();
  } catch (error) {
    raised = error;
  }
  expect(raised).toBeInstanceOf(HttpError);
  return raised as HttpError;
}

const Body = z.object({ passengers: z.array(z.object({ name: z.string().min(1) })), when: z.object({ date: z.string() }) }).strict();

describe('parse', () => {
  it('returns the parsed value when it is valid', () => {
    expect(parse(z.object({ n: z.coerce.number() }), { n: '4' }, 'query')).toEqual({ n: 4 });
  });

  it('names every failing field by its path in the request, array positions in brackets', async () => {
    const error = await refusal(() => parse(Body, { passengers: [{ name: 'A' }, { name: '' }], when: { date: 5 } }, 'body'));
    expect(error.status).toBe(400);
    expect(error.problem.errors?.map((e) => e.field)).toEqual(['body.passengers[1].name', 'body.when.date']);
    expect(error.message).toMatch(/^body\.passengers\[1\]\.name: .+; body\.when\.date: .+$/);
  });

  it('an unknown key is named itself, and the status can be chosen', async () => {
    const error = await refusal(() => parse(Body, { passengers: [], when: { date: 'x' }, colour: 'blue' }, 'body', 422));
    expect(error.status).toBe(422);
    expect(error.problem.errors).toEqual([{ field: 'body.colour', message: expect.any(String) }]);
  });

  it('reads the query without the platform function key, and the route parameters', async () => {
    const Query = z.object({ date: z.string() }).strict();
    expect(parseQuery(Query, request({ query: { date: '2026-12-01', code: 'secret' } }))).toEqual({ date: '2026-12-01' });
    expect((await refusal(() => parseQuery(Query, request({ query: { day: '1' } })))).problem.errors?.map((e) => e.field)).toEqual(['query.date', 'query.day']);
    expect(parseParams(z.object({ id: z.coerce.number() }), request({ params: { id: '7' } }))).toEqual({ id: 7 });
    expect((await refusal(() => parseParams(z.object({ id: z.coerce.number().int() }), request({ params: { id: 'x' } })))).problem.errors?.[0]?.field).toBe('params.id');
  });
});

describe('readJson', () => {
  it('reads UTF-8 JSON sent as application/json, +json, or without a content type', async () => {
    expect(await readJson(request({ body: '{"名":"张三"}', headers: { 'content-type': 'application/json; charset=utf-8' } }))).toEqual({ 名: '张三' });
    expect(await readJson(request({ body: '[1]', headers: { 'content-type': 'application/merge-patch+json' } }))).toEqual([1]);
    expect(await readJson(request({ body: '{}' }))).toEqual({});
  });

  it('refuses other media types and codings with 415, saying what to send', async () => {
    const text = await refusal(() => readJson(request({ body: '{}', headers: { 'content-type': 'text/plain' } })));
    expect({ status: text.status, detail: text.message }).toEqual({ status: 415, detail: 'The body must be application/json' });
    expect((await refusal(() => readJson(request({ body: '{}', headers: { 'content-type': 'application/jsonp' } })))).status).toBe(415);
    const gzip = await refusal(() => readJson(request({ body: '{}', headers: { 'content-encoding': 'gzip' } })));
    expect({ status: gzip.status, headers: gzip.headers }).toEqual({ status: 415, headers: { 'accept-encoding': 'identity' } });
  });

  it('refuses a body over 64 KiB with 413, whether declared or sent', async () => {
    expect(maxBodyBytes).toBe(65_536);
    expect((await refusal(() => readJson(request({ body: '{}', headers: { 'content-length': '65537' } })))).status).toBe(413);
    const big = `{"x":"${'a'.repeat(65_530)}"}`;
    expect(big.length).toBe(65_538);
    expect((await refusal(() => readJson(request({ body: big })))).status).toBe(413);
    const justFits = `{"x":"${'a'.repeat(65_528)}"}`;
    expect(justFits.length).toBe(65_536);
    expect(await readJson(request({ body: justFits, headers: { 'content-length': '65536' } }))).toEqual({ x: 'a'.repeat(65_528) });
  });

  it('an empty body, malformed JSON or bytes that are not UTF-8 are a 400 naming the body', async () => {
    const empty = await refusal(() => readJson(request({ body: '' })));
    expect({ status: empty.status, errors: empty.problem.errors }).toEqual({ status: 400, errors: [{ field: 'body', message: 'required' }] });
    const malformed = await refusal(() => readJson(request({ body: '{"a":' })));
    expect({ status: malformed.status, errors: malformed.problem.errors }).toEqual({ status: 400, errors: [{ field: 'body', message: 'malformed JSON' }] });
    const latin1 = await refusal(() => readJson(request({ body: new Uint8Array([0x22, 0xe9, 0x22]) })));
    expect(latin1.problem.errors).toEqual([{ field: 'body', message: 'malformed JSON' }]);
  });
});
