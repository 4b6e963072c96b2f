import fc from 'fast-check';
import type { Schema } from './document';

/** What kind of value a field holds, which decides the values it is mutated to. */
export type Kind = 'id' | 'integer' | 'number' | 'date' | 'time' | 'enum' | 'boolean' | 'text' | 'code';

/** A mutation: the value sent instead (undefined: the field left out). */
export interface Mutation {
  label: string;
  value: unknown;
  /** A value no request may carry: the answer must be 400 or 422 naming the field. */
  refused?: true;
}

const remove: Mutation = { label: 'removed', value: undefined };

/** Odd text: right-to-left override, combining marks, emoji, NUL, lone surrogate, huge, blank. */
const oddText: Mutation[] = [
  { label: 'empty', value: '' },
  { label: 'blank', value: '   ' },
  { label: 'RTL override', value: '\u202Eabc\u202C' },
  { label: 'Hebrew', value: 'שלום עולם' },
  { label: 'combining marks', value: 'Zha\u0301\u0301\u0301\u0308ng' },
  { label: 'emoji', value: '🛫✈️👨‍👩‍👧' },
  { label: 'NUL', value: 'a\u0000b' },
  { label: 'zero-width', value: '\u200B\u200D\uFEFF' },
  { label: 'lone surrogate', value: 'x\uD800y' },
  { label: '5000 chars', value: 'x'.repeat(5000) },
  { label: 'fullwidth', value: 'ＰＥＫ１２３' },
  { label: 'SQL', value: "'; DROP TABLE bookings; --" },
];

const numbers: Mutation[] = [
  { label: 'zero', value: 0 },
  { label: 'negative', value: -1 },
  { label: 'fraction', value: 1.5 },
  { label: '2^31', value: 2 ** 31 },
  { label: '2^53+2', value: 2 ** 53 + 2 },
  { label: 'exponent overflow', value: '1e309' },
  { label: 'NaN', value: 'NaN' },
  { label: 'hex', value: '0x10' },
  { label: 'fullwidth digits', value: '１２' },
];

const dates: Mutation[] = [
  { label: 'month 13 day 45', value: '2026-13-45', refused: true },
  { label: 'February 30', value: '2026-02-30', refused: true },
  { label: 'February 29 of a common year', value: '2027-02-29', refused: true },
  { label: 'April 31', value: '2026-04-31', refused: true },
  { label: 'zero date', value: '0000-00-00', refused: true },
  { label: 'year 9999', value: '9999-12-31' },
  { label: 'unpadded', value: '2026-1-5' },
  { label: 'with time', value: '2026-12-01T08:00:00Z' },
  { label: 'long ago', value: '1999-01-01' },
];

const times: Mutation[] = [
  { label: '24:00', value: '24:00' },
  { label: '23:60', value: '23:60' },
  { label: 'unpadded', value: '7:05' },
  { label: 'with seconds 60', value: '12:00:60' },
];

/** Kind of a field, from its schema when the document gives one, else from its name and sample value. */
export function kindOf(name: string, schema: Schema | undefined, sample: unknown): Kind {
  const type = schema?.type ?? typeof sample;
  if (Array.isArray(schema?.enum)) return 'enum';
  if (type === 'boolean') return 'boolean';
  if (/(^|_)id$/.test(name) && (type === 'integer' || type === 'number')) return 'id';
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (schema?.format === 'date' || (typeof sample === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(sample))) return 'date';
  if (/time|depart_(after|before)/.test(name) || (typeof sample === 'string' && /^\d{2}:\d{2}/.test(sample))) return 'time';
  if (typeof schema?.pattern === 'string' || /(^id$|number|pnr|airport|^from$|^to$|code|seat)/.test(name)) return 'code';
  return 'text';
}

/** Values that look right but name nothing: the ids, codes and numbers a client plausibly sends. */
function realisticUnknowns(name: string, kind: Kind): Mutation[] {
  if (kind === 'id' || kind === 'integer') return [{ label: 'unknown id 424242', value: 424242 }];
  if (/flight_number/.test(name)) return [{ label: 'unknown flight ZZ9999', value: 'ZZ9999' }, { label: 'lowercase spaced', value: 'ca 1001' }];
  if (/pnr|reference/.test(name)) return [{ label: 'unknown reference', value: 'ZZZZZZ' }];
  if (/airport|^from$|^to$/.test(name)) return [{ label: 'unknown airport XYZ', value: 'XYZ' }, { label: 'city 火星', value: '火星' }];
  if (name === 'id') return [{ label: 'unknown 32-hex id', value: 'f'.repeat(32) }, { label: 'uppercase hex', value: 'A'.repeat(32) }];
  if (/seat/.test(name)) return [{ label: 'seat 99K', value: '99K' }, { label: 'seat 1Z', value: '1Z' }];
  return [];
}

function catalogue(name: string, kind: Kind, schema: Schema | undefined): Mutation[] {
  const wrongType: Mutation[] = [{ label: 'null', value: null }, { label: 'array', value: [] }, { label: 'object', value: {} }];
  switch (kind) {
    case 'id':
    case 'integer':
    case 'number': {
      const bounds = [schema?.minimum, schema?.maximum, schema?.exclusiveMinimum, schema?.exclusiveMaximum]
        .filter((bound): bound is number => typeof bound === 'number' && Math.abs(bound) < 2 ** 53)
        .flatMap((bound) => [{ label: `bound ${bound}`, value: bound }, { label: `bound ${bound} - 1`, value: bound - 1 }, { label: `bound ${bound} + 1`, value: bound + 1 }]);
      return [...realisticUnknowns(name, kind), ...numbers, ...bounds, ...oddText.slice(0, 3), ...wrongType];
    }
    case 'date':
      return [...dates, ...oddText, { label: 'number', value: 20261201 }, ...wrongType];
    case 'time':
      return [...times, ...oddText, { label: 'number', value: 800 }, ...wrongType];
    case 'enum':
      return [{ label: 'upper case', value: String((schema?.enum as unknown[] | undefined)?.[0] ?? 'x').toUpperCase() }, { label: 'not in enum', value: 'premium' }, ...oddText, ...wrongType];
    case 'boolean':
      return [{ label: 'string "true"', value: 'true' }, { label: 'number 1', value: 1 }, ...wrongType];
    default:
      return [...realisticUnknowns(name, kind), ...oddText, { label: 'number', value: 42 }, ...wrongType];
  }
}

/**
 * The mutations of one field: `count` of its kind's catalogue picked with the seed, plus one
 * random grapheme string; `removed` for an optional field is added by the caller.
 */
export function mutationsOf(name: string, kind: Kind, schema: Schema | undefined, seed: number, count: number, canRemove: boolean): Mutation[] {
  const all = catalogue(name, kind, schema);
  const [order, random] = [
    fc.sample(fc.shuffledSubarray(all, { minLength: Math.min(count, all.length), maxLength: Math.min(count, all.length) }), { seed, numRuns: 1 })[0]!,
    fc.sample(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), { seed: seed + 1, numRuns: 1 })[0]!,
  ];
  // Realistic unknown ids and impossible dates always run: they are the mutations most likely to reach past validation.
  const pinned = all.filter((m) => /unknown|month 13|February 30/.test(m.label));
  const picked = [...pinned, ...order.filter((m) => !pinned.includes(m)).slice(0, Math.max(0, count - pinned.length)), { label: `random ${JSON.stringify(random)}`, value: random }];
  return canRemove ? [...picked, remove] : picked;
}
