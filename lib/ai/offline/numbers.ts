import { enNumbers, enOptionNouns, enOptionPrefixes, enOrdinals, partyPhrases, partyUnits, zhDigits, zhOrdinalCounters } from './lexicon';
import { PhraseTable } from './phrases';

const zhNumeral = `[${Object.keys(zhDigits).join('')}]{1,3}`;
const enNumeral = Object.keys(enNumbers).join('|');
const count = `(\\d{1,2}|${zhNumeral}|${enNumeral})`;

function alternatives(words: string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\#]/g, '\\$&')).join('|');
}

/** 2, 两, 十二, two → number (1-99); undefined for anything else. */
export function parseCount(token: string): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  if (enNumbers[token] !== undefined) return enNumbers[token];
  const digits = [...token].map((char) => zhDigits[char]);
  if (digits.some((digit) => digit === undefined)) return undefined;
  const [first, second, third] = digits as number[];
  if (digits.length === 1) return first;
  if (digits.length === 2 && first === 10) return 10 + second!; // 十二
  if (digits.length === 2 && second === 10) return first! * 10; // 二十
  if (digits.length === 3 && second === 10) return first! * 10 + third!; // 二十三
  return undefined;
}

const partyTable = new PhraseTable(partyPhrases);
const zhParty = new RegExp(`(?<!第)${count}(?:${alternatives(partyUnits.zh)})`);
const enParty = new RegExp(`\\b${count} (?:${alternatives(partyUnits.en)})\\b`);
const enForCount = new RegExp(`\\bfor ${count}\\b(?! (?:days?|nights?|hours?|weeks?|months?|am|pm|o'clock)\\b)(?!:)`);

/** 两个人, 三位, 一家三口, 2 adults, for two → travellers; at most 9 (a group booking is another matter). */
export function extractPartySize(lower: string): number | undefined {
  const phrase = partyTable.first(lower);
  if (phrase) return phrase.value;
  for (const pattern of [zhParty, enParty, enForCount]) {
    const match = pattern.exec(lower);
    const size = match && parseCount(match[1]!);
    if (size && size <= 9) return size;
  }
  return undefined;
}

// 第二天, 第三晚 count days, not options.
const zhOrdinal = new RegExp(`第${count}(?![零一二两三四五六七八九十\\d]*[天日晚夜])(?:${alternatives(zhOrdinalCounters)})?`);
const zhPick = new RegExp(`^(?:选|要|就|订)?${count}号(?:吧|啊|航班|那个)?$`);
const enOrdinal = new RegExp(`\\b(?:the )?(${alternatives(Object.keys(enOrdinals))}) (?:${alternatives(enOptionNouns)})\\b`);
const enPick = new RegExp(`^(?:the )?(${alternatives(Object.keys(enOrdinals))})(?: please)?$`);
const enNumbered = new RegExp(`(?<![a-z0-9])(?:${alternatives(enOptionPrefixes)}) ?(\\d{1,2})\\b`);

/** 第二个, 2号, the second one, option 3, #2 → 1-based position among the options shown. */
export function extractOptionIndex(lower: string): number | undefined {
  const bare = lower.replace(/[\s,.!?。!]+$/u, '').trim();
  for (const [pattern, text] of [[zhOrdinal, lower], [zhPick, bare], [enOrdinal, lower], [enPick, bare], [enNumbered, lower]] as const) {
    const match = pattern.exec(text);
    if (!match) continue;
    const index = enOrdinals[match[1]!] ?? parseCount(match[1]!);
    if (index) return index;
  }
  return undefined;
}
