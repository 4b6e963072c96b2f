import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useHost } from '../support/host';
import { baselines, freshResources, sampleData, type Fresh, type RequestParts, type SampleData } from './fuzz/baselines';
import { clone, mutatedCases } from './fuzz/cases';
import { operationsOf, schemaChecker, type Operation } from './fuzz/document';
import { httpRequest, send, type Answer } from './fuzz/send';

/**
 * A fuzz that reaches business code: for every operation of the served OpenAPI document, a valid
 * request built from the app's own data (real flight ids and numbers, a booking and conversations
 * made in setup), then the same request with one field at a time mutated (unknown-but-realistic
 * ids, impossible calendar dates, boundary numbers, odd Unicode, wrong types, the field left out).
 * No answer is a 5xx; every 4xx is problem+json (400 and 422 name the failing fields); every
 * valid request is answered 2xx. FUZZ_SEED replays a run; the seed and each route's reach are printed.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_130);
/** Catalogue entries tried per field (FUZZ_MUTATIONS_PER_FIELD for a deeper run). */
const mutationsPerField = Number(process.env.FUZZ_MUTATIONS_PER_FIELD ?? 8);
const host = useHost({ env: { BOOKING_HOLDS_PER_CLIENT: '0' } });

let operations: Operation[] = [];
let check: ReturnType<typeof schemaChecker>;
let data: SampleData;
let fresh: Fresh;

beforeAll(async () => {
  const document = await (await host.fetch('/openapi.json')).json();
  operations = operationsOf(document);
  check = schemaChecker(document);
  data = await sampleData(host);
  fresh = freshResources(host, data);
}, 60_000);

/** Why this answer breaks the rules, or undefined. */
function fault(op: Operation, answer: Answer): string | undefined {
  if (answer.status >= 500) return `${answer.status}: ${answer.text.slice(0, 300)}`;
  if (answer.status < 400) return undefined;
  const body = answer.body as { status?: unknown; title?: unknown; errors?: { field?: unknown }[]; jsonrpc?: unknown; error?: { code?: unknown } } | undefined;
  // MCP's Streamable HTTP transport answers its protocol errors as JSON-RPC error objects, as the MCP specification requires.
  if (op.path.startsWith('/mcp/') && body?.jsonrpc === '2.0' && typeof body.error?.code === 'number') return undefined;
  if (!answer.contentType.startsWith('application/problem+json')) return `${answer.status} as ${answer.contentType || 'no content type'}, not problem+json`;
  if (body?.status !== answer.status || typeof body.title !== 'string') return `${answer.status}: not a problem document: ${answer.text.slice(0, 200)}`;
  if ((answer.status === 400 || answer.status === 422) && !body.errors?.length) return `${answer.status} names no field: ${answer.text.slice(0, 200)}`;
  const unnamed = body.errors?.find((error) => typeof error.field !== 'string' || !/^(body|query|params|headers)\b/.test(error.field));
  if (unnamed) return `${answer.status} names a field outside the request: ${JSON.stringify(unnamed)}`;
  return undefined;
}

const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);

/**
 * A validation answer (400, 422) to a request with one field mutated names that field, a part of it
 * or what contains it; a handler's 404 names the field that found nothing.
 */
function namesAnotherField(op: Operation, answer: Answer, mutated: string): string | undefined {
  if (op.path.startsWith('/mcp/')) return undefined;
  const problem = answer.body as { type?: string; errors?: { field: string }[] } | undefined;
  const named = problem?.errors?.map((error) => error.field) ?? [];
  if ((answer.status === 400 || answer.status === 422) && !named.some((field) => within(field, mutated) || within(mutated, field))) {
    return `${answer.status} names ${JSON.stringify(named)}, not ${mutated}: ${answer.text.slice(0, 200)}`;
  }
  if (answer.status === 404 && problem?.type === 'urn:flightbooking:not-found' && !named.length) return `404 names no field: ${answer.text.slice(0, 200)}`;
  return undefined;
}

/** Refused as a client error: 400 or 422; over MCP, a tool result with isError or a JSON-RPC error (MCP answers those with 200). */
function refused(op: Operation, answer: Answer): boolean {
  const rpc = answer.body as { result?: { isError?: boolean }; error?: unknown } | undefined;
  if (op.path.startsWith('/mcp/') && (rpc?.result?.isError === true || rpc?.error !== undefined)) return true;
  return answer.status === 400 || answer.status === 422;
}

/** The baseline's parts against the operation's documented schemas. */
function invalidAgainstDocument(op: Operation, parts: RequestParts): string[] {
  const problems = op.parameters.flatMap((parameter) => {
    const value = parts[parameter.location][parameter.name];
    if (value === undefined) return parameter.required ? [`${parameter.location}.${parameter.name} missing`] : [];
    const error = check(parameter.schema, value);
    return error ? [`${parameter.location}.${parameter.name}: ${error}`] : [];
  });
  const body = op.body ? check(op.body, parts.body) : undefined;
  return [...problems, ...(body ? [`body: ${body}`] : [])];
}

/** What each operation's successful answers add to the database (a refused request adds nothing). */
const writes: Record<string, { bookings?: number; flights?: number }> = {
  'bookings-create': { bookings: 1 },
  'flights-create': { flights: 1 },
  'flights-delete': { flights: -1 },
};

async function rowCounts(): Promise<{ bookings: number; flights: number }> {
  const stats = (await (await host.fetch('/stats')).json()) as { total_bookings: number; total_flights: number };
  return { bookings: stats.total_bookings, flights: stats.total_flights };
}

interface Reach {
  valid: number;
  mutated: number;
  unsendable: number;
  statuses: Map<number, number>;
}

function printReach(reach: Map<string, Reach>) {
  const lines = [...reach].map(([id, r]) => {
    const statuses = [...r.statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
    return `  ${id.padEnd(38)} valid ${String(r.valid).padStart(2)}  mutated ${String(r.mutated).padStart(3)}${r.unsendable ? ` (+${r.unsendable} unsendable)` : ''}  ${statuses}`;
  });
  const total = [...reach.values()].reduce((sum, r) => sum + r.valid + r.mutated, 0);
  console.log(`fuzz seed ${seed} (replay with FUZZ_SEED=${seed}); ${total} requests over ${reach.size} operations:\n${lines.join('\n')}`);
}

describe(`fuzz from the OpenAPI document (seed ${seed})`, () => {
  it('every operation has a valid baseline request built from the app’s own data', async () => {
    expect(operations.length).toBeGreaterThan(40);
    const missing = operations.filter((op) => !baselines[op.id]).map((op) => op.id);
    expect(missing, 'operations without a baseline in tests/http/fuzz/baselines.ts').toEqual([]);
    for (const op of operations) {
      expect(invalidAgainstDocument(op, await baselines[op.id]!(data, fresh)), `${op.id}: the baseline breaks the document`).toEqual([]);
    }
  });

  it('one field mutated at a time: never a 5xx, every 4xx problem+json naming the field and changing nothing, every valid request 2xx', async () => {
    const reach = new Map<string, Reach>();
    const faults: string[] = [];
    for (const op of operations) {
      const r: Reach = { valid: 0, mutated: 0, unsendable: 0, statuses: new Map() };
      reach.set(op.id, r);
      const before = { ...(await rowCounts()), made: { ...fresh.made } };
      let written = 0;
      const record = (label: string, answer: Answer) => {
        r.statuses.set(answer.status, (r.statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 200 && answer.status < 300 && !answer.replayed) written++;
        const wrong = fault(op, answer);
        if (wrong) faults.push(`${op.method} ${op.path} ${label}: ${wrong}`);
      };
      for (let i = 0; i < 2; i++) {
        const request = httpRequest(op, await baselines[op.id]!(data, fresh))!;
        const answer = await send(host, request);
        r.valid++;
        record(`valid ${request.url}`, answer);
        if (op.answers2xx && (answer.status < 200 || answer.status > 299)) faults.push(`${op.method} ${request.url} valid → ${answer.status}: ${answer.text.slice(0, 300)}`);
        const mcpError = (answer.body as { result?: { isError?: boolean } } | undefined)?.result?.isError;
        if (mcpError) faults.push(`${op.method} ${op.path} valid tool call → isError: ${answer.text.slice(0, 300)}`);
      }
      const cases = mutatedCases(op, await baselines[op.id]!(data, fresh), seed, mutationsPerField);
      for (const { field, mutation } of cases) {
        const parts = clone(await baselines[op.id]!(data, fresh));
        field.apply(parts, mutation.value === undefined ? undefined : structuredClone(mutation.value));
        const request = httpRequest(op, parts);
        if (!request) {
          r.unsendable++;
          continue;
        }
        r.mutated++;
        const answer = await send(host, request);
        const label = `${field.label} = ${mutation.label} (${request.url})`;
        record(label, answer);
        const unrelated = namesAnotherField(op, answer, field.label);
        if (unrelated) faults.push(`${op.method} ${op.path} ${label}: ${unrelated}`);
        if (mutation.refused && !refused(op, answer)) faults.push(`${op.method} ${op.path} ${label}: accepted with ${answer.status}: ${answer.text.slice(0, 200)}`);
      }
      // Refused requests changed nothing: the rows added are the setup's fresh ones and what the accepted requests wrote.
      const after = await rowCounts();
      const expected = {
        bookings: before.bookings + fresh.made.bookings - before.made.bookings + written * (writes[op.id]?.bookings ?? 0),
        flights: before.flights + fresh.made.flights - before.made.flights + written * (writes[op.id]?.flights ?? 0),
      };
      if (after.bookings !== expected.bookings || after.flights !== expected.flights) {
        faults.push(`${op.method} ${op.path}: ${JSON.stringify(after)} rows after the fuzz, expected ${JSON.stringify(expected)} (a refused request wrote, or an accepted one did not)`);
      }
    }
    printReach(reach);
    expect(faults).toEqual([]);
  }, 120_000);

  it('wrong content types, broken encodings and truncated JSON on every operation that takes a body', async () => {
    const writes = operations.filter((op) => op.body);
    expect(writes.length).toBeGreaterThan(10);
    const faults: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writes),
        fc.constantFrom('application/json', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', ''),
        fc.oneof(fc.string(), fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')), fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1))),
        async (op, contentType, raw) => {
          const { url, init } = httpRequest(op, { ...(await baselines[op.id]!(data, fresh)), body: undefined })!;
          const headers = { ...(init.headers as Record<string, string>), ...(contentType ? { 'content-type': contentType } : {}) };
          const answer = await send(host, { url, init: { ...init, headers, body: raw } });
          const wrong = fault(op, answer);
          if (wrong) faults.push(`${op.method} ${url} ${contentType} ${JSON.stringify(raw).slice(0, 80)}: ${wrong}`);
        },
      ),
      { numRuns: 150, seed },
    );
    expect(faults).toEqual([]);
  }, 120_000);
});
