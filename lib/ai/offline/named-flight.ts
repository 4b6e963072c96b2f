/**
 * A flight the traveller names (帮我订…的CA1001): taken from the search results, all of them, or else looked up
 * with the airline agent's check_availability and offered when it flies the route that day with seats.
 */
import type { FlightOption, Language, DialogueTask } from '../conversation';
import type { CallTool, Step } from '../planner';
import { plainError } from '../plain-errors';
import { optionsOf } from '../results';
import { say } from '../phrase-book';

export type NamedFlight = { options: FlightOption[]; chosen: FlightOption } | { why: string };

const isFlight = (flightNumber: string) => (option: FlightOption) =>
  option.flight_number === flightNumber || option.segments.some((segment) => segment.flight_number === flightNumber);

/** `shown` with the named flight added at the end when it is not among them. */
export function* namedFlight(flightNumber: string, shown: FlightOption[], results: FlightOption[], task: DialogueTask, call: CallTool, language: Language): Step<NamedFlight> {
  const listed = shown.find(isFlight(flightNumber));
  if (listed) return { options: shown, chosen: listed };
  const found = results.find(isFlight(flightNumber)) ?? (yield* lookUp(flightNumber, task, call, language));
  if ('why' in found) return found;
  const chosen = { ...found, index: shown.length + 1 };
  return { options: [...shown, chosen], chosen };
}

function* lookUp(flightNumber: string, task: DialogueTask, call: CallTool, language: Language): Step<FlightOption | { why: string }> {
  const party = task.partySize ?? 1;
  const { isError, result } = yield* call('airline', 'check_availability', { flight_number: flightNumber, date: task.date!, cabin: task.cabin ?? 'economy' });
  const option = isError ? undefined : optionsOf([result], party)[0];
  if (!option) return { why: say('flightNotBookable', language, { flight: flightNumber, why: plainError(result, language) }) };
  const blanks = { flight: flightNumber, from: option.departure_airport, to: option.arrival_airport, seats: option.seats_left };
  if (!task.origin?.includes(option.departure_airport) || !task.destination?.includes(option.arrival_airport)) return { why: say('flightOffRoute', language, blanks) };
  if (option.seats_left < party) return { why: say('flightFull', language, blanks) };
  return option;
}
