/** Reads the agents' MCP results into the shapes the dialogue uses. Lenient: a field it cannot find is left out. */
import type { FlightOption } from './conversation';

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));
const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value) || 0);

/** The first array of objects in a result: the result itself, or a property such as itineraries / flights / results. */
export function rowsOf(result: unknown): Row[] {
  if (Array.isArray(result)) return result.filter(isRow);
  if (!isRow(result)) return [];
  for (const value of Object.values(result)) if (Array.isArray(value) && value.some(isRow)) return value.filter(isRow);
  return [];
}

/** The object a single-item result holds: the result, or its booking / flight / quote property. */
export function recordOf(result: unknown, key: string): Row | undefined {
  if (!isRow(result)) return undefined;
  return isRow(result[key]) ? (result[key] as Row) : result;
}

const hhmm = (time: unknown) => str(time).slice(0, 5);

function optionOf(row: Row, index: number, passengers: number): FlightOption {
  const segments = Array.isArray(row.segments) ? row.segments.filter(isRow) : [];
  const first = segments[0] ?? row;
  const last = segments[segments.length - 1] ?? row;
  const perPassenger = num(row.fare_per_passenger ?? row.fare ?? row.price ?? first.fare);
  return {
    index,
    flight_number: str(row.flight_number ?? first.flight_number),
    segments: (segments.length ? segments : [row]).map((segment) => ({
      flight_number: str(segment.flight_number),
      date: str(segment.date ?? row.departure_date ?? row.date),
    })),
    date: str(row.departure_date ?? first.date ?? row.date),
    departure_airport: str(row.departure_airport ?? first.departure_airport),
    arrival_airport: str(row.arrival_airport ?? last.arrival_airport),
    departure_time: hhmm(row.departure_time ?? first.departure_time),
    arrival_time: hhmm(row.arrival_time ?? last.arrival_time),
    duration_minutes: num(row.duration_minutes),
    stops: num(row.stops ?? Math.max(segments.length - 1, 0)),
    cabin: str(row.cabin ?? first.cabin ?? 'economy'),
    fare_per_passenger: perPassenger,
    total_fare: num(row.total_fare ?? perPassenger * passengers),
    seats_left: num(row.seats_left ?? row.available_seats ?? first.seats_left),
  };
}

/** Search or recommendation results (or one flight's availability) as numbered options. */
export function optionsOf(result: unknown, passengers: number): FlightOption[] {
  return rowsOf(result)
    .map((row, i) => optionOf(isRow(row.itinerary) ? (row.itinerary as Row) : row, i + 1, passengers))
    .filter((option) => option.flight_number);
}

/** The message a failed tool call carries. */
export function errorText(result: unknown): string {
  if (typeof result === 'string') return result;
  if (isRow(result)) return str(result.detail ?? result.message ?? result.error ?? JSON.stringify(result));
  return JSON.stringify(result);
}

export { num, str, isRow, type Row };
