import type * as Chrono from 'chrono-node';
import { datePeriods, dayOfMonthFollowers, nextWeekMarkers, relativeDays, timeWindows } from './lexicon';
import type { Normalised } from './normalise';
import { PhraseTable } from './phrases';
import type { Language } from './types';

export interface CalendarDay {
  year: number;
  month: number; // 1-12
  day: number;
}

interface Found {
  index: number;
  date: CalendarDay;
}

const relativeDayTable = new PhraseTable(relativeDays);
const periodSpans = new Set(datePeriods.map(([phrase]) => phrase));
const nextWeek = new PhraseTable(nextWeekMarkers.map((marker) => [marker, true] as const));
/** "next week" said before a weekday rather than inside chrono's span: next week Friday, 下周的周五. */
const weekLeads = [...nextWeekMarkers.filter((marker) => marker !== 'next'), 'next week'];
const leadsNextWeek = (lower: string, index: number) => {
  const lead = lower.slice(Math.max(0, index - 16), index).replace(/[\s,的]+$/, '');
  return weekLeads.some((marker) => lead.endsWith(marker));
};
const dayOfMonthFollower = new PhraseTable(dayOfMonthFollowers.map((word) => [word, true] as const));
const timesOfDay = new PhraseTable(timeWindows);
const formatters = new Map<string, Intl.DateTimeFormat>();

export function wallClock(now: Date, timeZone: string): { today: CalendarDay; hour: number; minute: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(now)) parts[part.type] = Number(part.value);
  return { today: { year: parts.year!, month: parts.month!, day: parts.day! }, hour: parts.hour!, minute: parts.minute! };
}

export function addDays({ year, month, day }: CalendarDay, days: number): CalendarDay {
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function weekday({ year, month, day }: CalendarDay): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function format({ year, month, day }: CalendarDay): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A weekday on its own (周五, Friday, 这周六) is its next occurrence on or after today, so 周五 said on a
 * Friday is today. After 下周/next it is that weekday in next week, weeks starting on Monday:
 * 下周三 on a Tuesday is eight days on, 下周日 is the Sunday after this coming one.
 */
function resolveWeekday(today: CalendarDay, target: number, inNextWeek: boolean): CalendarDay {
  if (!inNextWeek) return addDays(today, (target - weekday(today) + 7) % 7);
  const daysSinceMonday = (weekday(today) + 6) % 7;
  return addDays(today, 7 - daysSinceMonday + ((target + 6) % 7));
}

function fromRelativeDay(lower: string, today: CalendarDay): Found | undefined {
  const match = relativeDayTable.first(lower);
  return match && { index: match.start, date: addDays(today, match.value) };
}

/** 下午 / 晚上 alone: chrono's zh parser reports them as a certain day (today); they name no day. */
function isTimeOfDayOnly(span: string): boolean {
  let rest = span;
  for (const match of timesOfDay.scan(span).reverse()) rest = rest.slice(0, match.start) + rest.slice(match.end);
  return rest.trim() === '';
}

/**
 * chrono parses in the process's local time zone, so it gets a reference Date whose local fields are the
 * traveller's wall clock; results are read back as fields, never as instants.
 * Corrections: a weekday is resolved by resolveWeekday (chrono's 下周日 is this week's Sunday, and 周四下午
 * comes back as today with weekday 4); bare times of day and whole periods (next week, last month) are ignored.
 */
function fromChrono(normalised: Normalised, language: Language, today: CalendarDay, reference: Date): Found | undefined {
  const chrono = require('chrono-node') as typeof Chrono; // loaded with the first message, not at start
  const parsers = language === 'zh' ? [chrono.zh.hans, chrono.en] : [chrono.en];
  for (const parser of parsers) {
    for (const result of parser.parse(normalised.text, reference, { forwardDate: true })) {
      const start = result.start;
      const span = result.text.toLowerCase();
      if (periodSpans.has(span) || isTimeOfDayOnly(span)) continue;
      const date = { year: start.get('year')!, month: start.get('month')!, day: start.get('day')! };
      const stated = start.isCertain('weekday') ? start.get('weekday')! : undefined;
      // 下周三, next Wednesday, on Wednesday next week, next week Wednesday.
      const afterNext = nextWeek.first(span) !== undefined || leadsNextWeek(normalised.lower, result.index);
      if (stated !== undefined && (afterNext || !start.isCertain('day') || weekday(date) !== stated)) {
        return { index: result.index, date: resolveWeekday(today, stated, afterNext) };
      }
      if (!start.isCertain('day')) continue;
      return { index: result.index, date };
    }
  }
  return undefined;
}

/** 5号出发 / on the 5th: the next such day of a month, today included. chrono reads neither. */
function fromDayOfMonth(lower: string, today: CalendarDay): Found | undefined {
  const zh = /(?<![\d月])(\d{1,2})[号日]/g;
  for (const match of lower.matchAll(zh)) {
    if (dayOfMonthFollower.matchAt(lower, match.index + match[0].length)) return nextDayOfMonth(match.index, Number(match[1]), today);
  }
  const en = /\bthe (\d{1,2})(?:st|nd|rd|th)\b(?! (?:one|option|choice|result))/.exec(lower);
  if (en) return nextDayOfMonth(en.index, Number(en[1]), today);
  return undefined;
}

function nextDayOfMonth(index: number, day: number, today: CalendarDay): Found | undefined {
  if (day < 1 || day > 31) return undefined;
  for (let months = 0; months < 3; months++) {
    const candidate = new Date(Date.UTC(today.year, today.month - 1 + months, day));
    if (candidate.getUTCDate() !== day) continue;
    const date = { year: candidate.getUTCFullYear(), month: candidate.getUTCMonth() + 1, day };
    if (months > 0 || day >= today.day) return { index, date };
  }
  return undefined;
}

/** The travel date the message names, 'YYYY-MM-DD' in `timeZone`; the first one written wins. */
export function extractDate(normalised: Normalised, language: Language, now: Date, timeZone: string): string | undefined {
  const { today, hour, minute } = wallClock(now, timeZone);
  const reference = new Date(today.year, today.month - 1, today.day, hour, minute);
  const found = [
    fromRelativeDay(normalised.lower, today),
    fromChrono(normalised, language, today, reference),
    fromDayOfMonth(normalised.lower, today),
  ].filter((candidate): candidate is Found => candidate !== undefined);
  found.sort((a, b) => a.index - b.index);
  return found[0] && format(found[0].date);
}
