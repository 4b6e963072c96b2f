import { airportByCode } from '../domain/airports';
import type { Cabin } from '../domain/aircraft';
import { invalid } from '../domain/errors';
import { operatesOn, salesCutoffMinutes, type Flight } from '../domain/flights';
import { isoWeekday, localDate, zonedToEpoch } from '../domain/time';
import type { Store } from '../store/store';

/** When a flight leaves on a date, as an instant. */
export function departureInstant(flight: Flight, date: string): number {
  return zonedToEpoch(date, flight.departure_time, airportByCode(flight.departure_airport)!.tz);
}

export function arrivalInstant(flight: Flight, date: string): number {
  return departureInstant(flight, date) + flight.duration_minutes * 60_000;
}

/**
 * A flight can be sold on a date: active, operating that weekday, cabin on sale, sales not yet closed before departure.
 * `at` names the input the flight, date and cabin came from (`segments[0]`), if it is nested.
 */
export function checkBookable(flight: Flight, date: string, cabin: Cabin, now: Date, at?: string): void {
  const field = (name: string) => (at ? `${at}.${name}` : name);
  if (flight.status !== 'active') throw invalid(field('flight_number'), `Flight ${flight.flight_number} is cancelled`);
  const tz = airportByCode(flight.departure_airport)!.tz;
  const today = localDate(tz, now);
  if (date < today) throw invalid(field('date'), `${date} is in the past (today is ${today} at ${flight.departure_airport})`);
  const departs = departureInstant(flight, date);
  if (departs <= now.getTime()) throw invalid(field('date'), `Flight ${flight.flight_number} has already departed on ${date}`);
  if (departs - salesCutoffMinutes * 60_000 <= now.getTime()) {
    throw invalid(field('date'), `Sales for flight ${flight.flight_number} on ${date} closed ${salesCutoffMinutes} minutes before departure`);
  }
  if (!operatesOn(flight, isoWeekday(date))) {
    throw invalid(field('date'), `Flight ${flight.flight_number} does not operate on ${date} (operates on ISO weekdays ${flight.days_of_operation.join(', ')})`);
  }
  const fares = flight.cabins[cabin];
  if (!fares || fares.capacity === 0) throw invalid(field('cabin'), `Flight ${flight.flight_number} has no ${cabin} cabin`);
}

export async function flightByNumber(store: Store, flightNumber: string, field: string): Promise<Flight> {
  const flight = await store.flights.getByNumber(flightNumber);
  if (!flight) throw invalid(field, `Unknown flight ${flightNumber}`);
  return flight;
}
