import { airportByCode, allAirports, resolvePlace } from '../../domain/airports';
import { placeMarkers } from './lexicon';
import { placeNicknames, unservedPlaces } from './travel-lexicon';
import { calendarWords, tableWords } from './words';
import type { Normalised } from './normalise';
import { PhraseTable, type Match } from './phrases';

export interface Route {
  origin?: string[];
  destination?: string[];
}

type Role = 'origin' | 'destination';

export interface Span {
  start: number;
  end: number;
}

export function within(index: number, spans: readonly Span[]): boolean {
  return spans.some((span) => span.start <= index && index < span.end);
}

interface Mention extends Span {
  codes: string[];
  role?: Role;
}

function codesFor(name: string, fallback: string): string[] {
  const codes = resolvePlace(name).map((airport) => airport.code);
  return codes.length ? codes : [fallback];
}

/** Every city, airport name and alias in both languages → the airports it means. Codes are matched separately. */
const names = new PhraseTable<string[]>(
  allAirports.flatMap((airport) => {
    const spellings = [airport.city_zh, airport.city_en, airport.name_zh, airport.name_en, ...airport.aliases];
    const withSuffixes = spellings.flatMap((name) => (/\p{Script=Han}$/u.test(name) ? [name, `${name}市`, `${name}机场`] : [name]));
    return withSuffixes.map((name): [string, string[]] => [name, codesFor(name, airport.code)]);
  }),
);

const cityCodes = (city: string) => allAirports.filter((airport) => airport.city_en === city).map((airport) => airport.code);
const nicknames = new PhraseTable(placeNicknames.map(([nickname, city]): [string, string[]] => [nickname, cityCodes(city)]));
/** Places outside the network; their names are not misspellings of a served city. */
const unserved = new PhraseTable(unservedPlaces.flatMap(({ names, near }) => names.map((name) => [name, near] as const)));

let spellings: [key: string, codes: string[]][] | undefined;

/**
 * Every city's spellings for fuzzy matching: English name and toneless pinyin of the Chinese one, letters
 * only. Built (and pinyin-pro loaded) when first needed, not at start (cold start).
 */
function cityKeys(): [key: string, codes: string[]][] {
  if (spellings) return spellings;
  const { pinyin } = require('pinyin-pro') as typeof import('pinyin-pro');
  spellings = [...new Set(allAirports.map((airport) => airport.city_en))].flatMap((city) => {
    const airport = allAirports.find((a) => a.city_en === city)!;
    const keys = new Set([city, pinyin(airport.city_zh, { toneType: 'none', type: 'array' }).join('')].map((key) => key.toLowerCase().replace(/[^a-z]/g, '')));
    return [...keys].map((key): [string, string[]] => [key, cityCodes(city)]);
  });
  return spellings;
}

/** Damerau–Levenshtein distance, stopping early past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** A Latin word that is no known word but close to a city: Guangzho, shenzen, chongqin, xian. */
function fuzzyCity(word: string): string[] | undefined {
  if (word.length < 4 || tableWords.has(word) || calendarWords.has(word)) return undefined;
  const limit = word.length >= 7 ? 2 : 1;
  let best: { codes: string[]; d: number } | undefined;
  for (const [key, codes] of cityKeys()) {
    const d = distance(word, key, limit);
    if (d <= limit && (!best || d < best.d)) best = { codes, d };
  }
  return best?.codes;
}

/** A misspelt city is only guessed where a place is expected (from X, to X, X to …), never in a name (Rose is no Rome). */
function routeContext(lower: string, start: number, end: number): boolean {
  return /(?:^|\b(?:from|to|fly|flights?|via)\s+|[从到去飞]\s*)$/.test(lower.slice(0, start)) || /^\s*(?:to\b|-|→|到|飞|去)/.test(lower.slice(end));
}

/** A place the network does not serve, and the served cities nearest to it. */
export function unservedPlace(lower: string): { name: string; near: string[] } | undefined {
  const match = unserved.first(lower);
  return match && { name: lower.slice(match.start, match.end), near: match.value };
}

const originBefore = new PhraseTable(placeMarkers.originBefore.map((marker) => [marker, true] as const));
const originAfter = new PhraseTable(placeMarkers.originAfter.map((marker) => [marker, true] as const));
const destinationBefore = new PhraseTable(placeMarkers.destinationBefore.map((marker) => [marker, true] as const));

function mentions({ text, lower }: Normalised): Mention[] {
  const found: Mention[] = [...names.scan(lower), ...nicknames.scan(lower)].map((match: Match<string[]>) => ({ start: match.start, end: match.end, codes: match.value }));
  const inside = (index: number) => found.some((mention) => mention.start <= index && index < mention.end);
  for (const word of lower.matchAll(/[a-z][a-z']{3,}/g)) {
    if (inside(word.index) || unserved.matchAt(lower, word.index) || !routeContext(lower, word.index, word.index + word[0].length)) continue;
    const codes = fuzzyCity(word[0].replace(/'/g, ''));
    if (codes) found.push({ start: word.index, end: word.index + word[0].length, codes });
  }
  // Upper-case only: "can" and "for" are words, CAN and FOR may be airports.
  for (const match of text.matchAll(/(?<![A-Za-z0-9])[A-Z]{3}(?![A-Za-z0-9])/g)) {
    const airport = airportByCode(match[0]);
    if (airport && !found.some((mention) => mention.start <= match.index && match.index < mention.end)) {
      found.push({ start: match.index, end: match.index + 3, codes: [airport.code] });
    }
  }
  return mergeAdjacent(found.sort((a, b) => a.start - b.start), lower);
}

/** 北京首都机场 is one place, not 北京 then 首都机场: keep the narrower of two touching mentions. */
function mergeAdjacent(found: Mention[], lower: string): Mention[] {
  const merged: Mention[] = [];
  for (const mention of found) {
    const previous = merged[merged.length - 1];
    const touching = previous && lower.slice(previous.end, mention.start).trim() === '';
    if (previous && touching && (isSubset(mention.codes, previous.codes) || isSubset(previous.codes, mention.codes))) {
      const narrower = mention.codes.length <= previous.codes.length ? mention.codes : previous.codes;
      merged[merged.length - 1] = { start: previous.start, end: mention.end, codes: narrower };
    } else {
      merged.push(mention);
    }
  }
  return merged;
}

function isSubset(small: string[], large: string[]): boolean {
  return small.every((code) => large.includes(code));
}

function roleFromMarkers(mention: Mention, lower: string): Role | undefined {
  const before = lower.slice(0, mention.start).trimEnd();
  const after = lower.slice(mention.end).trimStart();
  if (originBefore.endingAt(before)) return 'origin';
  if (originAfter.matchAt(after, 0)) return 'origin';
  if (destinationBefore.endingAt(before)) return 'destination';
  return undefined;
}

/**
 * Places in the message; the spans let other extractors skip them (for Shanghai is no passenger).
 * Origin and destination come from markers (从/from, 到/去/飞/to/→, …出发); unmarked places fill the free roles
 * in reading order (北京上海 → PEK/PKX to SHA/PVG). A single unmarked place is taken as the destination.
 */
export function extractPlaces(normalised: Normalised): { route: Route; spans: Span[] } {
  const found = mentions(normalised);
  return { route: assignRoles(found, normalised.lower), spans: found };
}

function assignRoles(found: Mention[], lower: string): Route {
  for (const mention of found) mention.role = roleFromMarkers(mention, lower);
  const route: Route = {};
  for (const mention of found) if (mention.role && !route[mention.role]) route[mention.role] = mention.codes;
  const unmarked = found.filter((mention) => !mention.role);
  if (unmarked.length === 1 && !route.destination && !route.origin) {
    route.destination = unmarked[0]!.codes;
    return route;
  }
  for (const mention of unmarked) {
    if (!route.origin) route.origin = mention.codes;
    else if (!route.destination) route.destination = mention.codes;
  }
  return route;
}
