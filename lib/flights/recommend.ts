import { z } from 'zod';
import { Itinerary } from './search';

export const Preference = z
  .enum(['cheapest', 'fastest', 'earliest', 'latest', 'morning', 'afternoon', 'evening', 'direct_only'])
  .describe(
    'What matters most: cheapest (lowest total fare), fastest (shortest door-to-door time), earliest / latest (departure time), ' +
      'morning (06:00–12:00), afternoon (12:00–18:00), evening (18:00–24:00) departures, direct_only (non-stop flights only)',
  );
export type Preference = z.infer<typeof Preference>;

export const Recommendation = z.object({
  rank: z.number().int().describe('1 = best match for the preference'),
  reason_en: z.string(),
  reason_zh: z.string(),
  itinerary: Itinerary,
});
export type Recommendation = z.infer<typeof Recommendation>;

/** Local departure windows in minutes after midnight, end excluded. */
export const departureWindows = {
  morning: { from: 6 * 60, to: 12 * 60, en: 'morning', zh: '上午' },
  afternoon: { from: 12 * 60, to: 18 * 60, en: 'afternoon', zh: '下午' },
  evening: { from: 18 * 60, to: 24 * 60, en: 'evening', zh: '晚上' },
} as const;

type Window = (typeof departureWindows)[keyof typeof departureWindows];
type Key = (itinerary: Itinerary) => number;

const departs: Key = (it) => Date.parse(`${it.departure_date}T${it.departure_time}Z`) / 60_000;
const minuteOfDay: Key = (it) => Number(it.departure_time.slice(0, 2)) * 60 + Number(it.departure_time.slice(3, 5));
const fare: Key = (it) => it.total_fare;
const duration: Key = (it) => it.duration_minutes;
const stops: Key = (it) => it.stops;
/** Minutes between the departure and the window; 0 inside it. */
const outside = (window: Window): Key => (it) => {
  const minute = minuteOfDay(it);
  return minute < window.from ? window.from - minute : minute >= window.to ? minute - window.to + 1 : 0;
};

/** Each preference ranks by these keys in order, smallest first. */
const orders: Record<Preference, Key[]> = {
  cheapest: [fare, stops, duration, departs],
  fastest: [duration, fare, departs],
  earliest: [departs, stops, fare],
  latest: [(it) => -departs(it), stops, fare],
  morning: [outside(departureWindows.morning), stops, fare, departs],
  afternoon: [outside(departureWindows.afternoon), stops, fare, departs],
  evening: [outside(departureWindows.evening), stops, fare, departs],
  direct_only: [fare, duration, departs],
};

function compare(keys: Key[]) {
  return (a: Itinerary, b: Itinerary): number => {
    for (const key of keys) {
      const difference = key(a) - key(b);
      if (difference !== 0) return difference;
    }
    return a.flight_number.localeCompare(b.flight_number);
  };
}

function hoursAndMinutes(minutes: number, language: 'en' | 'zh'): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (language === 'zh') return h ? `${h}小时${m ? `${m}分` : ''}` : `${m}分钟`;
  return h ? `${h}h${m ? ` ${m}m` : ''}` : `${m}m`;
}

function facts(it: Itinerary): { en: string; zh: string } {
  const time = `${it.departure_time.slice(0, 5)}→${it.arrival_time.slice(0, 5)}`;
  const via = it.connection ? it.connection.airport : '';
  return {
    en: `${it.flight_number} ${time}, ${it.stops ? `1 stop via ${via}` : 'direct'}, ${hoursAndMinutes(it.duration_minutes, 'en')}, ¥${it.fare_per_passenger} per passenger`,
    zh: `${it.flight_number} ${time}，${it.stops ? `经${via}中转` : '直飞'}，${hoursAndMinutes(it.duration_minutes, 'zh')}，每人 ¥${it.fare_per_passenger}`,
  };
}

function lead(preference: Preference, it: Itinerary, best: Itinerary): { en: string; zh: string } {
  const first = it === best;
  switch (preference) {
    case 'cheapest': {
      const more = Math.round((it.fare_per_passenger - best.fare_per_passenger) * 100) / 100;
      return first || more === 0 ? { en: 'Lowest fare', zh: '价格最低' } : { en: `¥${more} more than the cheapest`, zh: `比最低价贵 ¥${more}` };
    }
    case 'fastest': {
      const longer = it.duration_minutes - best.duration_minutes;
      return first || longer === 0 ? { en: 'Shortest travel time', zh: '耗时最短' } : { en: `${longer} min longer than the fastest`, zh: `比最快多 ${longer} 分钟` };
    }
    case 'earliest': {
      const later = departs(it) - departs(best);
      return first || later === 0 ? { en: 'Earliest departure', zh: '最早出发' } : { en: `Leaves ${later} min after the earliest`, zh: `比最早航班晚 ${later} 分钟出发` };
    }
    case 'latest': {
      const earlier = departs(best) - departs(it);
      return first || earlier === 0 ? { en: 'Latest departure', zh: '最晚出发' } : { en: `Leaves ${earlier} min before the latest`, zh: `比最晚航班早 ${earlier} 分钟出发` };
    }
    case 'morning':
    case 'afternoon':
    case 'evening': {
      const window = departureWindows[preference];
      if (outside(window)(it) > 0) return { en: `No ${window.en} departure fits; close alternative`, zh: `没有合适的${window.zh}航班，时间相近的选择` };
      return first ? { en: `Best ${window.en} departure`, zh: `最合适的${window.zh}航班` } : { en: `${capitalise(window.en)} departure`, zh: `${window.zh}出发` };
    }
    case 'direct_only':
      return first ? { en: 'Cheapest direct flight', zh: '最便宜的直飞' } : { en: 'Direct flight', zh: '直飞航班' };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Ranks itineraries for a traveller's preference, best first, with a short reason in English and
 * Chinese for each pick. Deterministic: the same itineraries always give the same ranking.
 */
export function recommend(itineraries: readonly Itinerary[], preference: Preference, limit = 5): Recommendation[] {
  const candidates = preference === 'direct_only' ? itineraries.filter((it) => it.stops === 0) : [...itineraries];
  const ranked = candidates.sort(compare(orders[preference])).slice(0, limit);
  const best = ranked[0];
  return ranked.map((itinerary, i) => {
    const why = lead(preference, itinerary, best!);
    const what = facts(itinerary);
    return { rank: i + 1, reason_en: `${why.en}: ${what.en}`, reason_zh: `${why.zh}：${what.zh}`, itinerary };
  });
}
