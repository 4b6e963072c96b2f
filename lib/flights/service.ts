import { resolvePlace, airportByCode, type Airport } from '../domain/airports';
import { DomainError, invalid, issueField, notFound } from '../domain/errors';
import { FlightInput, FlatFlightInput, type Flight, type FlightListQuery, type FlightView, type Schedule, type SearchQuery, salesCutoffMinutes } from '../domain/flights';
import { toCents } from '../domain/money';
import { isoWeekday, localDate } from '../domain/time';
import type { Cabin } from '../domain/aircraft';
import { DuplicateError, type Store } from '../store/store';
import { checkBookable } from './bookable';
import { airlineCodeFor, learnAirlines, registerAirline } from './airlines';
import { checkSchedule, fromFlatBody } from './schedule';
import { searchItineraries, type Itinerary } from './search';
import { seatMapOf } from './seat-map';
import { flightView } from './view';

const homeZone = 'Asia/Shanghai';

export function resolveAirports(query: string, field: string): Airport[] {
  const airports = resolvePlace(query);
  if (!airports.length) throw notFound(`Unknown airport or city "${query}"; use an IATA code (PEK) or a city name (北京 / Beijing)`, field);
  return airports;
}

/** The original flat body; a body with the schedule's own fields (`cabins`, `airline_code`) is a schedule, so its errors name the schedule's fields. */
export function isFlatFlightBody(body: unknown): boolean {
  return !(typeof body === 'object' && body !== null && ('cabins' in body || 'airline_code' in body));
}

/** The body of POST/PUT /api/flights: the full schedule, or the original flat body (its airline registered on first use). */
async function parseFlightBody(store: Store, body: unknown): Promise<Schedule> {
  const flat = isFlatFlightBody(body);
  const result = flat ? FlatFlightInput.safeParse(body) : FlightInput.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw invalid(issueField(issue), issue.message);
  }
  if (!flat) {
    await learnAirlines(store, [(result.data as FlightInput).airline_code]);
    return result.data as FlightInput;
  }
  const input = result.data as FlatFlightInput;
  return fromFlatBody(input, await registerAirline(store, input.airline, input.flight_number));
}

export function flightService(store: Store, clock: () => Date = () => new Date()) {
  const today = (tz = homeZone) => localDate(tz, clock());

  async function view(flight: Flight, date?: string): Promise<FlightView> {
    await learnAirlines(store, [flight.airline_code]);
    const day = date ?? today(airportByCode(flight.departure_airport)?.tz);
    const sold = await store.flights.seatsSold([{ flightId: flight.id, date: day }]);
    return flightView(flight, day, sold.get(`${flight.id}|${day}`));
  }

  async function existingFlight(id: number): Promise<Flight> {
    const flight = await store.flights.get(id);
    if (!flight) throw notFound(`Flight ${id} not found`, 'id');
    return flight;
  }

  const service = {
    async list(query: FlightListQuery): Promise<{ items: FlightView[]; total: number }> {
      const date = query.date ?? today();
      const airline = query.airline?.toLowerCase();
      const { items, total } = await store.flights.list({
        from: query.from ? resolveAirports(query.from, 'from').map((a) => a.code) : undefined,
        to: query.to ? resolveAirports(query.to, 'to').map((a) => a.code) : undefined,
        airlineCode: airline ? ((await airlineCodeFor(store, airline)) ?? airline.toUpperCase()) : undefined,
        status: query.status,
        weekday: query.date ? isoWeekday(query.date) : undefined,
        departAfter: query.depart_after,
        departBefore: query.depart_before,
        cabin: query.cabin,
        minFareCents: query.min_price === undefined ? undefined : toCents(query.min_price),
        maxFareCents: query.max_price === undefined ? undefined : toCents(query.max_price),
        sort: query.sort,
        skip: query.skip,
        limit: query.limit,
      });
      const sold = await store.flights.seatsSold(items.map((f) => ({ flightId: f.id, date })));
      await learnAirlines(store, items.map((f) => f.airline_code));
      return { items: items.map((f) => flightView(f, date, sold.get(`${f.id}|${date}`))), total };
    },

    async get(id: number, date?: string): Promise<FlightView> {
      return view(await existingFlight(id), date);
    },

    async getByNumber(flightNumber: string, date?: string): Promise<FlightView> {
      const flight = await store.flights.getByNumber(flightNumber.replace(/\s/g, '').toUpperCase());
      if (!flight) throw notFound(`Flight ${flightNumber} not found`, 'flight_number');
      return view(flight, date);
    },

    async search(fromQuery: string, toQuery: string, query: SearchQuery): Promise<{ date: string; itineraries: Itinerary[] }> {
      const origins = resolveAirports(fromQuery, 'from');
      const destinations = resolveAirports(toQuery, 'to');
      const originToday = today(origins[0]!.tz);
      const date = query.date ?? originToday;
      if (date < originToday) throw invalid('date', `${date} is in the past (today is ${originToday} at ${origins[0]!.code})`);
      const originCities = new Set(origins.map((a) => a.city_en));
      if (destinations.some((a) => originCities.has(a.city_en))) {
        throw invalid('to', `"${toQuery}" is in the same city as "${fromQuery}"; choose a destination in another city`);
      }
      const salesOpenUntil = clock().getTime() + salesCutoffMinutes * 60_000;
      return { date, itineraries: await searchItineraries(store, origins, destinations, date, query, salesOpenUntil) };
    },

    async create(body: unknown): Promise<FlightView> {
      const input = checkSchedule(await parseFlightBody(store, body), today());
      try {
        return await view(await store.flights.create(input, clock().toISOString()));
      } catch (error) {
        if (error instanceof DuplicateError) throw new DomainError('conflict', error.message, 'flight_number');
        throw error;
      }
    },

    async update(id: number, body: unknown): Promise<FlightView> {
      await existingFlight(id);
      const input = checkSchedule(await parseFlightBody(store, body), today());
      try {
        return await view((await store.flights.update(id, input, clock().toISOString()))!);
      } catch (error) {
        if (error instanceof DuplicateError) throw new DomainError('conflict', error.message, 'flight_number');
        throw error;
      }
    },

    /** The flight as sold on a date in a cabin; refused (naming flight_number, date or cabin) when it cannot be sold then. */
    async onSale(flightNumber: string, date: string, cabin: Cabin): Promise<FlightView> {
      const found = await service.getByNumber(flightNumber, date);
      checkBookable((await store.flights.get(found.id))!, date, cabin, clock());
      return found;
    },

    /** The seat map of a cabin on a date (default: today at the departure airport); an unknown flight is not found. */
    async seatMap(id: number, date: string | undefined, cabin: Cabin) {
      const flight = await existingFlight(id);
      return seatMapOf(store, flight, date ?? today(airportByCode(flight.departure_airport)?.tz), cabin);
    },

    count(): Promise<number> {
      return store.flights.count();
    },

    async remove(id: number): Promise<void> {
      const result = await store.flights.delete(id);
      if (result === 'not_found') throw notFound(`Flight ${id} not found`, 'id');
      if (result === 'has_bookings') {
        throw new DomainError('conflict', `Flight ${id} has bookings and cannot be deleted; set its status to cancelled instead (PUT with "status": "cancelled")`);
      }
    },
  };
  return service;
}
