import { pinyin } from 'pinyin-pro';
import * as lexicon from './lexicon';
import { isHan, type Normalised } from './normalise';
import { PhraseTable } from './phrases';
import type { Span } from './places';
import { compoundSurnames, singleSurnames } from './surnames';

export interface People {
  passengerNames?: string[];
  surname?: string;
  honorificOnly?: boolean;
}

function table(words: readonly string[]): PhraseTable<true> {
  return new PhraseTable(words.map((word) => [word, true] as const));
}

const surnames = new PhraseTable([...compoundSurnames, ...singleSurnames].map((surname) => [surname, surname] as const));
const zhStops = table(lexicon.zhNameStops);
const zhNotNames = table(lexicon.zhNotNames);
const zhMarkers = table(lexicon.zhNameMarkers);
const zhJoiners = table(lexicon.zhNameJoiners);
const zhLeadIns = table(lexicon.zhNameLeadIns);
const zhBookingNouns = table(lexicon.zhBookingNouns);
const zhHonorifics = table(lexicon.honorifics.zh);
const zhSurnameMarkers = table(lexicon.zhSurnameMarkers);
const enMarkers = table(lexicon.enNameMarkers);
const enJoiners = table(lexicon.enNameJoiners);
const enSurnameMarkers = table(lexicon.enSurnameMarkers);
const enHonorifics = table(lexicon.honorifics.en);

/** Lower-case Latin words are names only when they start with a pinyin surname: "for zhang san". */
const pinyinSurnames = new Set(
  [...compoundSurnames, ...singleSurnames].map((surname) => pinyin(surname, { toneType: 'none', surname: 'all', type: 'array' }).join('')),
);

const latinPhraseWords = [
  ...lexicon.intentPhrases.flatMap((group) => group.phrases),
  ...lexicon.replyClauses.flatMap((group) => group.phrases),
  ...[lexicon.relativeDays, lexicon.timeWindows, lexicon.cabins, lexicon.preferences, lexicon.stopLimits, lexicon.seatPreferences].flatMap((rows) =>
    rows.map(([phrase]) => phrase),
  ),
  ...Object.keys(lexicon.enNumbers),
  ...Object.keys(lexicon.enOrdinals),
  ...lexicon.partyUnits.en,
  ...lexicon.enNameMarkers,
  ...lexicon.referenceCues,
  ...lexicon.honorifics.en,
].flatMap((phrase) => phrase.toLowerCase().split(/[^a-z']+/));
const notNames = new Set([...lexicon.enNotNames, ...latinPhraseWords.filter((word) => word.length > 0)]);

interface Found {
  name: string;
  start: number;
  end: number;
}

function within(index: number, spans: readonly Span[]): boolean {
  return spans.some((span) => span.start <= index && index < span.end);
}

/** Surname + one or two given characters at `index`, stopping where a known word begins. */
function zhNameAt(text: string, index: number, places: readonly Span[]): (Found & { surname: string }) | undefined {
  if (within(index, places) || zhNotNames.matchAt(text, index)) return undefined;
  const surname = surnames.matchAt(text, index);
  if (!surname) return undefined;
  let end = surname.end;
  while (end - surname.end < 2 && isHan(text[end]) && !zhStops.matchAt(text, end) && !within(end, places)) end += 1;
  if (end === surname.end) return undefined;
  return { name: text.slice(index, end), start: index, end, surname: surname.value };
}

/** Title case, without a possessive: "wang's" → Wang. */
function titleCase(words: string[]): string {
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase().replace(/'s$/, '')).join(' ');
}

/** Up to three name words at `index`: all capitalised, or all lower case starting with a pinyin surname. */
function latinNameAt(text: string, index: number, places: readonly Span[]): Found | undefined {
  const words: string[] = [];
  const pattern = /[A-Za-z][A-Za-z'-]*/y;
  const capitalised = /^[A-Z]/.test(text[index] ?? '');
  let end = index;
  let cursor = index;
  while (words.length < 3) {
    pattern.lastIndex = cursor;
    const match = pattern.exec(text);
    if (!match || within(match.index, places)) break;
    const word = match[0];
    const lower = word.toLowerCase();
    const fits = capitalised ? /^[A-Z]/.test(word) : words.length > 0 || pinyinSurnames.has(lower);
    if (notNames.has(lower) || !fits) break;
    words.push(word);
    end = match.index + word.length;
    cursor = end;
    if (text[cursor] !== ' ') break;
    cursor += 1;
  }
  if (!words.length) return undefined;
  return { name: titleCase(words), start: index, end };
}

function skipSeparators(text: string, index: number): number {
  while (/[\s:]/.test(text[index] ?? '')) index += 1;
  return index;
}

/** A name after a marker, then any more joined by 和/and: 给张三和李四订, passengers John Smith and Mary Jones. */
function namesAfter(text: string, index: number, places: readonly Span[]): string[] {
  const names: string[] = [];
  let cursor = skipSeparators(text, index);
  for (;;) {
    const found = isHan(text[cursor]) ? zhNameAt(text, cursor, places) : latinNameAt(text, cursor, places);
    if (!found) break;
    names.push(found.name);
    let next = found.end;
    while (text[next] === ' ') next += 1;
    const joiner = zhJoiners.matchAt(text.toLowerCase(), next) ?? enJoiners.matchAt(text.toLowerCase(), next);
    if (!joiner) break;
    cursor = skipSeparators(text, joiner.end);
  }
  return names;
}

/** Names before 的预订 / 的订单: 查找张三的预订 → 张三 (lead-ins such as 查找 are not part of the name). */
function namesBeforeBookings(text: string, places: readonly Span[]): string[] {
  const names: string[] = [];
  for (let index = text.indexOf('的'); index > 0; index = text.indexOf('的', index + 1)) {
    if (!zhBookingNouns.matchAt(text, index + 1)) continue;
    let start = index;
    while (start > 0 && isHan(text[start - 1])) start -= 1;
    for (let lead = zhLeadIns.matchAt(text, start); lead && lead.end < index; lead = zhLeadIns.matchAt(text, start)) start = lead.end;
    const found = zhNameAt(text, start, places);
    if (found && found.end === index) names.push(found.name);
  }
  return names;
}

/** A place where a name may begin: start of text, after a non-Han character, a marker, a lead-in or a stop word. */
function nameMayStartAt(text: string, index: number): boolean {
  if (!isHan(text[index - 1])) return true;
  const before = text.slice(0, index);
  return [zhMarkers, zhLeadIns, zhStops].some((words) => words.endingAt(before) !== undefined);
}

/** 李先生, 欧阳女士 (surname only) or 王小明先生 (full name). */
function zhHonorific(text: string, places: readonly Span[]): People | undefined {
  for (const honorific of zhHonorifics.scan(text)) {
    for (let start = honorific.start - 1; start >= Math.max(0, honorific.start - 4); start -= 1) {
      const surname = surnames.matchAt(text, start);
      if (!surname || surname.end > honorific.start || !nameMayStartAt(text, start) || within(start, places)) continue;
      if (surname.end === honorific.start) return { surname: surname.value, honorificOnly: true };
      const found = zhNameAt(text, start, places);
      if (found?.end === honorific.start) return { passengerNames: [found.name], surname: found.surname };
    }
  }
  return undefined;
}

/** Mr Li (surname only), Mrs Mary Jones (full name). */
function enHonorific(text: string, places: readonly Span[]): People | undefined {
  const lower = text.toLowerCase();
  for (const honorific of enHonorifics.scan(lower)) {
    if (text[honorific.end] !== ' ') continue;
    const words = /^([A-Za-z][A-Za-z'-]*)(?: ([A-Z][A-Za-z'-]*))?/.exec(text.slice(honorific.end + 1));
    if (!words || notNames.has(words[1]!.toLowerCase()) || within(honorific.end + 1, places)) continue;
    const second = words[2] && !notNames.has(words[2].toLowerCase()) ? words[2] : undefined;
    if (!second) return { surname: titleCase([words[1]!]), honorificOnly: true };
    // Mr Zhang San puts the surname first, Mrs Mary Jones last.
    const surname = pinyinSurnames.has(words[1]!.toLowerCase()) ? words[1]! : second;
    return { passengerNames: [titleCase([words[1]!, second])], surname: titleCase([surname]) };
  }
  return undefined;
}

/** 姓李 / 姓欧阳, surname Li, last name is Li. */
function explicitSurname(text: string): string | undefined {
  const lower = text.toLowerCase();
  for (const marker of zhSurnameMarkers.scan(text)) {
    const surname = surnames.matchAt(text, marker.end);
    if (surname) return surname.value;
  }
  for (const marker of enSurnameMarkers.scan(lower)) {
    const word = /^[\s:]*([A-Za-z][A-Za-z'-]*)/.exec(text.slice(marker.end));
    if (word && !notNames.has(word[1]!.toLowerCase())) return titleCase([word[1]!]);
  }
  return undefined;
}

/** A reply that is nothing but names: 张三 / 张三、李四 / John Smith. */
function wholeMessageNames(text: string, places: readonly Span[]): string[] {
  const names = namesAfter(text, 0, places);
  const rest = text.replace(/[\s,，。.!！、和]|and/g, '');
  const joined = names.join('').replace(/\s/g, '');
  const latinNeedsTwoWords = names.every((name) => isHan(name[0]) || name.includes(' '));
  return names.length && rest.toLowerCase() === joined.toLowerCase() && latinNeedsTwoWords ? names : [];
}

/**
 * Passenger names and surnames. Chinese names follow 乘客/给/帮/为/替… or precede 的预订; Latin names follow
 * passenger/for/name is. A lone Latin word after a marker ("for Wang") is taken as a surname.
 */
export function extractPeople({ text }: Normalised, places: readonly Span[]): People {
  const people: People = {};
  const names: string[] = [];
  for (const marker of [...zhMarkers.scan(text), ...enMarkers.scan(text.toLowerCase())]) {
    names.push(...namesAfter(text, marker.end, places));
  }
  names.push(...namesBeforeBookings(text, places), ...wholeMessageNames(text, places));
  const honorific = zhHonorific(text, places) ?? enHonorific(text, places);
  if (honorific) Object.assign(people, honorific);
  const fullNames = [...new Set([...(honorific?.passengerNames ?? []), ...names.filter((name) => isHan(name[0]) || name.includes(' '))])];
  const loneWord = names.find((name) => !isHan(name[0]) && !name.includes(' '));
  if (fullNames.length) people.passengerNames = fullNames;
  const surname = explicitSurname(text) ?? people.surname ?? loneWord;
  if (surname) people.surname = surname;
  return people;
}
