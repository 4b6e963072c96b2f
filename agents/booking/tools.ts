import { createHash } from 'node:crypto';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { WriteContext } from '../../lib/bookings/service';
import { Cabin } from '../../lib/domain/aircraft';
import {
  BookingCreateInput,
  BookingListQuery,
  BookingView,
  CancellationQuoteView,
  LastNameQuery,
  SeatNumber,
} from '../../lib/domain/booking-schemas';
import { invalid } from '../../lib/domain/errors';
import { fareShare } from '../../lib/domain/fares';
import { FlightNumber, IsoDate } from '../../lib/domain/flights';
import { BookingReference } from '../../lib/domain/reference';
import { services } from '../../app/services';
import { reads, staffOnly, tool, writeMeta, writes } from '../shared/tool';

const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, 'must be 1–200 visible ASCII characters')
  .describe('A fresh unique key (e.g. a UUID) per intended write; repeat the same key with the same arguments to retry safely without a second write');

/** Reference plus a passenger's surname: how a traveller names their booking. */
const Identity = {
  reference: BookingReference,
  last_name: LastNameQuery.shape.last_name.describe('Surname of any passenger on the booking: 张, Zhang or SMITH'),
};

const Written = z.object({
  booking: BookingView,
  replayed: z.boolean().describe('true when this idempotency_key was used before: the earlier result, nothing written again'),
});

/** The booking tools write as the assistant. */
const assistant: WriteContext = { actor: 'assistant' };

/** The assistant with an idempotency key, tied by a hash to one tool and one set of arguments. */
function idempotent(tool: string, key: string, args: Record<string, unknown>): WriteContext {
  return { ...assistant, idempotency: { key, requestHash: createHash('sha256').update(`${tool}\n${JSON.stringify(args)}`).digest('hex') } };
}

/** The booking a traveller means; a wrong surname looks exactly like an unknown reference. */
async function bookingOf(reference: string, lastName: string): Promise<number> {
  return (await services()).bookings.idByReference(reference, lastName);
}

/** "北京-上海", "PEK→SHA", "Beijing to Shanghai" → the two places. */
function parseRoute(route: string): { from: string; to: string } {
  const parts = route.split(/\s*(?:→|->|–|—|-|>|\/|到|至|\bto\b)\s*/i).filter(Boolean);
  if (parts.length !== 2) throw invalid('route', `Route "${route}" should name two places, e.g. "北京-上海" or "PEK-SHA"`);
  return { from: parts[0]!, to: parts[1]! };
}

export function registerBookingTools(server: McpServer): void {
  tool(
    server,
    'create_booking',
    {
      title: 'Create booking',
      description:
        'Book flights for 1–9 passengers (at least one adult). One entry in `segments` per flight (a connection has two); ' +
        'seats are assigned automatically unless `seats` are requested. hold: true keeps the seats as a pending booking for a ' +
        `limited time (confirm it with confirm_booking); false confirms at once. Fares are charged in CNY (children ${fareShare.child * 100}%, infants ${fareShare.infant * 100}% of the adult fare). ` +
        'Only call after the user has confirmed the flights and names. idempotency_key is required: reuse it only to retry the same call. ' +
        'Example: {"passengers": [{"name": "张三"}], "segments": [{"flight_number": "CA1501", "date": "2025-12-01"}], "idempotency_key": "8f1c…"}. ' +
        'Returns the booking with its 6-character reference.',
      input: BookingCreateInput.extend({ idempotency_key: IdempotencyKey }),
      output: Written,
      annotations: writes({ destructive: false, idempotent: true }),
      meta: writeMeta({ zh: '预订成功！编号 {reference}。{booking}', en: 'Booked! Reference {reference}. {booking}' }, 'idempotency_key'),
    },
    async ({ idempotency_key, ...input }) => {
      const outcome = await (await services()).bookings.create(input, idempotent('create_booking', idempotency_key, input));
      return { booking: outcome.booking, replayed: outcome.replayed };
    },
  );

  tool(
    server,
    'get_booking',
    {
      title: 'Get booking',
      description:
        'A traveller\'s booking by its reference (PNR, e.g. "K7Q2MX") and the surname of any passenger on it. ' +
        'Shows status (pending/confirmed/cancelled), flights, seats, price in CNY and any cancellation. A wrong surname reads as "not found".',
      input: z.object(Identity).strict(),
      output: z.object(BookingView.shape),
      annotations: reads,
    },
    async ({ reference, last_name }) => (await services()).bookings.getByReference(reference, last_name),
  );

  tool(
    server,
    'get_booking_by_id',
    {
      title: 'Get booking by id (staff)',
      description: 'Staff tool: a booking by its numeric id, without a surname check. For travellers use get_booking with reference and surname.',
      input: z.object({ id: z.number().int().positive().describe('Numeric booking id') }).strict(),
      output: z.object(BookingView.shape),
      annotations: reads,
      meta: staffOnly,
    },
    async ({ id }) => (await services()).bookings.get(id),
  );

  tool(
    server,
    'find_bookings',
    {
      title: 'Find bookings',
      description:
        'Staff tool: search bookings by passenger name (fuzzy: 张三, zhang san, ZHANG/SAN), status, departure dates and route. ' +
        'All filters are optional and combine. route is "origin-destination" with cities or codes: "北京-上海", "PEK-SHA". ' +
        'Returns the newest matches first, at most `limit`.',
      input: z
        .object({
          passenger_name: BookingListQuery.shape.passenger,
          status: BookingListQuery.shape.status,
          from_date: BookingListQuery.shape.from_date,
          to_date: IsoDate.optional().describe('Segments departing on or before this date'),
          route: z.string().trim().min(3).max(120).optional().describe('origin-destination, e.g. "北京-上海" or "PEK-SHA"'),
          limit: z.number().int().min(1).max(100).default(20),
        })
        .strict(),
      output: z.object({ total: z.number().int(), bookings: z.array(BookingView) }),
      annotations: reads,
      meta: staffOnly,
    },
    async ({ passenger_name, status, from_date, to_date, route, limit }) => {
      const query = BookingListQuery.parse({ passenger: passenger_name, status, from_date, to_date, limit, ...(route ? parseRoute(route) : {}) });
      const { items, total } = await (await services()).bookings.list(query);
      return { total, bookings: items };
    },
  );

  tool(
    server,
    'change_seat',
    {
      title: 'Change seat',
      description:
        'Move one passenger to another seat on one flight of the booking. passenger and segment are 1-based positions (default 1). ' +
        'Check free seats first with the AirlineAgent get_seat_map tool; exit rows are for adults only. Example: {"reference": "K7Q2MX", "last_name": "张", "seat": "12A"}.',
      input: z
        .object({
          ...Identity,
          seat: SeatNumber.describe('Seat such as 12A'),
          passenger: z.number().int().min(1).max(9).default(1).describe('Passenger position on the booking, 1-based'),
          segment: z.number().int().min(1).max(4).default(1).describe('Flight position on the booking, 1-based'),
        })
        .strict(),
      output: z.object({ booking: BookingView }),
      annotations: writes({ destructive: true, idempotent: true }),
      meta: writeMeta({ zh: '座位已更换。{booking}', en: 'Seat changed. {booking}' }),
    },
    async ({ reference, last_name, seat, passenger, segment }) => {
      const id = await bookingOf(reference, last_name);
      const outcome = await (await services()).bookings.update(id, { seats: [{ segment, passenger, seat }] }, assistant);
      return { booking: outcome.booking };
    },
  );

  tool(
    server,
    'change_flight',
    {
      title: 'Change flight',
      description:
        'Move one flight of a booking to another flight or date on the same route (cities must match). The booking is repriced: ' +
        'fare_difference in CNY is positive when the user pays more, negative when they get money back. Call with dry_run: true first ' +
        'to quote the change without making it, tell the user, and call again with dry_run: false only after they agree. ' +
        'Example: {"reference": "K7Q2MX", "last_name": "Zhang", "new_flight_number": "MU5103", "new_date": "2025-12-02", "dry_run": true}.',
      input: z
        .object({
          ...Identity,
          new_flight_number: FlightNumber,
          new_date: IsoDate.describe('New departure date YYYY-MM-DD, local to the departure airport'),
          segment: z.number().int().min(1).max(4).default(1).describe('Which flight of the booking to move, 1-based'),
          cabin: Cabin.optional().describe('New cabin; default keeps the current one'),
          dry_run: z.boolean().default(false).describe('true: only quote the change, write nothing'),
        })
        .strict(),
      output: z.object({
        dry_run: z.boolean(),
        fare_difference: z.number().describe('CNY for the whole booking; > 0 the user pays more, < 0 they are refunded'),
        booking: BookingView.describe('The booking after the change (for a dry run: as it would be)'),
      }),
      annotations: writes({ destructive: true, idempotent: false }),
      meta: writeMeta({ zh: '改签成功。{booking}', en: 'Flight changed. {booking}' }),
      fields: { flight_number: 'new_flight_number', date: 'new_date' },
    },
    async ({ reference, last_name, new_flight_number, new_date, segment, cabin, dry_run }) => {
      const id = await bookingOf(reference, last_name);
      const { bookings } = await services();
      const change = { change_flight: { segment, flight_number: new_flight_number, date: new_date, cabin } };
      const result = dry_run ? await bookings.quoteUpdate(id, change) : await bookings.update(id, change, assistant);
      return { dry_run, fare_difference: result.fare_difference, booking: result.booking };
    },
  );

  tool(
    server,
    'quote_cancellation',
    {
      title: 'Quote cancellation',
      description:
        'What cancelling the booking now would cost: amount paid, fee and refund in CNY, and the policy rule that applies (en and zh). ' +
        'Writes nothing. Always quote before cancel_booking and tell the user the refund. The full policy is the resource policy://cancellation.',
      input: z.object(Identity).strict(),
      output: z.object(CancellationQuoteView.shape),
      annotations: reads,
    },
    async ({ reference, last_name }) => (await services()).bookings.quoteCancellation(await bookingOf(reference, last_name)),
  );

  tool(
    server,
    'cancel_booking',
    {
      title: 'Cancel booking',
      description:
        'Cancel the whole booking and release its seats; the refund follows the policy (see quote_cancellation). Cannot be undone. ' +
        'Only call after the user has seen the quote and said yes. idempotency_key is required: reuse it only to retry the same call.',
      input: z
        .object({
          ...Identity,
          reason: z.string().trim().min(1).max(500).describe('Why, in the user\'s words, e.g. "行程取消" or "plans changed"'),
          idempotency_key: IdempotencyKey,
        })
        .strict(),
      output: Written,
      annotations: writes({ destructive: true, idempotent: true }),
      meta: writeMeta({ zh: '已取消预订 {reference}。', en: 'Booking {reference} is cancelled.' }, 'idempotency_key'),
    },
    async ({ reference, last_name, reason, idempotency_key }) => {
      const id = await bookingOf(reference, last_name);
      const outcome = await (await services()).bookings.cancel(id, reason, idempotent('cancel_booking', idempotency_key, { id, reason }));
      return { booking: outcome.booking, replayed: outcome.replayed };
    },
  );

  tool(
    server,
    'confirm_booking',
    {
      title: 'Confirm booking',
      description:
        'Confirm a held (pending) booking before its hold expires (hold_expires_at), so the seats are kept. ' +
        'Confirming an already confirmed booking changes nothing; an expired hold must be booked again.',
      input: z.object(Identity).strict(),
      output: z.object({ booking: BookingView }),
      annotations: writes({ destructive: false, idempotent: true }),
      meta: writeMeta({ zh: '预订已确认。{booking}', en: 'Booking confirmed. {booking}' }),
    },
    async ({ reference, last_name }) => {
      const id = await bookingOf(reference, last_name);
      return { booking: (await (await services()).bookings.confirm(id, assistant)).booking };
    },
  );
}
