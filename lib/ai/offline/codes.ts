import { airlineCodes, referenceCues } from './lexicon';
import type { Normalised } from './normalise';
import { PhraseTable } from './phrases';
import { within, type Span } from './places';
import { calendarWords, tableWords } from './words';

const airlines = new Set(airlineCodes);
const cues = new PhraseTable(referenceCues.map((cue) => [cue, true] as const));
const pnrAlphabet = /^[A-HJ-NP-Z2-9]{6}$/i;

function isCued(lower: string, index: number): boolean {
  return cues.endingAt(lower.slice(0, index).replace(/[\s:#：]+$/, '')) !== undefined;
}

export function looksLikeFlight(token: string): boolean {
  return airlines.has(token.slice(0, 2).toUpperCase()) && /^\d{3,4}$/.test(token.slice(2));
}

/**
 * Booking reference: six of A-Z/2-9 without I, O, 0, 1. Mixed letters and digits anywhere (abc234);
 * all letters only in capitals after a cue (booking QWERTY), so "please" is not a reference.
 * An airline code and digits (MU5234) is a flight unless a cue says otherwise.
 */
export function extractReference({ text, lower }: Normalised): string | undefined {
  for (const match of text.matchAll(/(?<![A-Za-z0-9])[A-Za-z0-9]{6}(?![A-Za-z0-9])/g)) {
    const token = match[0];
    if (!pnrAlphabet.test(token)) continue;
    const cued = isCued(lower, match.index);
    const mixed = /\d/.test(token) && /[a-z]/i.test(token);
    const capitals = /^[A-Z]+$/.test(token);
    if ((mixed && (cued || !looksLikeFlight(token))) || (capitals && cued)) return token.toUpperCase();
  }
  return undefined;
}

/**
 * A token in capitals of the reference alphabet that is no known word and no place (KQZXWB, MU2K34, not CANCEL):
 * a booking reference when the message is about a booking, which the caller decides.
 */
export function capitalsReference(text: string, places: readonly Span[] = []): string | undefined {
  for (const match of text.matchAll(/(?<![A-Za-z0-9])[A-HJ-NP-Z2-9]{6}(?![A-Za-z0-9])/g)) {
    const lower = match[0].toLowerCase();
    if (!tableWords.has(lower) && !calendarWords.has(lower) && !within(match.index, places)) return match[0];
  }
  return undefined;
}

/** CA1501, mu 5101, 3U8888 → upper case without the space; the airline code must be a known one. A token already read as the booking reference is skipped. */
export function extractFlightNumber({ text }: Normalised, reference: string | undefined): string | undefined {
  for (const match of text.matchAll(/(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]|\d[A-Za-z])( ?)(\d{1,4})(?![A-Za-z0-9])/g)) {
    const [, code, space, digits] = match as unknown as [string, string, string, string];
    if (!airlines.has(code.toUpperCase())) continue;
    if (space && digits.length < 3) continue; // "at 9", "no 2"
    const flight = `${code}${digits}`.toUpperCase();
    if (flight === reference) continue;
    return flight;
  }
  return undefined;
}

/** 12A, 3 排 C 座 → '12A' / '3C'. */
export function extractSeat({ text }: Normalised): string | undefined {
  const match = /(?<![A-Za-z0-9])(\d{1,2})(?:排)?([A-Ka-k])(?:座)?(?![A-Za-z0-9])/.exec(text);
  if (!match || Number(match[1]) < 1) return undefined;
  return `${Number(match[1])}${match[2]!.toUpperCase()}`;
}
