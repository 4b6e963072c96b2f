/**
 * Clock times and how they bound a flight: 傍晚六点以后, after 2pm, 中午前到, between 1pm and 3pm,
 * not before 10am, 下午三点前要落地. A time with no bound (the 12:00 one, 下午两点那班) is a reference
 * to a flight shown, by its departure.
 */
import { clockBounds, clockHalves, clockPeriods, zhDigits } from './travel-lexicon';

export interface ClockConstraints {
  departAfter?: string;
  departBefore?: string;
  arriveBefore?: string;
  /** A departure time named on its own: picks a shown flight. */
  at?: string;
}

const zhNumber = `[${Object.keys(zhDigits).join('')}]{1,3}`;
const zhTime = new RegExp(`(${Object.keys(clockPeriods.zh).join('|')})?(\\d{1,2}|${zhNumber})[点点时:](半|(\\d{1,2})分?|(${zhNumber})分?)?`, 'g');
const enTime = new RegExp(
  `(\\d{1,2})(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?|o'clock|in the (?:morning|afternoon|evening))|(\\d{1,2}):(\\d{2})|\\b(?:12 )?(noon|midday|midnight)\\b`,
  'g',
);

function zhValue(word: string): number {
  if (/^\d+$/.test(word)) return Number(word);
  const digits = [...word].map((char) => zhDigits[char]!);
  if (digits.length === 1) return digits[0]!;
  if (word[0] === '十') return 10 + (digits[1] ?? 0);
  return digits[0]! * 10 + (digits[2] ?? 0);
}

const hhmm = (hour: number, minute: number) => `${String(hour % 24).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

interface Time {
  start: number;
  end: number;
  value: string;
}

/** Hours read as afternoon when nothing says otherwise: 一点半, 2:30 — nobody asks for a 02:30 flight without saying 凌晨 or am. */
const bareAfternoonHours = 5;
/** Period words (two characters or more: 晚 alone is also "late") that set the half of the day for the message's bare times: 下午的，一点半以后. */
const messagePeriods = Object.entries(clockPeriods.zh).filter(([word]) => word.length > 1);

/** Whether a time said without am/pm or a period word is in the afternoon: the message's period word, else its hour. */
function bareIsPm(lower: string, hour: number): boolean {
  const period = messagePeriods.find(([word]) => lower.includes(word))?.[1];
  return period ? period === 'pm' : hour >= 1 && hour <= bareAfternoonHours;
}

function times(lower: string): Time[] {
  const found: Time[] = [];
  for (const m of lower.matchAll(zhTime)) {
    let hour = zhValue(m[2]!);
    const minute = m[3] === '半' ? 30 : m[4] ? Number(m[4]) : m[5] ? zhValue(m[5]) : 0;
    const pm = m[1] ? clockPeriods.zh[m[1]] === 'pm' : bareIsPm(lower, hour);
    if (pm && hour < 12) hour += 12;
    if (hour <= 24 && minute < 60) found.push({ start: m.index, end: m.index + m[0].length, value: hhmm(hour, minute) });
  }
  for (const m of lower.matchAll(enTime)) {
    if (m[6]) {
      found.push({ start: m.index, end: m.index + m[0].length, value: m[6] === 'midnight' ? '00:00' : '12:00' });
      continue;
    }
    let hour = Number(m[1] ?? m[4]);
    const minute = Number(m[2] ?? m[5] ?? 0);
    const suffix = m[3] ?? '';
    if ((/^p|afternoon|evening/.test(suffix) || (!suffix && hour >= 1 && hour <= bareAfternoonHours)) && hour < 12) hour += 12;
    if (/^a/.test(suffix) && hour === 12) hour = 0;
    if (hour <= 24 && minute < 60) found.push({ start: m.index, end: m.index + m[0].length, value: hhmm(hour, minute) });
  }
  return found.sort((a, b) => a.start - b.start);
}

type Bound = 'after' | 'before';

/** The bound a time carries: a word after it (以后, 前) or before it (after, by, not before). */
function boundOf(lower: string, time: Time): { bound?: Bound; arrival: boolean } {
  const after = lower.slice(time.end, time.end + 8);
  const before = lower.slice(Math.max(0, time.start - 24), time.start);
  const arrivalWords = (text: string) => clockBounds.arrival.some((word) => text.includes(word));
  for (const [bound, words] of [['after', clockBounds.zhAfter], ['before', clockBounds.zhBefore]] as const) {
    const word = words.find((w) => after.startsWith(w));
    if (word) return { bound, arrival: arrivalWords(after.slice(word.length, word.length + 4)) };
  }
  for (const [bound, words] of [['after', clockBounds.enAfter], ['before', clockBounds.enBefore]] as const) {
    if (words.some((w) => before.trimEnd().endsWith(w))) return { bound, arrival: arrivalWords(before) };
  }
  return { arrival: false };
}

export function extractClock(lower: string): ClockConstraints {
  const found = times(lower);
  const result: ClockConstraints = {};
  const between = /between\s*$/.test(lower.slice(0, found[0]?.start ?? 0)) || /从\s*$/.test(lower.slice(0, found[0]?.start ?? 0));
  if (between && found.length >= 2 && /^\s*(?:and|到|至|-)\s*/.test(lower.slice(found[0]!.end, found[1]!.start))) {
    return { departAfter: found[0]!.value, departBefore: found[1]!.value };
  }
  for (const time of found) {
    const { bound, arrival } = boundOf(lower, time);
    if (!bound) result.at ??= time.value;
    else if (arrival && bound === 'before') result.arriveBefore ??= time.value;
    else if (bound === 'after') result.departAfter ??= time.value;
    else result.departBefore ??= time.value;
  }
  const half = clockHalves.find(({ phrase }) => lower.includes(phrase));
  return half ? { ...half.bounds, ...result } : result;
}
