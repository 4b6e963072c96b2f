import { z } from 'zod';
import type { Airport } from '../domain/airports';
import { airportByCode, sameCityAirports } from '../domain/airports';
import { Cabin } from '../domain/aircraft';
import { currency, toCents, toYuan } from '../domain/money';
import { FlightStatus, operatesOn, seatsLeft, type Flight, type SearchQuery, type SeatsSold } from '../domain/flights';
import { addDays, isoWeekday, localDateTime, zonedToEpoch } from '../domain/time';
import type { FlightRepository, Store } from '../store/store';
import { airlineOf, learnAirlines } from './airlines';
import { withSeconds } from './view';

/** Minimum connection times in minutes; changing airports within a city adds the transfer. */
export const connectionRules = { domestic: 60, international: 90, airportTransfer: 120, maximum: 24 * 60 } as const;
/**
 * A connection is shown only when it takes at most `ratio` times the fastest way there (the fastest
 * direct flight, else the fastest connection) or `allowanceMinutes` more, whichever is longer.
 */
export const connectionDetour = { ratio: 2, allowanceMinutes: 180 } as const;
const maxConnections = 60;

export const ItinerarySegment = z.object({
  flight_id: z.number().int(),
  flight_number: z.string(),
  airline: z.string(),
  airline_code: z.string(),
  departure_airport: z.string(),
  arrival_airport: z.string(),
  date: z.string().describe('Local departure date'),
  departure_time: z.string(),
  arrival_date: z.string(),
  arrival_time: z.string(),
  duration_minutes: z.number().int(),
  aircraft_type: z.string(),
  cabin: Cabin,
  fare: z.number().describe('Fare per passenger in CNY'),
  seats_left: z.number().int(),
});
export type ItinerarySegment = z.infer<typeof ItinerarySegment>;

export const Itinerary = z
  .object({
    type: z.enum(['direct', 'connection']),
    stops: z.number().int(),
    departure_airport: z.string(),
    arrival_airport: z.string(),
    departure_date: z.string(),
    departure_time: z.string(),
    arrival_date: z.string(),
    arrival_time: z.string(),
    arrival_day_offset: z.number().int().min(0).describe('Days between departure and arrival date: 1 means it lands the next day (+1)'),
    duration_minutes: z.number().int().describe('Door to door, connection included'),
    cabin: Cabin,
    passengers: z.number().int(),
    fare_per_passenger: z.number(),
    total_fare: z.number().describe('For the whole party in CNY'),
    currency: z.string(),
    seats_left: z.number().int().describe('Fewest seats left on any segment'),
    flight_number: z.string().describe('Legacy flat field: the flight number, or both joined by "/" for a connection'),
    airline: z.string().describe('Legacy flat field: airline of the first segment'),
    price: z.number().describe('Legacy flat field: fare per passenger'),
    available_seats: z.number().int().describe('Legacy flat field: same as seats_left'),
    id: z.number().int().describe('Legacy flat field: the flight id (the first flight’s for a connection)'),
    status: FlightStatus.describe('Legacy flat field: the flight status (of the first flight for a connection)'),
    aircraft_type: z.string().describe('Legacy flat field: the aircraft (of the first flight for a connection)'),
    created_at: z.string().describe('Legacy flat field: when the (first) flight was created'),
    updated_at: z.string().describe('Legacy flat field: when the (first) flight was last changed'),
    connection: z.object({ airport: z.string(), next_airport: z.string(), minutes: z.number().int(), change_airport: z.boolean() }).optional(),
    segments: z.array(ItinerarySegment),
  })
  .meta({ id: 'Itinerary' });
export type Itinerary = z.infer<typeof Itinerary>;

interface Leg {
  flight: Flight;
  date: string;
  departs: number;
  arrives: number;
  fareCents: number;
}

function legOn(flight: Flight, date: string, cabin: Cabin): Leg {
  const from = airportByCode(flight.departure_airport)!;
  const departs = zonedToEpoch(date, flight.departure_time, from.tz);
  return { flight, date, departs, arrives: departs + flight.duration_minutes * 60_000, fareCents: toCents(flight.cabins[cabin]?.fare ?? 0) };
}

function segmentView(leg: Leg, cabin: Cabin, sold: SeatsSold): ItinerarySegment {
  const flight = leg.flight;
  const arrival = localDateTime(leg.arrives, airportByCode(flight.arrival_airport)!.tz);
  const airline = airlineOf(flight.airline_code);
  return {
    flight_id: flight.id,
    flight_number: flight.flight_number,
    airline: airline.name_zh,
    airline_code: airline.code,
    departure_airport: flight.departure_airport,
    arrival_airport: flight.arrival_airport,
    date: leg.date,
    departure_time: withSeconds(flight.departure_time),
    arrival_date: arrival.date,
    arrival_time: `${arrival.time}:00`,
    duration_minutes: flight.duration_minutes,
    aircraft_type: flight.aircraft_type,
    cabin,
    fare: flight.cabins[cabin]!.fare,
    seats_left: seatsLeft(flight, cabin, sold),
  };
}

function itinerary(legs: Leg[], query: SearchQuery, soldOf: (leg: Leg) => SeatsSold): Itinerary {
  const segments = legs.map((leg) => segmentView(leg, query.cabin, soldOf(leg)));
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  const perPassengerCents = segments.reduce((sum, s) => sum + toCents(s.fare), 0);
  const [leg1, leg2] = legs;
  const flight = leg1!.flight;
  return {
    type: legs.length === 1 ? 'direct' : 'connection',
    stops: legs.length - 1,
    departure_airport: first.departure_airport,
    arrival_airport: last.arrival_airport,
    departure_date: first.date,
    departure_time: first.departure_time,
    arrival_date: last.arrival_date,
    arrival_time: last.arrival_time,
    arrival_day_offset: daysBetween(first.date, last.arrival_date),
    duration_minutes: Math.round((legs[legs.length - 1]!.arrives - legs[0]!.departs) / 60_000),
    cabin: query.cabin,
    passengers: query.passengers,
    fare_per_passenger: toYuan(perPassengerCents),
    total_fare: toYuan(perPassengerCents * query.passengers),
    currency,
    seats_left: Math.min(...segments.map((s) => s.seats_left)),
    flight_number: segments.map((s) => s.flight_number).join('/'),
    airline: first.airline,
    price: toYuan(perPassengerCents),
    available_seats: Math.min(...segments.map((s) => s.seats_left)),
    id: flight.id,
    status: flight.status,
    aircraft_type: flight.aircraft_type,
    created_at: flight.created_at,
    updated_at: flight.updated_at,
    ...(leg1 && leg2
      ? {
          connection: {
            airport: leg1.flight.arrival_airport,
            next_airport: leg2.flight.departure_airport,
            minutes: Math.round((leg2.departs - leg1.arrives) / 60_000),
            change_airport: leg1.flight.arrival_airport !== leg2.flight.departure_airport,
          },
        }
      : {}),
    segments,
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

function minimumConnection(arrival: Airport, departure: Airport): number {
  const base = arrival.country === 'CN' && departure.country === 'CN' ? connectionRules.domestic : connectionRules.international;
  return base + (arrival.code === departure.code ? 0 : connectionRules.airportTransfer);
}

const sorters: Record<SearchQuery['sort'], (a: Itinerary, b: Itinerary) => number> = {
  price: (a, b) => a.total_fare - b.total_fare || a.duration_minutes - b.duration_minutes,
  departure_time: (a, b) => a.departure_date.localeCompare(b.departure_date) || a.departure_time.localeCompare(b.departure_time) || a.stops - b.stops,
  duration: (a, b) => a.duration_minutes - b.duration_minutes || a.total_fare - b.total_fare,
};

/**
 * Direct flights and one-stop connections from any of `origins` to any of `destinations` on a date,
 * with enough seats in the cabin for the party, whose first flight departs after `salesOpenUntil`
 * (epoch ms: departed flights and those past the sales cutoff are not offered). Connections may change
 * airport within the hub city; detours far longer than the fastest way there are dropped.
 */
export async function searchItineraries(
  store: Store,
  origins: Airport[],
  destinations: Airport[],
  date: string,
  query: SearchQuery,
  salesOpenUntil: number,
): Promise<Itinerary[]> {
  const flights = store.flights;
  const from = origins.map((a) => a.code);
  const to = destinations.map((a) => a.code);
  const common = { status: 'active' as const, cabin: query.cabin, departAfter: query.depart_after, departBefore: query.depart_before };
  const weekday = isoWeekday(date);
  const arrivals = new Set(to);
  const departing = (await flights.list({ ...common, from, to: query.max_stops >= 1 ? undefined : to, weekday })).items.filter(
    (flight) => legOn(flight, date, query.cabin).departs > salesOpenUntil,
  );
  const direct = departing.filter((f) => arrivals.has(f.arrival_airport)).map((f) => [legOn(f, date, query.cabin)]);
  const connections = query.max_stops >= 1 ? await connectionsVia(flights, departing, from, to, date, query.cabin) : [];

  const candidates = [...direct, ...connections];
  const sold = await flights.seatsSold(candidates.flat().map((leg) => ({ flightId: leg.flight.id, date: leg.date })));
  const soldOf = (leg: Leg) => sold.get(`${leg.flight.id}|${leg.date}`) ?? {};
  const seated = candidates.filter((legs) => legs.every((leg) => seatsLeft(leg.flight, query.cabin, soldOf(leg)) >= query.passengers));
  const [directs, oneStops] = [seated.filter((legs) => legs.length === 1), seated.filter((legs) => legs.length === 2)];
  const fastest = Math.min(...(directs.length ? directs : oneStops).map(spanOf));
  const longest = Math.max(fastest * connectionDetour.ratio, fastest + connectionDetour.allowanceMinutes * 60_000);
  const worthwhile = oneStops.filter((legs) => spanOf(legs) <= longest && !directs.some((direct) => dominates(direct, legs)));
  const best = worthwhile.sort(candidateOrder[query.sort]).slice(0, maxConnections);
  await learnAirlines(store, [...directs, ...best].flat().map((leg) => leg.flight.airline_code));
  return [...directs, ...best].map((legs) => itinerary(legs, query, soldOf)).sort(sorters[query.sort]);
}

/** Cheap orderings on raw legs, to keep only the best connections before building their views. */
const candidateOrder: Record<SearchQuery['sort'], (a: Leg[], b: Leg[]) => number> = {
  price: (a, b) => fareOf(a) - fareOf(b) || spanOf(a) - spanOf(b),
  departure_time: (a, b) => a[0]!.departs - b[0]!.departs,
  duration: (a, b) => spanOf(a) - spanOf(b) || fareOf(a) - fareOf(b),
};

/** A direct flight that is no dearer and no slower makes a connection pointless to show. */
function dominates(direct: Leg[], connection: Leg[]): boolean {
  return fareOf(direct) <= fareOf(connection) && spanOf(direct) <= spanOf(connection);
}

function fareOf(legs: Leg[]): number {
  return legs.reduce((sum, leg) => sum + leg.fareCents, 0);
}

function spanOf(legs: Leg[]): number {
  return legs[legs.length - 1]!.arrives - legs[0]!.departs;
}

/** One-stop connections: first legs to a hub city, second legs on to the destination within the window. */
async function connectionsVia(flights: FlightRepository, departing: Flight[], from: string[], to: string[], date: string, cabin: Cabin): Promise<Leg[][]> {
  const endpoints = new Set([...from, ...to].flatMap((code) => sameCityAirports(code).map((a) => a.code)));
  const onward = (await flights.list({ status: 'active', cabin, to })).items.filter((f) => !endpoints.has(f.departure_airport));
  const secondDates = [0, 1, 2, 3].map((day) => addDays(date, day));
  const legsFrom = new Map<string, Leg[]>();
  for (const flight of onward) {
    for (const day of secondDates) {
      if (!operatesOn(flight, isoWeekday(day))) continue;
      const legs = legsFrom.get(flight.departure_airport) ?? [];
      legs.push(legOn(flight, day, cabin));
      legsFrom.set(flight.departure_airport, legs);
    }
  }
  const connections: Leg[][] = [];
  for (const first of departing) {
    if (endpoints.has(first.arrival_airport)) continue;
    const leg1 = legOn(first, date, cabin);
    const hub = airportByCode(first.arrival_airport)!;
    for (const nextAirport of sameCityAirports(hub.code)) {
      const earliest = leg1.arrives + minimumConnection(hub, nextAirport) * 60_000;
      const latest = leg1.arrives + connectionRules.maximum * 60_000;
      for (const leg2 of legsFrom.get(nextAirport.code) ?? []) {
        if (leg2.departs >= earliest && leg2.departs <= latest) connections.push([leg1, leg2]);
      }
    }
  }
  return connections;
}
