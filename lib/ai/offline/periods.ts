/** 上个月 / next week as the days they span: weeks run Monday to Sunday, months from the 1st to their last day. */
import { addDays, format, wallClock, weekday } from './dates';
import { datePeriods } from './lexicon';
import { PhraseTable } from './phrases';
import type { DateRange } from './types';

const periods = new PhraseTable(datePeriods);

/** The period the message names, from–to in `timeZone`; the first one written wins. */
export function extractDateRange(lower: string, now: Date, timeZone: string): DateRange | undefined {
  const period = periods.first(lower)?.value;
  if (!period) return undefined;
  const { today } = wallClock(now, timeZone);
  if (period.unit === 'week') {
    const monday = addDays(today, 7 * period.offset - ((weekday(today) + 6) % 7));
    return { from: format(monday), to: format(addDays(monday, 6)) };
  }
  // addDays normalises a month past either end of the year: month 13 is next January.
  const monthStart = (offset: number) => addDays({ year: today.year, month: today.month + offset, day: 1 }, 0);
  return { from: format(monthStart(period.offset)), to: format(addDays(monthStart(period.offset + 1), -1)) };
}
