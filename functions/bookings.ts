import { z } from 'zod';
import { Cabin } from '../lib/domain/aircraft';
import {
  BookingCreateInput,
  BookingListQuery,
  BookingUpdateInput,
  CancelInput,
  LastNameQuery,
  ReferenceParams,
  FlatBookingInput,
} from '../lib/domain/booking-schemas';
import { IsoDate } from '../lib/domain/flights';
import { etagOf } from '../lib/bookings/view';
import type { WriteOutcome } from '../lib/bookings/service';
import { http, json, timer } from '../lib/http/app';
import { parse, parseParams, parseQuery, readJson } from '../lib/http/validate';
import { writeContext } from '../lib/http/write-context';
import { services } from '../app/services';
import { FlightIdParams } from './flights';

export const BookingIdParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
export const NameParams = z.object({ passenger_name: z.string().trim().min(1).max(100) });
export const SeatMapQuery = z.object({ date: IsoDate.optional(), cabin: Cabin.default('economy') }).strict();
export const ExportQuery = BookingListQuery.extend({ format: z.enum(['csv']).default('csv') });

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

http('bookings-create', {
  methods: ['POST'],
  route: 'bookings',
  authLevel: 'anonymous',
  handler: async (request) => {
    const body = await readJson(request);
    const ctx = writeContext(request, 'passenger', body);
    const { bookings } = await services();
    const isFull = typeof body === 'object' && body !== null && ('passengers' in body || 'segments' in body);
    const outcome = isFull
      ? await bookings.create(parse(BookingCreateInput, body, 'body'), ctx)
      : await bookings.createFromFlat(parse(FlatBookingInput, body, 'body'), ctx);
    // The original flat API answered its creates with 200; its clients check for exactly that.
    return written(outcome, {}, isFull ? 201 : 200);
  },
});

http('bookings-list', {
  methods: ['GET'],
  route: 'bookings',
  authLevel: 'function',
  handler: async (request) => {
    const { items, total } = await (await services()).bookings.list(parseQuery(BookingListQuery, request));
    return json(items, { headers: { 'x-total-count': String(total) } });
  },
});

http('bookings-export', {
  methods: ['GET'],
  route: 'bookings/export',
  authLevel: 'function',
  handler: async (request) => {
    const { format, ...filters } = parseQuery(ExportQuery, request);
    const csv = await (await services()).bookings.exportCsv({ ...filters, limit: 1000 });
    return {
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="bookings.${format}"` },
      body: `\uFEFF${csv}`,
    };
  },
});

http('bookings-get', {
  methods: ['GET'],
  route: 'bookings/{id:int}',
  authLevel: 'function',
  handler: async (request) => {
    const { id } = parseParams(BookingIdParams, request);
    const booking = await (await services()).bookings.get(id);
    return json(booking, { headers: { etag: etagOf(booking) } });
  },
});

http('bookings-update', {
  methods: ['PUT'],
  route: 'bookings/{id:int}',
  authLevel: 'function',
  handler: async (request) => {
    const { id } = parseParams(BookingIdParams, request);
    const body = await readJson(request);
    const input = parse(BookingUpdateInput, body, 'body');
    const outcome = await (await services()).bookings.update(id, input, writeContext(request, 'staff', body));
    return written(outcome, { 'x-fare-difference': String(outcome.fare_difference) });
  },
});

http('bookings-delete', {
  methods: ['DELETE'],
  route: 'bookings/{id:int}',
  authLevel: 'function',
  handler: async (request) => {
    const { id } = parseParams(BookingIdParams, request);
    return written(await (await services()).bookings.cancel(id, undefined, writeContext(request, 'staff')));
  },
});

http('bookings-cancel', {
  methods: ['POST'],
  route: 'bookings/{id:int}/cancel',
  authLevel: 'function',
  handler: async (request) => {
    const { id } = parseParams(BookingIdParams, request);
    const body = request.headers.get('content-length') === '0' || !request.body ? {} : await readJson(request);
    const { reason } = parse(CancelInput, body, 'body');
    return written(await (await services()).bookings.cancel(id, reason, writeContext(request, 'staff', body)));
  },
});

http('bookings-confirm', {
  methods: ['POST'],
  route: 'bookings/{id:int}/confirm',
  authLevel: 'function',
  handler: async (request) => {
    const { id } = parseParams(BookingIdParams, request);
    return written(await (await services()).bookings.confirm(id, writeContext(request, 'staff')));
  },
});

http('bookings-cancellation-quote', {
  methods: ['GET'],
  route: 'bookings/{id:int}/cancellation-quote',
  authLevel: 'function',
  handler: async (request) => {
    const { id } = parseParams(BookingIdParams, request);
    return json(await (await services()).bookings.quoteCancellation(id));
  },
});

http('bookings-history', {
  methods: ['GET'],
  route: 'bookings/{id:int}/history',
  authLevel: 'function',
  handler: async (request) => {
    const { id } = parseParams(BookingIdParams, request);
    return json(await (await services()).bookings.history(id));
  },
});

http('bookings-search', {
  methods: ['GET'],
  route: 'bookings/search/{passenger_name}',
  authLevel: 'function',
  handler: async (request) => {
    const { passenger_name } = parseParams(NameParams, request);
    return json(await (await services()).bookings.searchByName(passenger_name));
  },
});

http('bookings-by-reference', {
  methods: ['GET'],
  route: 'bookings/reference/{pnr}',
  authLevel: 'anonymous',
  handler: async (request) => {
    const { pnr } = parseParams(ReferenceParams, request);
    const { last_name } = parseQuery(LastNameQuery, request);
    const booking = await (await services()).bookings.getByReference(pnr, last_name);
    return json(booking, { headers: { etag: etagOf(booking), 'cache-control': 'no-store' } });
  },
});

http('flights-seats', {
  methods: ['GET'],
  route: 'flights/{id:int}/seats',
  authLevel: 'anonymous',
  handler: async (request) => {
    const { id } = parseParams(FlightIdParams, request);
    const { date, cabin } = parseQuery(SeatMapQuery, request);
    const { flights, bookings, store } = await services();
    const flight = await store.flights.get(id);
    const day = date ?? (await flights.get(id)).date;
    return json(await bookings.seatMap(flight!, day, cabin));
  },
});

timer('release-expired-holds', {
  schedule: '%HOLD_RELEASE_SCHEDULE%',
  handler: async (_timer, context) => {
    const released = await (await services()).bookings.releaseExpiredHolds();
    if (released) context.log(`Released ${released} expired booking holds`);
  },
});
