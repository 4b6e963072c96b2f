/** Choosing among the flight options shown: by index, hint, flight number or clock time, and the one to recommend. */
import type { DialogueTask, FlightOption } from '../conversation';
import { str, type Row } from '../results';
import type { BookingOrder, OptionHint, Understanding } from './types';

/** How an option hint or a preference picks among options. */
const rankers: Record<OptionHint, (a: FlightOption, b: FlightOption) => number> = {
  cheapest: (a, b) => a.total_fare - b.total_fare,
  fastest: (a, b) => a.duration_minutes - b.duration_minutes,
  earliest: (a, b) => a.departure_time.localeCompare(b.departure_time),
  latest: (a, b) => b.departure_time.localeCompare(a.departure_time),
};

/** How a list of bookings is ordered: by the first flight's departure. */
export const bookingOrders: Record<BookingOrder, (a: Row, b: Row) => number> = {
  date: (a, b) => `${str(a.departure_date)} ${str(a.departure_time)}`.localeCompare(`${str(b.departure_date)} ${str(b.departure_time)}`),
};

export function pick(options: FlightOption[], u: Understanding): FlightOption | undefined {
  if (u.optionIndex !== undefined) return options[u.optionIndex - 1];
  if (u.flightNumber) return options.find((option) => option.flight_number === u.flightNumber || option.segments.some((s) => s.flight_number === u.flightNumber));
  if (u.optionHint) return [...options].sort(rankers[u.optionHint])[0];
  if (u.clockTime) return atClock(options, u.clockTime);
  return undefined;
}

/** The option leaving at a time named alone: 14:00, or 两点 read as 14:00 when no flight leaves at 02:00. */
function atClock(options: FlightOption[], time: string): FlightOption | undefined {
  const later = `${String((Number(time.slice(0, 2)) + 12) % 24).padStart(2, '0')}${time.slice(2)}`;
  return options.find((o) => o.departure_time === time) ?? options.find((o) => o.departure_time === later);
}

/** A date change keeps the flight: the same flight number, else the nearest departure time on the same kind of flight. */
export function sameFlight(options: FlightOption[], segment: Row): FlightOption | undefined {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const was = minutes(str(segment.departure_time));
  const direct = options.filter((o) => o.stops === 0);
  return options.find((o) => o.flight_number === str(segment.flight_number)) ?? [...(direct.length ? direct : options)].sort((a, b) => Math.abs(minutes(a.departure_time) - was) - Math.abs(minutes(b.departure_time) - was))[0];
}

/** Direct flights first, then by the traveller's preference (the cheapest by default). */
export const recommend = (options: FlightOption[], task: DialogueTask) =>
  [...options].sort((a, b) => a.stops - b.stops || rankers[task.preference && task.preference !== 'direct_only' ? task.preference : 'cheapest'](a, b))[0]!;
