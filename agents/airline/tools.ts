import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { Cabin } from '../../lib/domain/aircraft';
import { Airport, searchAirports } from '../../lib/domain/airports';
import { invalid } from '../../lib/domain/errors';
import { FlightNumber, FlightView, IsoDate, SearchArguments, SearchQuery } from '../../lib/domain/flights';
import { SeatMap } from '../../lib/http/openapi/schemas';
import { Preference, Recommendation, recommend } from '../../lib/flights/recommend';
import { Itinerary } from '../../lib/flights/search';
import { services } from '../../app/services';
import { Place } from '../shared/schemas';
import { reads, tool } from '../shared/tool';

const TravelDate = IsoDate.describe('Travel date YYYY-MM-DD, local to the departure airport; today or later');
const CabinArg = Cabin.default('economy');

export function registerAirlineTools(server: McpServer): void {
  tool(
    server,
    'list_airports',
    {
      title: 'List airports',
      description:
        'Find airports by IATA code, city or airport name in Chinese or English, e.g. "PEK", "上海", "Shanghai", "浦东", "Hongqiao". ' +
        'A city returns all its airports (北京 → PEK and PKX). Without a query, lists every airport served. ' +
        'Use it to turn what the user said into airport codes, or to check a place is served; an empty list means no match.',
      input: z.object({ query: z.string().trim().max(60).optional().describe('Code, city or airport name (zh/en); omit to list all') }).strict(),
      output: z.object({ count: z.number().int(), airports: z.array(Airport) }),
      annotations: reads,
    },
    async ({ query }) => {
      const airports = searchAirports(query);
      return { count: airports.length, airports };
    },
  );

  tool(
    server,
    'search_flights',
    {
      title: 'Search flights',
      description:
        'Search direct flights and one-stop connections between two places on a date, with seats for the whole party. ' +
        'origin/destination accept cities or airports in Chinese or English (北京, Shanghai, PVG). ' +
        'Fares are in CNY: fare_per_passenger and total_fare (whole party). Times are local to each airport, durations in minutes. ' +
        'Example: {"origin": "北京", "destination": "上海", "date": "2025-12-01", "passengers": 2, "depart_after": "08:00"}. ' +
        'Returns at most `limit` itineraries (total says how many matched); book one with the BookingAgent create_booking tool, ' +
        'one segment per entry of `segments`.',
      input: SearchArguments.extend({
        origin: Place,
        destination: Place,
        date: TravelDate,
        limit: z.number().int().min(1).max(50).default(10).describe('Most itineraries to return (default 10)'),
      }),
      output: z.object({ date: z.string(), total: z.number().int(), itineraries: z.array(Itinerary) }),
      annotations: reads,
      fields: { from: 'origin', to: 'destination' },
    },
    async ({ origin, destination, limit, ...query }) => {
      const { date, itineraries } = await (await services()).flights.search(origin, destination, query);
      return { date, total: itineraries.length, itineraries: itineraries.slice(0, limit) };
    },
  );

  tool(
    server,
    'get_flight',
    {
      title: 'Get flight',
      description:
        'Details of one flight: schedule (local times, duration in minutes, ISO weekdays it operates, 1 = Monday), aircraft, ' +
        'and per cabin the fare in CNY and seats left on `date` (default today). Give flight_number (e.g. "CA1501") or the numeric id, not both.',
      input: z
        .object({
          flight_number: FlightNumber.optional(),
          id: z.number().int().positive().optional().describe('Numeric flight id, as in search results (flight_id)'),
          date: IsoDate.optional().describe('Date for the seat counts, YYYY-MM-DD (default today)'),
        })
        .strict(),
      output: z.object(FlightView.shape),
      annotations: reads,
    },
    async ({ flight_number, id, date }) => {
      const { flights } = await services();
      if (flight_number !== undefined && id === undefined) return flights.getByNumber(flight_number, date);
      if (id !== undefined && flight_number === undefined) return flights.get(id, date);
      throw invalid('flight_number', 'Give exactly one of flight_number or id');
    },
  );

  tool(
    server,
    'check_availability',
    {
      title: 'Check availability',
      description:
        'Whether a flight can be booked on a date in a cabin: seats left and the fare per passenger in CNY. ' +
        'Fails with a reason when the date is past, the flight does not operate that weekday, is cancelled, or has no such cabin. ' +
        'Example: {"flight_number": "MU5101", "date": "2025-12-01", "cabin": "business"}.',
      input: z.object({ flight_number: FlightNumber, date: TravelDate, cabin: CabinArg }).strict(),
      output: z.object({
        flight_number: z.string(),
        date: z.string(),
        cabin: Cabin,
        available: z.boolean().describe('At least one seat left'),
        seats_left: z.number().int(),
        fare: z.number().describe('Adult fare per passenger in CNY'),
        currency: z.string(),
        departure_airport: z.string(),
        arrival_airport: z.string(),
        departure_time: z.string(),
        arrival_time: z.string(),
      }),
      annotations: reads,
    },
    async ({ flight_number, date, cabin }) => {
      const view = await (await services()).flights.onSale(flight_number, date, cabin);
      const seats = view.cabins[cabin]!;
      return {
        flight_number: view.flight_number,
        date,
        cabin,
        available: seats.seats_left > 0,
        seats_left: seats.seats_left,
        fare: seats.fare,
        currency: view.currency,
        departure_airport: view.departure_airport,
        arrival_airport: view.arrival_airport,
        departure_time: view.departure_time,
        arrival_time: view.arrival_time,
      };
    },
  );

  tool(
    server,
    'get_seat_map',
    {
      title: 'Get seat map',
      description:
        'The seat map of one cabin of a flight on a date: rows front to back, each seat with its position (window/aisle/middle), ' +
        'whether it is an exit row (adults only) and whether it is available. Use it before change_seat or to offer seats when booking.',
      input: z.object({ flight_number: FlightNumber, date: TravelDate, cabin: CabinArg }).strict(),
      output: z.object(SeatMap.shape),
      annotations: reads,
    },
    async ({ flight_number, date, cabin }) => {
      const { flights } = await services();
      return flights.seatMap((await flights.onSale(flight_number, date, cabin)).id, date, cabin);
    },
  );

  tool(
    server,
    'recommend_flights',
    {
      title: 'Recommend flights',
      description:
        'Rank the best itineraries (at most 5) between two places on a date for one preference, each with a short reason in ' +
        'English and Chinese. Deterministic ranking, not a guess. Preferences: cheapest, fastest, earliest, latest, morning, ' +
        'afternoon, evening, direct_only. Map the user\'s words: 便宜/省钱 → cheapest, 快/省时间 → fastest, 早上/上午 → morning, ' +
        '直飞 → direct_only. Example: {"origin": "广州", "destination": "成都", "date": "2025-12-01", "preference": "morning"}.',
      input: z
        .object({
          origin: Place,
          destination: Place,
          date: TravelDate,
          preference: Preference,
          cabin: CabinArg,
          passengers: SearchArguments.shape.passengers,
        })
        .strict(),
      output: z.object({ date: z.string(), preference: Preference, considered: z.number().int(), recommendations: z.array(Recommendation) }),
      annotations: reads,
      fields: { from: 'origin', to: 'destination' },
    },
    async ({ origin, destination, date, preference, cabin, passengers }) => {
      const query = SearchQuery.parse({ date, cabin, passengers, max_stops: preference === 'direct_only' ? 0 : 1, sort: 'price' });
      const { itineraries } = await (await services()).flights.search(origin, destination, query);
      return { date, preference, considered: itineraries.length, recommendations: recommend(itineraries, preference) };
    },
  );
}
