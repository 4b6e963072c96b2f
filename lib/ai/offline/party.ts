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

/** 儿子叫赵小宝, 女儿是李乐, 儿童：赵小宝: the name follows the relation through 叫 / 是 / a colon. */
const namedAs = /^(?:名字叫|名字是|名叫|叫|是|[:：]\s*)/;
/** A count right before a category word: 两个大人, 一个小孩, 2 adults. */
const counted = /(?:[\d一二两三四五六七八九十]\s*[个位名]?|\b(?:two|three|four|five|one|a))\s*$/;

const ageFirst = /^\d{1,2}\s*(?:岁|个月)大?的?|^(?:(?:my|her|his|our|their)\s+)?\d{1,2}[- ](?:years?|months?)[- ]old\s+/i;

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

/** Names found elsewhere (乘客…, for …), each typed by an age said next to it: for Sarah Carter and Max Carter age 3. */
export function typedByAge(text: string, names: readonly string[]): Traveller[] {
  return names.map((name) => {
    const start = text.indexOf(name);
    return { name, type: typeOf(start < 0 ? undefined : ageMonths(text, { start, end: start + name.length }), undefined) };
  });
}

/** The same person found twice: Tom and Tom Miller, 乐乐 and 李乐乐. */
const samePerson = (a: string, b: string) => (isHan(a[0]) ? a.includes(b) || b.includes(a) : a.split(' ').includes(b) || b.split(' ').includes(a) || a === b);

/** The names found by markers and the party found by relations and ages, as one list: the longer name, the party's type. */
export function mergeTravellers(named: Traveller[], party: Traveller[]): Traveller[] {
  const merged = named.map((person) => {
    const same = party.find((other) => samePerson(person.name, other.name));
    if (!same) return person;
    return { name: same.name.length > person.name.length ? same.name : person.name, type: same.type !== 'adult' ? same.type : person.type };
  });
  return [...merged, ...party.filter((other) => !named.some((person) => samePerson(person.name, other.name)))];
}

export function extractParty(text: string, places: readonly Span[]): Traveller[] {
  const lower = text.toLowerCase();
  const found = new Map<number, Traveller & Span>();
  // An age said of a relation before its name: 我和我儿子（8岁）…儿子叫赵小宝.
  const relationAges = new Map<string, number>();
  for (const match of companions.scan(lower)) {
    const relation = lower.slice(match.start, match.end);
    // 两个大人一个小孩：王强… counts the party; it does not head the names that follow.
    if (match.value.type && counted.test(lower.slice(Math.max(0, match.start - 4), match.start))) continue;
    // An age may come first: 还有3岁的张小明, and her 4-month-old Lily (ageMonths reads it back).
    const start = skipSpaces(text, match.end);
    const named = start + (namedAs.exec(text.slice(start))?.[0].length ?? 0);
    const index = named + (ageFirst.exec(text.slice(named))?.[0].length ?? 0);
    if (found.has(index)) continue;
    const name = isHan(text[index]) ? zhNameAt(text, index, places) : /[A-Z]/.test(text[index] ?? '') ? latinNameAt(text, index, places) : undefined;
    if (!name) {
      const age = ageMonths(text, { start: match.start, end: match.end });
      if (age !== undefined) relationAges.set(relation, age);
      continue;
    }
    found.set(index, { name: name.name, start: name.start, end: name.end, type: typeOf(ageMonths(text, name) ?? relationAges.get(relation), match.value.type) });
  }
  const ordered = [...found.values()].sort((a, b) => a.start - b.start);
  return withFamilyNames(ordered.map(({ name, type }) => ({ name, type })));
}
