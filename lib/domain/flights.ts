import { z } from 'zod';
import { AircraftTypeSchema, Cabin } from './aircraft';
import { AirportCode } from './airports';
import { isValidDate } from './time';
import { filledText } from './text';

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a calendar date YYYY-MM-DD')
  .refine(isValidDate, 'must be a calendar date YYYY-MM-DD')
  .meta({ format: 'date' })
  .describe('Date as YYYY-MM-DD, local to the departure airport');

export const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'must be a time HH:MM or HH:MM:SS')
  .transform((time) => time.slice(0, 5))
  .describe('Local time HH:MM (seconds accepted and ignored)');

export const FlightNumber = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{2}[A-Za-z]{0,2}\s?\d{1,4}$/, 'must be an airline code and 1–4 digits, e.g. CA1001 (up to two more letters allowed, e.g. TEST001)')
  .transform((number) => number.replace(/\s/g, '').toUpperCase())
  .describe('Flight number: airline IATA code and digits, e.g. CA1001; the original API’s TEST001 form is accepted too');

export const FlightStatus = z.enum(['active', 'cancelled']);
export type FlightStatus = z.infer<typeof FlightStatus>;

export const FareAndCapacity = z
  .object({
    fare: z.number().positive().max(1_000_000).describe('Fare per passenger in CNY'),
    capacity: z.number().int().min(0).max(1000).describe('Seats for sale in this cabin'),
  })
  .strict();
export type FareAndCapacity = z.infer<typeof FareAndCapacity>;

export const CabinFares = z
  .object({ economy: FareAndCapacity, business: FareAndCapacity.optional(), first: FareAndCapacity.optional() })
  .strict();
export type CabinFares = z.infer<typeof CabinFares>;

const weekday = z.number().int().min(1).max(7);

/** The full flight schedule body (POST/PUT /api/flights). */
export const FlightInput = z
  .object({
    flight_number: FlightNumber,
    airline_code: z.string().regex(/^[A-Za-z0-9]{2}$/, 'must be a 2-character IATA airline code').transform((c) => c.toUpperCase()),
    departure_airport: AirportCode,
    arrival_airport: AirportCode,
    departure_time: LocalTime,
    arrival_time: LocalTime,
    arrival_day_offset: z.number().int().min(0).max(2).default(0).describe('1 when the flight lands the next local day'),
    days_of_operation: z.array(weekday).min(1).max(7).default([1, 2, 3, 4, 5, 6, 7]).describe('ISO weekdays the flight operates, 1 = Monday'),
    aircraft_type: AircraftTypeSchema,
    status: FlightStatus.default('active'),
    cabins: CabinFares,
  })
  .strict()
  .meta({ id: 'FlightInput' });
export type FlightInput = z.output<typeof FlightInput>;

/** A schedule to store: the full body, or the original flat body whose aircraft may be free text. */
export type Schedule = Omit<FlightInput, 'aircraft_type'> & { aircraft_type: string };

/** A positive amount as a number or as the original API's decimal text ("599.00"); the pattern says so in the document too. */
const positiveAmount = z.union([
  z.number().positive().max(1_000_000),
  z.string().regex(/^\s*(?!0+(\.0+)?\s*$)\d{1,7}(\.\d{1,2})?\s*$/, 'must be a positive amount such as 599.00').transform(Number),
]);

/** The legacy system's flat flight body: `price` is the economy fare, `available_seats` the economy capacity. */
export const FlatFlightInput = z
  .object({
    flight_number: FlightNumber,
    airline: filledText().min(1).max(50).describe('Airline name (zh or en) or IATA code; an unknown name is registered on first use under the flight number’s first two characters'),
    departure_airport: AirportCode,
    arrival_airport: AirportCode,
    departure_time: LocalTime,
    arrival_time: LocalTime,
    price: positiveAmount.pipe(z.number().positive().max(1_000_000)),
    available_seats: z.number().int().min(0).max(1000).default(150),
    aircraft_type: z
      .string()
      .trim()
      .max(50)
      .nullable()
      .optional()
      .describe('Free text: common names (Airbus A320, 波音737-800, B738) map to a known type; others get a generic seat map'),
    status: FlightStatus.default('active'),
  })
  .strict()
  .meta({ id: 'FlatFlightInput' });
export type FlatFlightInput = z.output<typeof FlatFlightInput>;

export const FlightCreateBody = z.union([FlightInput, FlatFlightInput]).meta({ id: 'FlightCreateBody' });

/** A flight schedule as stored. */
export interface Flight {
  id: number;
  flight_number: string;
  airline_code: string;
  departure_airport: string;
  arrival_airport: string;
  departure_time: string;
  arrival_time: string;
  arrival_day_offset: number;
  duration_minutes: number;
  days_of_operation: number[];
  /** A known type (its seat map) or the original API's free text (a generic map). */
  aircraft_type: string;
  status: FlightStatus;
  cabins: CabinFares;
  created_at: string;
  updated_at: string;
}

export type SeatsSold = Partial<Record<Cabin, number>>;

/** Sales close this many minutes before departure (check-in closes then); such flights are neither offered nor sold. */
export const salesCutoffMinutes = 45;

export function operatesOn(flight: Pick<Flight, 'days_of_operation'>, weekday: number): boolean {
  return flight.days_of_operation.includes(weekday);
}

export function seatsLeft(flight: Pick<Flight, 'cabins'>, cabin: Cabin, sold: SeatsSold): number {
  const capacity = flight.cabins[cabin]?.capacity ?? 0;
  return Math.max(0, capacity - (sold[cabin] ?? 0));
}

const CabinView = z.object({ fare: z.number(), capacity: z.number().int(), seats_left: z.number().int() });

/** The flight resource: the schedule, its seats on one date, and the legacy flat fields. */
export const FlightView = z
  .object({
    id: z.number().int(),
    flight_number: z.string(),
    airline: z.string().describe('Airline name in Chinese (seed field)'),
    airline_code: z.string(),
    airline_name_en: z.string(),
    departure_airport: z.string(),
    arrival_airport: z.string(),
    departure_city: z.string(),
    arrival_city: z.string(),
    departure_time: z.string().describe('Local departure time HH:MM:SS (seed format)'),
    arrival_time: z.string().describe('Local arrival time HH:MM:SS (seed format)'),
    arrival_day_offset: z.number().int(),
    duration_minutes: z.number().int(),
    days_of_operation: z.array(z.number().int()),
    aircraft_type: z.string(),
    status: FlightStatus,
    currency: z.string(),
    date: z.string().describe('The date the seat counts are for'),
    cabins: z.object({ economy: CabinView, business: CabinView.optional(), first: CabinView.optional() }),
    price: z.number().describe('Economy fare (seed field)'),
    available_seats: z.number().int().describe('Economy seats left on `date` (seed field)'),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Flight' });
export type FlightView = z.infer<typeof FlightView>;

const limit = z.coerce.number().int().min(1).max(1000).default(100);
const skip = z.coerce.number().int().min(0).default(0);

export const FlightSort = z.enum(['price', 'departure_time', 'duration']);

export const FlightListQuery = z
  .object({
    from: filledText().min(1).optional().describe('Departure airport code or city (zh/en)'),
    to: filledText().min(1).optional().describe('Arrival airport code or city (zh/en)'),
    date: IsoDate.optional().describe('Date for operating days and seats left (default today)'),
    airline: filledText().min(1).optional().describe('Airline code or name'),
    min_price: z.coerce.number().min(0).optional(),
    max_price: z.coerce.number().min(0).optional(),
    depart_after: LocalTime.optional(),
    depart_before: LocalTime.optional(),
    cabin: Cabin.optional().describe('Only flights with this cabin; prices are that cabin’s'),
    status: FlightStatus.optional(),
    sort: FlightSort.optional(),
    skip,
    limit,
  })
  .strict();
export type FlightListQuery = z.output<typeof FlightListQuery>;

/** Counts of a search: `number` is z.number() where arguments are JSON (MCP), z.coerce.number() in a query string. */
const partySize = (number: z.ZodNumber | z.ZodCoercedNumber) => number.int().min(1).max(9).default(1).describe('Travellers in the party, 1–9');
const maxStops = (number: z.ZodNumber | z.ZodCoercedNumber) => number.int().min(0).max(1).default(1).describe('0 = direct flights only');

export const SearchQuery = z
  .object({
    date: IsoDate.optional().describe('Travel date (default today at the origin)'),
    cabin: Cabin.default('economy'),
    passengers: partySize(z.coerce.number()),
    max_stops: maxStops(z.coerce.number()),
    depart_after: LocalTime.optional(),
    depart_before: LocalTime.optional(),
    sort: FlightSort.default('departure_time'),
  })
  .strict();
export type SearchQuery = z.output<typeof SearchQuery>;

/** The search as JSON arguments (MCP tools): counts are JSON numbers, so "2" is refused rather than read as 2. */
export const SearchArguments = SearchQuery.extend({ passengers: partySize(z.number()), max_stops: maxStops(z.number()) });

/** DELETE /api/flights/{id}: the JSON message the original API answered with. */
export const DeletedMessage = z.object({ message: z.string(), id: z.number().int() }).meta({ id: 'DeletedMessage' });
