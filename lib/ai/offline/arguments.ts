/** How the offline policy writes the agents' tool arguments from a task. */
import { airportByCode } from '../../domain/airports';
import type { DialogueTask } from '../conversation';

const sortOf = { cheapest: 'price', fastest: 'duration', earliest: 'departure_time', latest: 'departure_time' } as const;

/** One code as it is; several (北京 → PEK, PKX) as their city, which the airline agent expands again. */
export function placeArgument(codes: string[]): string {
  if (codes.length === 1) return codes[0]!;
  return airportByCode(codes[0]!)?.city_en ?? codes[0]!;
}

export function searchArguments(task: DialogueTask): Record<string, unknown> & { origin: string; destination: string; date: string } {
  const preference = task.preference;
  return {
    origin: placeArgument(task.origin ?? []),
    destination: placeArgument(task.destination ?? []),
    date: task.date!,
    ...(task.cabin && { cabin: task.cabin }),
    ...(task.partySize && { passengers: task.partySize }),
    ...(task.maxStops !== undefined && { max_stops: task.maxStops }),
    ...(preference === 'direct_only' && { max_stops: 0 }),
    ...(task.timeWindow && { depart_after: task.timeWindow.from, depart_before: task.timeWindow.to }),
    ...(preference && preference !== 'direct_only' && { sort: sortOf[preference] }),
  };
}

/** The most bookings find_bookings returns (its maximum): the newest ones, which the reply then orders. */
const findLimit = 100;

/** find_bookings (staff): the full name, or the surname of 李先生 / Mr Li; the period named, or the one day. */
export function findArguments(task: DialogueTask): { passenger_name: string; from_date?: string; to_date?: string; limit: number } {
  const range = task.dateRange ?? (task.date ? { from: task.date, to: task.date } : undefined);
  return { passenger_name: task.passengerNames?.[0] ?? task.surname!, ...(range && { from_date: range.from, to_date: range.to }), limit: findLimit };
}

/** The surname to check a booking with: the first character of a Chinese name, the first word of a Latin one. */
export function surnameOf(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const clean = name.trim();
  if (/^\p{Script=Han}/u.test(clean)) return [...clean][0];
  return clean.split(/[\s/]+/)[0];
}
