/**
 * Everyone travelling, from one sentence: 我跟我老公张伟一起，我叫李娜 / me and my kids Leo (6) and Mia (1).
 * Names follow a relation or list word; an age next to a name (8岁, (6), he is 12, 10 months) or a word
 * such as 宝宝 / baby decides the passenger type, and so the fare.
 */
import type { PassengerType } from '../../domain/bookings';
import { isHan } from './normalise';
import { latinNameAt, zhNameAt } from './names';
import { PhraseTable } from './phrases';
import type { Span } from './places';
import { childUnderYears, companionWords, infantUnderYears } from './travel-lexicon';

export interface Traveller {
  name: string;
  type: PassengerType;
}

const companions = new PhraseTable(companionWords.map(({ phrase, type }) => [phrase, { type }] as const));

const ageAfter = /^\s*(?:[(（]\s*)?(?:,\s*)?(?:(?:he|she) is|who is|aged?)?\s*(\d{1,2})\s*(?:(岁|years?|yrs?)|(个月|months?))?(?:\s*old)?\s*([)）])?/i;
const ageBefore = /(\d{1,2})\s*(?:-|\s)?(?:(岁|years?)|(个月|months?))(?:-old|\s*old|大的?|的)?\s*\S{0,12}$/i;

/** Age in months, when the text right around the name gives one. */
function ageMonths(text: string, span: Span): number | undefined {
  const after = ageAfter.exec(text.slice(span.end, span.end + 20));
  if (after && (after[2] || after[3] || after[4] || /is|age/i.test(after[0]))) return after[3] ? Number(after[1]) : Number(after[1]) * 12;
  const before = ageBefore.exec(text.slice(Math.max(0, span.start - 16), span.start));
  if (before && !/[,，、:：]/.test(before[0].slice(before[0].search(/\D/)))) return before[3] ? Number(before[1]) : Number(before[1]) * 12;
  return undefined;
}

function typeOf(months: number | undefined, hint: PassengerType | undefined): PassengerType {
  if (months === undefined) return hint ?? 'adult';
  if (months < infantUnderYears * 12) return 'infant';
  return months < childUnderYears * 12 ? 'child' : 'adult';
}

function skipSpaces(text: string, index: number): number {
  while (text[index] === ' ') index += 1;
  return index;
}

/** A one-word Latin name (Leo) takes the family name of the first full Latin name (Sarah Turner → Leo Turner). */
function withFamilyNames(travellers: Traveller[]): Traveller[] {
  const family = travellers.find((t) => !isHan(t.name[0]) && t.name.includes(' '))?.name.split(' ').pop();
  return travellers.map((t) => (family && !isHan(t.name[0]) && !t.name.includes(' ') ? { ...t, name: `${t.name} ${family}` } : t));
}

export function extractParty(text: string, places: readonly Span[]): Traveller[] {
  const lower = text.toLowerCase();
  const found = new Map<number, Traveller & Span>();
  for (const match of companions.scan(lower)) {
    const index = skipSpaces(text, match.end);
    if (found.has(index)) continue;
    const name = isHan(text[index]) ? zhNameAt(text, index, places) : /[A-Z]/.test(text[index] ?? '') ? latinNameAt(text, index, places) : undefined;
    if (!name) continue;
    found.set(index, { name: name.name, start: name.start, end: name.end, type: typeOf(ageMonths(text, name), match.value.type) });
  }
  const ordered = [...found.values()].sort((a, b) => a.start - b.start);
  return withFamilyNames(ordered.map(({ name, type }) => ({ name, type })));
}
