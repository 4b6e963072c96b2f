import { airportByCode, allAirports, resolvePlace } from '../../domain/airports';
import { placeMarkers } from './lexicon';
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

const originBefore = new PhraseTable(placeMarkers.originBefore.map((marker) => [marker, true] as const));
const originAfter = new PhraseTable(placeMarkers.originAfter.map((marker) => [marker, true] as const));
const destinationBefore = new PhraseTable(placeMarkers.destinationBefore.map((marker) => [marker, true] as const));

function mentions({ text, lower }: Normalised): Mention[] {
  const found: Mention[] = names.scan(lower).map((match: Match<string[]>) => ({ start: match.start, end: match.end, codes: match.value }));
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
