import { cabins, normaliseAircraft, seatCount } from '../domain/aircraft';
import { airportByCode } from '../domain/airports';
import { invalid } from '../domain/errors';
import type { FlightInput, Schedule, FlatFlightInput } from '../domain/flights';
import { addDays, zonedToEpoch } from '../domain/time';
import { isKnownAirline } from './airlines';

/** Minutes in the air, from local times in each airport's zone (on a given date, for DST). */
export function scheduledMinutes(input: Pick<FlightInput, 'departure_airport' | 'arrival_airport' | 'departure_time' | 'arrival_time' | 'arrival_day_offset'>, date: string): number {
  const from = airportByCode(input.departure_airport)!;
  const to = airportByCode(input.arrival_airport)!;
  const departs = zonedToEpoch(date, input.departure_time, from.tz);
  const arrives = zonedToEpoch(addDays(date, input.arrival_day_offset), input.arrival_time, to.tz);
  return Math.round((arrives - departs) / 60_000);
}

/**
 * The original flat body as a full schedule: economy only, daily. The aircraft text is normalised
 * (Airbus A320, 波音737-800, B738 → a known type); anything else keeps its text and a generic seat map.
 */
export function fromFlatBody(body: FlatFlightInput, airlineCode: string): Schedule {
  return {
    flight_number: body.flight_number,
    airline_code: airlineCode,
    departure_airport: body.departure_airport,
    arrival_airport: body.arrival_airport,
    departure_time: body.departure_time,
    arrival_time: body.arrival_time,
    arrival_day_offset: body.arrival_time < body.departure_time ? 1 : 0,
    days_of_operation: [1, 2, 3, 4, 5, 6, 7],
    aircraft_type: normaliseAircraft(body.aircraft_type),
    status: body.status,
    cabins: { economy: { fare: body.price, capacity: body.available_seats } },
  };
}

/** Checks a schedule against reference data and the aircraft; returns it with its duration. */
export function checkSchedule(input: Schedule, today: string): Schedule & { duration_minutes: number } {
  if (!airportByCode(input.departure_airport)) throw invalid('departure_airport', `Unknown airport ${input.departure_airport}`);
  if (!airportByCode(input.arrival_airport)) throw invalid('arrival_airport', `Unknown airport ${input.arrival_airport}`);
  if (input.departure_airport === input.arrival_airport) throw invalid('arrival_airport', 'Arrival airport must differ from departure airport');
  if (!isKnownAirline(input.airline_code)) throw invalid('airline_code', `Unknown airline ${input.airline_code}`);
  if (!input.flight_number.startsWith(input.airline_code)) {
    throw invalid('flight_number', `Flight number ${input.flight_number} must start with the airline code ${input.airline_code}`);
  }
  for (const cabin of cabins) {
    const fares = input.cabins[cabin];
    if (!fares) continue;
    const seats = seatCount(input.aircraft_type, cabin, input.cabins.economy.capacity);
    if (fares.capacity > seats) {
      throw invalid(`cabins.${cabin}.capacity`, `${input.aircraft_type} has ${seats} ${cabin} seats; capacity ${fares.capacity} does not fit`);
    }
  }
  const duration = scheduledMinutes(input, today);
  if (duration <= 0 || duration > 20 * 60) {
    throw invalid('arrival_time', `Arrival must be after departure and within 20 hours (got ${duration} minutes); set arrival_day_offset for overnight flights`);
  }
  return { ...input, duration_minutes: duration };
}
