/**
 * Trips of more than one flight in one message: 下周一飞成都，周五回北京 / Beijing to Shanghai tomorrow,
 * then Shanghai to Guangzhou in 3 days / 往返：上海到北京，明天去，大后天回. The message is read clause by
 * clause; a clause with a route opens a leg, a returning clause reverses the last one, a bare date dates the
 * leg still without one.
 */
import { extractDate } from './dates';
import type { Language } from './types';
import { normalise } from './normalise';
import { extractPlaces } from './places';
import { countWords, dateJoiners, dayShiftPatterns, legBreaks, returnWords, roundTripWords } from './travel-lexicon';

export interface Leg {
  origin?: string[];
  destination?: string[];
  date?: string;
}

interface Context {
  language: Language;
  now: Date;
  timeZone: string;
}

const dateOf = (text: string, c: Context) => extractDate(normalise(text), c.language, c.now, c.timeZone);

/** The dates of a clause: one, or two joined by 和 / and / to when the clause names no place. */
function datesOf(clause: string, hasPlace: boolean, c: Context): string[] {
  if (!hasPlace) {
    const parts = clause.split(dateJoiners).map((part) => dateOf(part, c)).filter((d): d is string => d !== undefined);
    if (parts.length > 1) return parts;
  }
  const date = dateOf(clause, c);
  return date ? [date] : [];
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function extractLegs(lower: string, c: Context): Leg[] | undefined {
  const legs: Leg[] = [];
  const pending: string[] = [];
  for (const clause of lower.split(legBreaks).filter((part) => part && part.trim())) {
    const { route } = extractPlaces(normalise(clause));
    const dates = datesOf(clause, Boolean(route.origin || route.destination), c);
    const previous = legs[legs.length - 1];
    if (route.origin && route.destination) {
      legs.push({ ...route, date: dates[0] });
    } else if (returnWords.test(clause) && previous) {
      legs.push({ origin: previous.destination, destination: route.destination ?? route.origin ?? previous.origin, date: dates[0] });
    } else if (route.destination && dates.length) {
      legs.push({ destination: route.destination, date: dates[0] });
    } else {
      pending.push(...dates);
      continue;
    }
    if (dates.length > 1) pending.push(...dates.slice(1));
  }
  for (const leg of legs) if (!leg.date && pending.length) leg.date = pending.shift();
  const first = legs[0];
  if (first && !first.origin && legs[1]?.destination) first.origin = legs[1].destination;
  if (legs[1] && !legs[1].origin) legs[1].origin = first?.destination;
  if (legs.length === 1 && roundTripWords.test(lower) && pending.length) legs.push({ origin: first!.destination, destination: first!.origin, date: pending.shift() });
  // 下周一飞成都，周五回北京: a weekday that falls before the day before it means that weekday a week later.
  for (let i = 1; i < legs.length; i++) if (legs[i]!.date && legs[i - 1]!.date && legs[i]!.date! < legs[i - 1]!.date!) legs[i]!.date = addDays(legs[i]!.date!, 7);
  const complete = legs.every((leg) => leg.origin && leg.destination && leg.date);
  return legs.length >= 2 && complete ? legs : undefined;
}

/** Days a booking moves by: +1 for 晚一天 / a day later, -1 for 提前一天 / a day earlier. */
export function extractDayShift(lower: string): number | undefined {
  for (const [pattern, sign] of dayShiftPatterns) {
    const match = pattern.exec(lower);
    if (match) return sign * (match[1] === undefined ? 1 : (countWords[match[1]] ?? Number(match[1])));
  }
  return undefined;
}
