import { z } from 'zod';
import { Cabin } from '../lib/domain/aircraft';
import {
  BookingCreateBody,
  BookingCreateInput,
  BookingListQuery,
  BookingUpdateInput,
  BookingView,
  CancellationQuoteView,
  CancelInput,
  FlatBookingInput,
  LastNameQuery,
  ReferenceParams,
} from '../lib/domain/booking-schemas';
import { IsoDate } from '../lib/domain/flights';
import { etagOf } from '../lib/bookings/view';
import type { WriteOutcome } from '../lib/bookings/service';
import { json, timer } from '../lib/http/app';
import type { Response } from '../lib/http/openapi/operation';
import { HistoryEntry, SeatMap, WriteHeaders } from '../lib/http/openapi/schemas';
import { parse } from '../lib/http/validate';
import { clientKey, writeContext } from '../lib/http/write-context';
import { holdMarkers, services } from '../app/services';
import { sweepHolds } from '../lib/bookings/hold-markers';
import { FlightIdParams, totalCount } from './flights';
import { serviceRoute } from './route';
import { filledText } from '../lib/domain/text';

export const BookingIdParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
export const NameParams = z.object({ passenger_name: filledText().min(1).max(100) });
export const SeatMapQuery = z.object({ date: IsoDate.optional(), cabin: Cabin.default('economy') }).strict();
export const ExportQuery = BookingListQuery.extend({ format: z.enum(['csv']).default('csv') });

const bookingWritten = { etag: 'The booking version, for If-Match', 'idempotent-replayed': '"true" when an Idempotency-Key replayed the first answer' };
const booking = (description: string): Response => ({ description, schema: BookingView, headers: bookingWritten });

/** The full body names passengers or segments; anything else is the legacy flat body. */
const isFullBooking = (body: unknown) => typeof body === 'object' && body !== null && ('passengers' in body || 'segments' in body);
const bookingBody = (body: unknown) =>
  isFullBooking(body) ? { full: parse(BookingCreateInput, body, 'body') } : { flat: parse(FlatBookingInput, body, 'body') };

function written(outcome: WriteOutcome, extraHeaders: Record<string, string> = {}, createdStatus = 201) {
  return json(outcome.booking, {
    status: outcome.status === 201 ? createdStatus : outcome.status,
    headers: {
      etag: etagOf(outcome.booking),
      ...(outcome.status === 201 ? { location: `/api/bookings/${outcome.booking.id}` } : {}),
      ...(outcome.replayed ? { 'idempotent-replayed': 'true' } : {}),
      ...extraHeaders,
    },
  });
}

serviceRoute({
  name: 'bookings-create',
  methods: ['POST'],
  path: 'bookings',
  auth: 'anonymous',
  tag: 'bookings',
  summary: 'Book or hold seats',
  description: 'The full body (passengers, segments, `hold`) or the legacy flat body (`passenger_name`, `flight_number`, `departure_date`).',
  headers: WriteHeaders.pick({ 'idempotency-key': true }),
  body: BookingCreateBody,
  parseBody: bookingBody,
  responses: {
    200: { ...booking('Created (or replayed) from the original flat body (the original API answered 200)'), headers: { ...bookingWritten, location: 'URL of the new booking' } },
    201: { ...booking('Created (or replayed) from the full body'), headers: { ...bookingWritten, location: 'URL of the new booking' } },
  },
  problems: [404, 409, 422, 429],
  handler: async ({ body, json: sent, request }, { bookings }) => {
    const ctx = { ...writeContext(request, 'passenger', sent), client: clientKey(request) };
    if (body.full) return written(await bookings.create(body.full, ctx));
    // The original flat API answered its creates with 200; its clients check for exactly that.
    return written(await bookings.createFromFlat(body.flat, ctx), {}, 200);
  },
});

serviceRoute({
  name: 'bookings-list',
  methods: ['GET'],
  path: 'bookings',
  auth: 'function',
  tag: 'bookings',
  summary: 'List bookings (staff)',
  query: BookingListQuery,
  responses: { 200: { description: 'Bookings', schema: z.array(BookingView), headers: totalCount } },
  problems: [404],
  handler: async ({ query }, { bookings }) => {
    const { items, total } = await bookings.list(query);
    return json(items, { headers: { 'x-total-count': String(total) } });
  },
});

serviceRoute({
  name: 'bookings-export',
  methods: ['GET'],
  path: 'bookings/export',
  auth: 'function',
  tag: 'bookings',
  summary: 'Export bookings as CSV (staff)',
  query: ExportQuery,
  responses: { 200: { description: 'One line per passenger and segment, UTF-8 with BOM', contentType: 'text/csv' } },
  problems: [404],
  handler: async ({ query: { format, ...filters } }, { bookings }) => {
    const csv = await bookings.exportCsv({ ...filters, limit: 1000 });
    return {
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="bookings.${format}"` },
      body: `\uFEFF${csv}`,
    };
  },
});

serviceRoute({
  name: 'bookings-get',
  methods: ['GET'],
  path: 'bookings/{id:int}',
  auth: 'function',
  tag: 'bookings',
  summary: 'Get a booking (staff)',
  params: BookingIdParams,
  responses: { 200: { description: 'The booking', schema: BookingView, headers: { etag: bookingWritten.etag } } },
  problems: [404],
  handler: async ({ params }, { bookings }) => {
    const found = await bookings.get(params.id);
    return json(found, { headers: { etag: etagOf(found) } });
  },
});

serviceRoute({
  name: 'bookings-update',
  methods: ['PUT'],
  path: 'bookings/{id:int}',
  auth: 'function',
  tag: 'bookings',
  summary: 'Change a booking: seats, flight, names, contact (staff)',
  params: BookingIdParams,
  headers: WriteHeaders,
  body: BookingUpdateInput,
  responses: { 200: { ...booking('Updated'), headers: { ...bookingWritten, 'x-fare-difference': 'Fare change in CNY (negative: refund)' } } },
  problems: [404, 409, 412, 422],
  handler: async ({ params, body, json: sent, request }, { bookings }) => {
    const outcome = await bookings.update(params.id, body, writeContext(request, 'staff', sent));
    return written(outcome, { 'x-fare-difference': String(outcome.fare_difference) });
  },
});

serviceRoute({
  name: 'bookings-delete',
  methods: ['DELETE'],
  path: 'bookings/{id:int}',
  auth: 'function',
  tag: 'bookings',
  summary: 'Cancel a booking (staff)',
  params: BookingIdParams,
  headers: WriteHeaders,
  responses: { 200: booking('Cancelled, with the fee and refund') },
  problems: [404, 409, 412],
  handler: async ({ params, request }, { bookings }) => written(await bookings.cancel(params.id, undefined, writeContext(request, 'staff'))),
});

serviceRoute({
  name: 'bookings-cancel',
  methods: ['POST'],
  path: 'bookings/{id:int}/cancel',
  auth: 'function',
  tag: 'bookings',
  summary: 'Cancel a booking with a reason (staff)',
  params: BookingIdParams,
  headers: WriteHeaders,
  body: CancelInput,
  readBody: 'optional',
  responses: { 200: booking('Cancelled, with the fee and refund') },
  problems: [404, 409, 412],
  handler: async ({ params, body, json: sent, request }, { bookings }) =>
    written(await bookings.cancel(params.id, body.reason, writeContext(request, 'staff', sent))),
});

serviceRoute({
  name: 'bookings-confirm',
  methods: ['POST'],
  path: 'bookings/{id:int}/confirm',
  auth: 'function',
  tag: 'bookings',
  summary: 'Confirm a held booking (staff)',
  params: BookingIdParams,
  headers: WriteHeaders,
  responses: { 200: booking('Confirmed') },
  problems: [404, 409, 412],
  handler: async ({ params, request }, { bookings }) => written(await bookings.confirm(params.id, writeContext(request, 'staff'))),
});

serviceRoute({
  name: 'bookings-cancellation-quote',
  methods: ['GET'],
  path: 'bookings/{id:int}/cancellation-quote',
  auth: 'function',
  tag: 'bookings',
  summary: 'What cancelling now would cost and refund (staff)',
  params: BookingIdParams,
  responses: { 200: { description: 'The quote', schema: CancellationQuoteView } },
  problems: [404, 409],
  handler: async ({ params }, { bookings }) => json(await bookings.quoteCancellation(params.id)),
});

serviceRoute({
  name: 'bookings-history',
  methods: ['GET'],
  path: 'bookings/{id:int}/history',
  auth: 'function',
  tag: 'bookings',
  summary: 'Every change made to a booking (staff)',
  params: BookingIdParams,
  responses: { 200: { description: 'History, oldest first', schema: z.array(HistoryEntry) } },
  problems: [404],
  handler: async ({ params }, { bookings }) => json(await bookings.history(params.id)),
});

serviceRoute({
  name: 'bookings-search',
  methods: ['GET'],
  path: 'bookings/search/{passenger_name}',
  auth: 'function',
  tag: 'bookings',
  summary: 'Find bookings by passenger name (staff)',
  params: NameParams,
  responses: { 200: { description: 'Bookings', schema: z.array(BookingView) } },
  handler: async ({ params }, { bookings }) => json(await bookings.searchByName(params.passenger_name)),
});

serviceRoute({
  name: 'bookings-by-reference',
  methods: ['GET'],
  path: 'bookings/reference/{pnr}',
  auth: 'anonymous',
  tag: 'bookings',
  summary: 'Look up a booking by reference and last name',
  params: ReferenceParams,
  query: LastNameQuery,
  fieldNames: { reference: 'params.pnr' },
  responses: { 200: { description: 'The booking', schema: BookingView, headers: { etag: bookingWritten.etag } } },
  problems: [404],
  handler: async ({ params, query }, { bookings }) => {
    const found = await bookings.getByReference(params.pnr, query.last_name);
    return json(found, { headers: { etag: etagOf(found), 'cache-control': 'no-store' } });
  },
});

serviceRoute({
  name: 'flights-seats',
  methods: ['GET'],
  path: 'flights/{id:int}/seats',
  auth: 'anonymous',
  tag: 'flights',
  summary: 'Seat map of a flight on a date',
  params: FlightIdParams,
  query: SeatMapQuery,
  responses: { 200: { description: 'Rows of seats with availability', schema: SeatMap } },
  problems: [404, 422],
  handler: async ({ params, query }, { flights }) => json(await flights.seatMap(params.id, query.date, query.cabin)),
});

timer('release-expired-holds', {
  schedule: '%HOLD_RELEASE_SCHEDULE%',
  // The database only while a hold may be open (hold markers in Table Storage): an idle app lets Azure SQL pause.
  handler: async (_timer, context) => {
    const released = await sweepHolds(holdMarkers(), async () => (await services()).bookings, () => new Date());
    if (released) context.log(`Released ${released} expired booking holds`);
  },
});
