import * as lexicon from './lexicon';
import { isHan, type Normalised } from './normalise';
import { PhraseTable } from './phrases';
import { within, type Span } from './places';
import { compoundSurnames, singleSurnames } from './surnames';
import { calendarWords, tableWords } from './words';

export interface People {
  passengerNames?: string[];
  surname?: string;
  honorificOnly?: boolean;
}

/** The people a message names and where it names them (so Sun in Sun Qi is not read as Sunday). */
export interface PeopleFound {
  people: People;
  spans: Span[];
}

function table(words: readonly string[]): PhraseTable<true> {
  return new PhraseTable(words.map((word) => [word, true] as const));
}

const surnames = new PhraseTable([...compoundSurnames, ...singleSurnames].map((surname) => [surname, surname] as const));
const zhStops = table(lexicon.zhNameStops);
const zhGivenStops = table(lexicon.zhGivenNameStops);
const zhCounts = table([...lexicon.partyUnits.zh, ...lexicon.zhOrdinalCounters]);
const zhNotNames = table(lexicon.zhNotNames);
const zhMarkers = table(lexicon.zhNameMarkers);
const zhJoiners = table(lexicon.zhNameJoiners);
const zhLeadIns = table(lexicon.zhNameLeadIns);
const zhBookingNouns = table(lexicon.zhBookingNouns);
const zhHonorifics = table(lexicon.honorifics.zh);
const zhSurnameMarkers = table(lexicon.zhSurnameMarkers);
const zhGivenMarkers = table(lexicon.zhGivenNameMarkers);
const enGivenMarkers = table(lexicon.enGivenNameMarkers);
const enMarkers = table(lexicon.enNameMarkers);
const enJoiners = table(lexicon.enNameJoiners);
const enSurnameMarkers = table(lexicon.enSurnameMarkers);
const enHonorifics = table(lexicon.honorifics.en);

let surnamesInPinyin: Set<string> | undefined;

/** Lower-case Latin words are names only when they start with a pinyin surname: "for zhang san". Built (and pinyin-pro loaded) on first use. */
function pinyinSurnames(): Set<string> {
  if (!surnamesInPinyin) {
    const { pinyin } = require('pinyin-pro') as typeof import('pinyin-pro');
    surnamesInPinyin = new Set(
      [...compoundSurnames, ...singleSurnames].map((surname) => pinyin(surname, { toneType: 'none', surname: 'all', type: 'array' }).join('')),
    );
  }
  return surnamesInPinyin;
}

/** Known words are never names; a day or month only starts one (Sun Qi, May Wang), never ends it. */
const notName = (word: string) => tableWords.has(word.toLowerCase()) || calendarWords.has(word.toLowerCase());

interface Found {
  name: string;
  start: number;
  end: number;
}

/** 钱一, 李飞: a stop word that is a given name, followed by a word boundary rather than a count (王一个人). */
function givenStopAt(text: string, index: number): boolean {
  if (!zhGivenStops.matchAt(text, index)) return false;
  const next = index + 1;
  if (!isHan(text[next])) return true;
  return zhStops.matchAt(text, next) !== undefined && !zhCounts.matchAt(text, next) && !zhGivenStops.matchAt(text, next);
}

/** Surname + one or two given characters at `index`, stopping where a known word begins. */
export function zhNameAt(text: string, index: number, places: readonly Span[]): (Found & { surname: string }) | undefined {
  if (within(index, places) || zhNotNames.matchAt(text, index)) return undefined;
  const surname = surnames.matchAt(text, index);
  if (!surname) return undefined;
  let end = surname.end;
  while (end - surname.end < 2 && isHan(text[end]) && !zhStops.matchAt(text, end) && !within(end, places)) end += 1;
  if (end === surname.end && givenStopAt(text, end)) end += 1;
  if (end === surname.end) return undefined;
  return { name: text.slice(index, end), start: index, end, surname: surname.value };
}

/** Title case, without a possessive: "wang's" → Wang. */
function titleCase(words: string[]): string {
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase().replace(/'s$/, '')).join(' ');
}

/**
 * Up to three name words at `index`: all capitalised, or all lower case starting with a pinyin surname.
 * A day or month counts only before another name word: "for Sun Qi" is a name, "for Sun" a day.
 */
export function latinNameAt(text: string, index: number, places: readonly Span[]): Found | undefined {
  const words: string[] = [];
  const ends: number[] = [];
  const pattern = /[A-Za-z][A-Za-z'-]*/y;
  const capitalised = /^[A-Z]/.test(text[index] ?? '');
  let cursor = index;
  while (words.length < 3) {
    pattern.lastIndex = cursor;
    const match = pattern.exec(text);
    if (!match || within(match.index, places)) break;
    const word = match[0];
    const lower = word.toLowerCase();
    const fits = capitalised ? /^[A-Z]/.test(word) : words.length > 0 || pinyinSurnames().has(lower);
    // A known word ends the name, unless it is the capitalised surname right after a capitalised first name: Nora Price.
    const surnameAfterFirst = capitalised && words.length === 1 && !enJoiners.matchAt(lower, 0);
    const known = tableWords.has(lower) && !surnameAfterFirst;
    if (known || !fits) break;
    words.push(word);
    ends.push(match.index + word.length);
    cursor = match.index + word.length;
    if (text[cursor] !== ' ') break;
    cursor += 1;
  }
  const calendar = (i: number) => calendarWords.has(words[i]?.toLowerCase() ?? '');
  const length = words.findIndex((_, i) => calendar(i) && (i + 1 === words.length || calendar(i + 1)));
  const kept = length === -1 ? words : words.slice(0, length);
  if (!kept.length) return undefined;
  return { name: titleCase(kept), start: index, end: ends[kept.length - 1]! };
}

function skipSeparators(text: string, index: number): number {
  while (/[\s:]/.test(text[index] ?? '')) index += 1;
  return index;
}

/** A name after a marker, then any more joined by 和/and: 给张三和李四订, passengers John Smith and Mary Jones. */
function namesAfter(text: string, index: number, places: readonly Span[]): Found[] {
  const names: Found[] = [];
  let cursor = skipSeparators(text, index);
  for (;;) {
    const found = isHan(text[cursor]) ? zhNameAt(text, cursor, places) : latinNameAt(text, cursor, places);
    if (!found) break;
    names.push(found);
    let next = found.end;
    while (text[next] === ' ') next += 1;
    const joiner = zhJoiners.matchAt(text.toLowerCase(), next) ?? enJoiners.matchAt(text.toLowerCase(), next);
    if (!joiner) break;
    cursor = skipSeparators(text, joiner.end);
  }
  return names;
}

/** Names before 的预订 / 的订单: 查找张三的预订 → 张三 (lead-ins such as 查找 are not part of the name). */
function namesBeforeBookings(text: string, places: readonly Span[]): Found[] {
  const names: Found[] = [];
  for (let index = text.indexOf('的'); index > 0; index = text.indexOf('的', index + 1)) {
    if (!zhBookingNouns.matchAt(text, index + 1)) continue;
    let start = index;
    while (start > 0 && isHan(text[start - 1])) start -= 1;
    for (let lead = zhLeadIns.matchAt(text, start); lead && lead.end < index; lead = zhLeadIns.matchAt(text, start)) start = lead.end;
    const found = zhNameAt(text, start, places);
    if (found && found.end === index) names.push(found);
  }
  return names;
}

/** A place where a name may begin: start of text, after a non-Han character, a marker, a lead-in or a stop word. */
function nameMayStartAt(text: string, index: number): boolean {
  if (!isHan(text[index - 1])) return true;
  const before = text.slice(0, index);
  return [zhMarkers, zhLeadIns, zhStops].some((words) => words.endingAt(before) !== undefined);
}

type Honorific = People & { span: Span };

/** 李先生, 欧阳女士 (surname only) or 王小明先生 (full name). */
function zhHonorific(text: string, places: readonly Span[]): Honorific | undefined {
  for (const honorific of zhHonorifics.scan(text)) {
    for (let start = honorific.start - 1; start >= Math.max(0, honorific.start - 4); start -= 1) {
      const surname = surnames.matchAt(text, start);
      if (!surname || surname.end > honorific.start || !nameMayStartAt(text, start) || within(start, places)) continue;
      const span = { start, end: honorific.start };
      if (surname.end === honorific.start) return { surname: surname.value, honorificOnly: true, span };
      const found = zhNameAt(text, start, places);
      if (found?.end === honorific.start) return { passengerNames: [found.name], surname: found.surname, span };
    }
  }
  return undefined;
}

/** Mr Li (surname only), Mrs Mary Jones (full name), Mr Sun (any word after the title is a name). */
function enHonorific(text: string, places: readonly Span[]): Honorific | undefined {
  const lower = text.toLowerCase();
  for (const honorific of enHonorifics.scan(lower)) {
    if (text[honorific.end] !== ' ') continue;
    const words = /^([A-Za-z][A-Za-z'-]*)(?: ([A-Z][A-Za-z'-]*))?/.exec(text.slice(honorific.end + 1));
    if (!words || tableWords.has(words[1]!.toLowerCase()) || within(honorific.end + 1, places)) continue;
    const second = words[2] && !notName(words[2]) ? words[2] : undefined;
    const start = honorific.end + 1;
    if (!second) return { surname: titleCase([words[1]!]), honorificOnly: true, span: { start, end: start + words[1]!.length } };
    // Mr Zhang San puts the surname first, Mrs Mary Jones last.
    const surname = pinyinSurnames().has(words[1]!.toLowerCase()) ? words[1]! : second;
    return { passengerNames: [titleCase([words[1]!, second])], surname: titleCase([surname]), span: { start, end: start + words[0].length } };
  }
  return undefined;
}

/**
 * A Latin name word right after a marker (spaces and a colon skipped), unless it is a known word. After
 * "surname" a day or month is the surname it also is (Sun, May, June), not a date.
 */
function latinWordAfter(text: string, index: number, calendarIsName = false): Found | undefined {
  const word = /^[\s:]*([A-Za-z][A-Za-z'-]*)/.exec(text.slice(index));
  const lower = word?.[1]!.toLowerCase() ?? '';
  if (!word || tableWords.has(lower) || (calendarWords.has(lower) && !calendarIsName)) return undefined;
  const end = index + word[0].length;
  return { name: titleCase([word[1]!]), start: end - word[1]!.length, end };
}

/** 姓李 / 姓欧阳 / 姓 Turner, surname Li, last name is Li. */
function explicitSurname(text: string): Found | undefined {
  for (const marker of zhSurnameMarkers.scan(text)) {
    const surname = surnames.matchAt(text, marker.end);
    if (surname) return { name: surname.value, start: marker.end, end: surname.end };
    const latin = latinWordAfter(text, marker.end, true);
    if (latin) return latin;
  }
  for (const marker of enSurnameMarkers.scan(text.toLowerCase())) {
    const latin = latinWordAfter(text, marker.end, true);
    if (latin) return latin;
  }
  return undefined;
}

/** 名芳 / 名字叫 Tom / first name Tom: one or two Han characters, or one Latin word (名 inside 姓名 is no marker). */
function explicitGivenName(text: string, places: readonly Span[]): Found | undefined {
  for (const marker of [...zhGivenMarkers.scan(text), ...enGivenMarkers.scan(text.toLowerCase())]) {
    if (text[marker.start - 1] === '姓') continue;
    const start = skipSeparators(text, marker.end);
    let end = start;
    while (end - start < 2 && isHan(text[end]) && !zhStops.matchAt(text, end) && !within(end, places)) end += 1;
    if (end > start) return { name: text.slice(start, end), start, end };
    const latin = latinWordAfter(text, marker.end);
    if (latin) return latin;
  }
  return undefined;
}

/** A surname standing alone, between codes, spaces or punctuation (normalising drops spaces next to Han): 退票 ABC234 李, ABC234，欧阳. */
function standaloneSurname(text: string): Found | undefined {
  for (const token of text.matchAll(/(?<=^|[\s,，。.;；:：、A-Za-z0-9])\p{Script=Han}{1,2}(?=$|[\s,，。.!！?？;；:：、A-Za-z0-9])/gu)) {
    const surname = surnames.matchAt(text, token.index);
    // A message that is nothing but the word answers the last question (明 after 李先生 is the given name): not read here.
    const alone = token[0].length === text.trim().length;
    if (surname && !alone && surname.end === token.index + token[0].length) return { name: surname.value, start: token.index, end: surname.end };
  }
  return undefined;
}

/** The surname and the given name said apart, as one passenger's name: 王 + 芳 → 王芳, Miller + Tom → Tom Miller. */
function nameInHalves(surname: Found | undefined, given: Found | undefined): string | undefined {
  if (!surname || !given) return undefined;
  return isHan(surname.name[0]) && isHan(given.name[0]) ? `${surname.name}${given.name}` : `${given.name} ${surname.name}`;
}

/** A reply that is nothing but names: 张三 / 张三、李四 / John Smith. */
function wholeMessageNames(text: string, places: readonly Span[]): Found[] {
  const names = namesAfter(text, 0, places);
  const rest = text.replace(/[\s,，。.!！、和]|and/g, '');
  const joined = names.map((found) => found.name).join('').replace(/\s/g, '');
  const latinNeedsTwoWords = names.every(({ name }) => isHan(name[0]) || name.includes(' '));
  return names.length && rest.toLowerCase() === joined.toLowerCase() && latinNeedsTwoWords ? names : [];
}

/**
 * Passenger names and surnames. Chinese names follow 乘客/给/帮/为/替… or precede 的预订; Latin names follow
 * passenger/for/name is. A lone Latin word after a marker ("for Wang") is taken as a surname.
 */
export function extractPeople({ text }: Normalised, places: readonly Span[]): PeopleFound {
  const found: Found[] = [];
  for (const marker of [...zhMarkers.scan(text), ...enMarkers.scan(text.toLowerCase())]) {
    found.push(...namesAfter(text, marker.end, places));
  }
  found.push(...namesBeforeBookings(text, places), ...wholeMessageNames(text, places));
  const names = found.map((name) => name.name);
  const { span, ...honorific }: Partial<Honorific> = zhHonorific(text, places) ?? enHonorific(text, places) ?? {};
  const people: People = { ...honorific };
  const fullNames = [...new Set([...(honorific.passengerNames ?? []), ...names.filter((name) => isHan(name[0]) || name.includes(' '))])];
  const loneWord = names.find((name) => !isHan(name[0]) && !name.includes(' '));
  const explicit = explicitSurname(text) ?? (found.length || honorific.surname ? undefined : standaloneSurname(text));
  const given = explicit && explicitGivenName(text, places);
  const halves = nameInHalves(explicit, given);
  if (halves) fullNames.unshift(halves);
  if (fullNames.length) people.passengerNames = [...new Set(fullNames)];
  const surname = explicit?.name ?? people.surname ?? loneWord;
  if (surname) people.surname = surname;
  const spans = [...found, ...(span ? [span] : []), ...(explicit ? [explicit] : []), ...(halves ? [given!] : [])];
  return { people, spans };
}
