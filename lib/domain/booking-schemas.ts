import { z } from 'zod';
import { Cabin } from './aircraft';
import { FlightNumber, IsoDate, LocalTime } from './flights';
import { BookingReference } from './reference';
import { filledText } from './text';

export const PassengerTypeSchema = z.enum(['adult', 'child', 'infant']);
export const BookingStatusSchema = z.enum(['pending', 'confirmed', 'cancelled']);
export const SeatPreferenceSchema = z.enum(['window', 'aisle']);
export const SeatNumber = z
  .string()
  .trim()
  .regex(/^\d{1,2}[A-Ka-k]$/, 'must be a seat such as 12A')
  .transform((seat) => seat.toUpperCase());

const Email = z.string().trim().email().max(200);
const Phone = z.string().regex(/^\+?[\d(][\d\s()-]{3,18}[\d)]$/, 'must be a phone number');

/**
 * Letters of the scripts names are written in, as explicit BMP ranges (Latin with accents, Greek,
 * Cyrillic, kana, CJK, Hangul) plus combining marks, so the same pattern works in the server, in
 * Python's `re` and in JSON Schema validators without Unicode property escapes.
 */
const nameLetters = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u0370-\\u03FF\\u0400-\\u04FF\\u3040-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uAC00-\\uD7AF\\uF900-\\uFAFF';
export const passengerNamePattern = new RegExp(`^[${nameLetters}][${nameLetters} .'/\\u00B7-]*$`);

export const PassengerName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100)
  .regex(passengerNamePattern, 'must be a name as written on the ID (Chinese or Latin letters)')
  .describe('Name as written on the ID, Chinese or Latin: 张三, Zhang San, SMITH/JOHN');

export const PassengerInput = z
  .object({
    name: PassengerName,
    type: PassengerTypeSchema.default('adult'),
    email: Email.optional(),
    phone: Phone.optional(),
  })
  .strict();

export const SegmentInput = z
  .object({
    flight_number: FlightNumber,
    date: IsoDate.describe('Local departure date'),
    cabin: Cabin.default('economy'),
    seats: z.array(SeatNumber.nullable()).max(9).optional().describe('Requested seat per passenger, in passenger order; null or omitted = assign one'),
    seat_preference: SeatPreferenceSchema.optional().describe('Used for passengers without a requested seat'),
  })
  .strict();

export const ContactInput = z.object({ email: Email.optional(), phone: Phone.optional() }).strict();

/** POST /api/bookings (full form). */
export const BookingCreateInput = z
  .object({
    title: filledText().min(1).max(200).optional(),
    passengers: z.array(PassengerInput).min(1, 'at least one passenger').max(9, 'at most 9 passengers per booking'),
    segments: z.array(SegmentInput).min(1, 'at least one segment').max(4),
    contact: ContactInput.optional(),
    hold: z.boolean().default(false).describe('true: hold the seats as a pending booking until hold_expires_at; false: confirm at once'),
  })
  .strict()
  .meta({ id: 'BookingCreateInput' });
export type BookingCreateInput = z.output<typeof BookingCreateInput>;

const numeric = z.union([z.number(), z.string().trim().regex(/^\d+(\.\d{1,2})?$/, 'must be a number').transform(Number)]);

/** POST /api/bookings with the seed system's flat body: one passenger, one segment. */
export const FlatBookingInput = z
  .object({
    title: filledText().min(1).max(200).optional(),
    passenger_name: PassengerName,
    flight_number: FlightNumber,
    departure_date: IsoDate,
    departure_time: LocalTime.optional(),
    arrival_date: IsoDate.optional(),
    arrival_time: LocalTime.optional(),
    departure_airport: z.string().trim().optional(),
    arrival_airport: z.string().trim().optional(),
    seat_number: SeatNumber.nullable().optional(),
    price: numeric.optional().describe('Ignored: the server’s fare applies'),
    status: z.enum(['pending', 'confirmed']).optional(),
    cabin: Cabin.optional(),
  })
  .strict()
  .meta({ id: 'FlatBookingInput' });
export type FlatBookingInput = z.output<typeof FlatBookingInput>;

export const BookingCreateBody = z.union([BookingCreateInput, FlatBookingInput]).meta({ id: 'BookingCreateBody' });

/** PUT /api/bookings/{id}: the changes to make; seed flat fields are accepted too. */
export const BookingUpdateInput = z
  .object({
    title: filledText().min(1).max(200).optional(),
    contact: ContactInput.optional(),
    passengers: z
      .array(z.object({ position: z.number().int().min(1).max(9), name: PassengerName }).strict())
      .max(9)
      .optional()
      .describe('Name corrections by passenger position (1-based)'),
    seats: z
      .array(z.object({ segment: z.number().int().min(1).max(4).default(1), passenger: z.number().int().min(1).max(9).default(1), seat: SeatNumber }).strict())
      .max(36)
      .optional()
      .describe('Seat changes'),
    change_flight: z
      .object({ segment: z.number().int().min(1).max(4).default(1), flight_number: FlightNumber, date: IsoDate, cabin: Cabin.optional() })
      .strict()
      .optional()
      .describe('Move one segment to another flight or date on the same route; the fare difference is applied'),
    passenger_name: PassengerName.optional().describe('Legacy flat field: correct the first passenger’s name'),
    seat_number: SeatNumber.optional().describe('Legacy flat field: change the first passenger’s seat on the first segment'),
    flight_number: FlightNumber.optional().describe('Legacy flat field: move the first segment to this flight'),
    departure_date: IsoDate.optional().describe('Legacy flat field: move the first segment to this date'),
    status: z.enum(['confirmed', 'cancelled']).optional().describe('Legacy flat field: confirm a held booking or cancel'),
  })
  .strict()
  .meta({ id: 'BookingUpdateInput' });
export type BookingUpdateInput = z.output<typeof BookingUpdateInput>;

export const CancelInput = z.object({ reason: z.string().trim().max(500).optional() }).strict().meta({ id: 'CancelInput' });

export const BookingListQuery = z
  .object({
    status: BookingStatusSchema.optional(),
    from_date: IsoDate.optional().describe('Segments departing on or after this date'),
    to_date: IsoDate.optional(),
    from: filledText().min(1).optional().describe('Departure airport code or city'),
    to: filledText().min(1).optional(),
    flight_number: FlightNumber.optional(),
    passenger: filledText().min(1).max(100).optional().describe('Fuzzy passenger name'),
    sort: z.enum(['date']).default('date'),
    skip: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();
export type BookingListQuery = z.output<typeof BookingListQuery>;

export const ReferenceParams = z.object({ pnr: BookingReference });
export const LastNameQuery = z.object({ last_name: filledText().min(1, 'is required').max(100) }).strict();

const Money = z.number().describe('CNY');

export const BookingView = z
  .object({
    id: z.number().int(),
    reference: z.string(),
    title: z.string(),
    status: BookingStatusSchema,
    version: z.number().int(),
    currency: z.string(),
    total_price: Money,
    hold_expires_at: z.string().nullable(),
    contact: z.object({ email: z.string().nullable(), phone: z.string().nullable() }),
    passengers: z.array(z.object({ position: z.number().int(), name: z.string(), type: PassengerTypeSchema, email: z.string().nullable(), phone: z.string().nullable() })),
    segments: z.array(
      z.object({
        position: z.number().int(),
        flight_id: z.number().int(),
        flight_number: z.string(),
        airline: z.string(),
        departure_airport: z.string(),
        arrival_airport: z.string(),
        date: z.string(),
        departure_time: z.string(),
        arrival_date: z.string(),
        arrival_time: z.string(),
        cabin: Cabin,
        fare: Money.describe('Adult fare per passenger'),
        seats: z.array(z.object({ passenger: z.number().int(), name: z.string(), seat: z.string() })),
      }),
    ),
    cancellation: z.object({ cancelled_at: z.string(), reason: z.string().nullable(), fee: Money, refund: Money }).nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    passenger_name: z.string().describe('Legacy flat field: first passenger'),
    flight_number: z.string().describe('Legacy flat field: first segment'),
    departure_date: z.string(),
    departure_time: z.string(),
    arrival_date: z.string(),
    arrival_time: z.string(),
    departure_airport: z.string(),
    arrival_airport: z.string(),
    seat_number: z.string().nullable(),
    price: Money.describe('Legacy flat field: total price'),
  })
  .meta({ id: 'Booking' });
export type BookingView = z.infer<typeof BookingView>;

export const CancellationQuoteView = z
  .object({
    booking_id: z.number().int(),
    reference: z.string(),
    status: BookingStatusSchema,
    currency: z.string(),
    paid: Money,
    fee: Money,
    refund: Money,
    rule: z.string(),
    rule_zh: z.string(),
    hours_before_departure: z.number(),
  })
  .meta({ id: 'CancellationQuote' });
export type CancellationQuoteView = z.infer<typeof CancellationQuoteView>;
