import type { HttpMethod } from '@azure/functions';
import { JSONRPCErrorSchema, JSONRPCMessageSchema, JSONRPCResponseSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { AirportQuery } from '../../../functions/airports';
import { ConversationParams } from '../../../functions/assistant';
import { BookingIdParams, ExportQuery, NameParams, SeatMapQuery } from '../../../functions/bookings';
import { DateQuery, FlightIdParams, FlightNumberParams, RouteParams } from '../../../functions/flights';
import { ChatBody, ConfirmBody, MessageBody } from '../../ai/conversation';
import { Airport } from '../../domain/airports';
import {
  BookingCreateBody,
  BookingListQuery,
  BookingUpdateInput,
  BookingView,
  CancellationQuoteView,
  CancelInput,
  LastNameQuery,
  ReferenceParams,
} from '../../domain/booking-schemas';
import { DeletedMessage, FlightCreateBody, FlightListQuery, FlightView, SearchQuery } from '../../domain/flights';
import { Itinerary } from '../../flights/search';
import { Conversation, Health, HistoryEntry, McpHeaders, SeatMap, Stats, TurnResult, WriteHeaders } from './schemas';

export interface Response {
  description: string;
  /** The body's schema (as the handler returns it); JSON unless `contentType` says otherwise. */
  schema?: z.ZodType;
  /** For bodies that are not JSON: text/csv, text/html … */
  contentType?: string;
  /** Response headers worth knowing, with what they mean. */
  headers?: Record<string, string>;
}

/**
 * How one registered HTTP function is documented. The path, methods and security come from its
 * registration; 400 (when it takes input), 401 (when it needs a key), 413/415 (when it takes a
 * body) and a default problem+json response are added for every operation.
 */
export interface Operation {
  tag: string;
  summary: string;
  description?: string;
  /** Route parameters, by the names in the route template. */
  params?: z.ZodType;
  query?: z.ZodType;
  headers?: z.ZodType;
  /** JSON request body (POST, PUT, PATCH). */
  body?: z.ZodType;
  responses: Record<number, Response>;
  /** Other problem+json statuses this operation answers with: 404, 409, 412, 422 … */
  problems?: number[];
  /** For a function registered with several methods: what differs for one of them. */
  methods?: Partial<Record<HttpMethod, Partial<Omit<Operation, 'methods'>>>>;
}

const totalCount = { 'x-total-count': 'Number of matches before skip/limit' };
const bookingWritten = { etag: 'The booking version, for If-Match', 'idempotent-replayed': '"true" when an Idempotency-Key replayed the first answer' };
const mcp = (agent: string): Operation => ({
  tag: 'mcp',
  summary: `MCP server: ${agent} (JSON-RPC over Streamable HTTP, stateless)`,
  description: `One JSON-RPC message per POST: initialize, tools/list (the tools and their argument schemas), tools/call. Send \`accept: application/json, text/event-stream\`; answers are JSON.`,
  headers: McpHeaders,
  body: JSONRPCMessageSchema,
  responses: {
    200: { description: 'The JSON-RPC response (a result or an error)', schema: JSONRPCResponseSchema },
    202: { description: 'A notification or response was accepted; no body' },
    400: { description: 'Not a valid JSON-RPC message, or a batch', schema: JSONRPCErrorSchema },
    403: { description: 'Origin not allowed (MCP_ALLOWED_ORIGINS)', schema: JSONRPCErrorSchema },
    406: { description: 'The accept header does not allow both application/json and text/event-stream', schema: JSONRPCErrorSchema },
  },
  methods: Object.fromEntries(
    (['GET', 'DELETE'] as const).map((method) => [
      method,
      { summary: `Not supported by the stateless ${agent} MCP server`, description: 'No SSE stream and no sessions: POST only.', headers: undefined, body: undefined, responses: { 405: { description: 'Method not allowed', schema: JSONRPCErrorSchema, headers: { allow: 'POST' } } } },
    ]),
  ),
});
const booking = (description: string): Response => ({ description, schema: BookingView, headers: bookingWritten });

/** The assistant's operations, the same for the traveller's and the agent desk's routes (function names start with `prefix`). */
const assistantOperations = (prefix: string, audience: string): Record<string, Operation> => {
  const table: Record<string, Operation> = {
    'conversation-create': {
      tag: 'assistant',
      summary: 'Start a conversation with the booking assistant',
      responses: { 201: { description: 'The new conversation', schema: Conversation, headers: { location: 'URL of the conversation' } } },
    },
    'conversation-get': {
      tag: 'assistant',
      summary: 'A conversation: transcript, pending proposal',
      params: ConversationParams,
      responses: { 200: { description: 'The conversation', schema: Conversation } },
      problems: [404, 410],
    },
    'conversation-message': {
      tag: 'assistant',
      summary: 'Send a message (zh or en) and get the reply',
      description: 'e.g. 「帮我预订明天早上从北京到上海的航班，乘客张三」. A write is only proposed; it happens after POST …/confirm.',
      params: ConversationParams,
      body: MessageBody,
      responses: { 200: { description: 'The reply', schema: TurnResult } },
      problems: [404, 410, 503],
    },
    'conversation-confirm': {
      tag: 'assistant',
      summary: 'Accept or decline the pending proposal',
      params: ConversationParams,
      body: ConfirmBody,
      responses: { 200: { description: 'The outcome', schema: TurnResult } },
      problems: [404, 410, 503],
    },
    chat: {
      tag: 'assistant',
      summary: 'One-call chat: starts a conversation unless conversation_id is given',
      body: ChatBody,
      responses: { 200: { description: 'The reply', schema: TurnResult.extend({ conversation_id: z.string() }) } },
      problems: [404, 410, 503],
    },
  };
  return Object.fromEntries(Object.entries(table).map(([name, operation]) => [`${prefix}-${name}`, { ...operation, summary: operation.summary + audience }]));
};

/** One entry per registered HTTP function, keyed by its name. */
export const operations: Record<string, Operation> = {
  // flights
  'flights-list': {
    tag: 'flights',
    summary: 'List flights',
    description: 'Flight schedules with seats left on `date`, filtered by route, airline, price, departure window, cabin and status.',
    query: FlightListQuery,
    responses: { 200: { description: 'Flights', schema: z.array(FlightView), headers: totalCount } },
  },
  'flights-get': {
    tag: 'flights',
    summary: 'Get a flight by id',
    params: FlightIdParams,
    query: DateQuery,
    responses: { 200: { description: 'The flight with its seats left on `date`', schema: FlightView } },
    problems: [404],
  },
  'flights-by-number': {
    tag: 'flights',
    summary: 'Get a flight by flight number',
    params: FlightNumberParams,
    query: DateQuery,
    responses: { 200: { description: 'The flight with its seats left on `date`', schema: FlightView } },
    problems: [404],
  },
  'flights-search': {
    tag: 'flights',
    summary: 'Search itineraries between two cities or airports',
    description: '`from` and `to` take IATA codes or city names in Chinese or English (北京, Shanghai). Direct flights and one-stop connections.',
    params: RouteParams,
    query: SearchQuery,
    responses: {
      200: { description: 'Itineraries', schema: z.array(Itinerary), headers: { ...totalCount, 'x-search-date': 'The date searched' } },
    },
    problems: [404, 422],
  },
  'flights-seats': {
    tag: 'flights',
    summary: 'Seat map of a flight on a date',
    params: FlightIdParams,
    query: SeatMapQuery,
    responses: { 200: { description: 'Rows of seats with availability', schema: SeatMap } },
    problems: [404, 422],
  },
  'flights-create': {
    tag: 'flights',
    summary: 'Create a flight schedule (staff)',
    description: 'The full schedule body, or the legacy flat body (`price`, `available_seats`).',
    body: FlightCreateBody,
    responses: {
      200: { description: 'Created from the original flat body (the original API answered 200)', schema: FlightView, headers: { location: 'URL of the new flight' } },
      201: { description: 'Created from the full schedule body', schema: FlightView, headers: { location: 'URL of the new flight' } },
    },
    problems: [409, 422],
  },
  'flights-update': {
    tag: 'flights',
    summary: 'Replace a flight schedule (staff)',
    params: FlightIdParams,
    body: FlightCreateBody,
    responses: { 200: { description: 'Updated', schema: FlightView } },
    problems: [404, 409, 422],
  },
  'flights-delete': {
    tag: 'flights',
    summary: 'Delete a flight without bookings (staff)',
    params: FlightIdParams,
    responses: { 200: { description: 'Deleted (a JSON message, as the original API answered)', schema: DeletedMessage } },
    problems: [404, 409],
  },
  'airports-list': {
    tag: 'flights',
    summary: 'Find airports by code, city or name',
    query: AirportQuery,
    responses: { 200: { description: 'Airports', schema: z.array(Airport) } },
  },

  // bookings
  'bookings-create': {
    tag: 'bookings',
    summary: 'Book or hold seats',
    description: 'The full body (passengers, segments, `hold`) or the legacy flat body (`passenger_name`, `flight_number`, `departure_date`).',
    headers: WriteHeaders.pick({ 'idempotency-key': true }),
    body: BookingCreateBody,
    responses: {
      200: { ...booking('Created (or replayed) from the original flat body (the original API answered 200)'), headers: { ...bookingWritten, location: 'URL of the new booking' } },
      201: { ...booking('Created (or replayed) from the full body'), headers: { ...bookingWritten, location: 'URL of the new booking' } },
    },
    problems: [404, 409, 422],
  },
  'bookings-list': {
    tag: 'bookings',
    summary: 'List bookings (staff)',
    query: BookingListQuery,
    responses: { 200: { description: 'Bookings', schema: z.array(BookingView), headers: totalCount } },
  },
  'bookings-export': {
    tag: 'bookings',
    summary: 'Export bookings as CSV (staff)',
    query: ExportQuery,
    responses: { 200: { description: 'One line per passenger and segment, UTF-8 with BOM', contentType: 'text/csv' } },
  },
  'bookings-get': {
    tag: 'bookings',
    summary: 'Get a booking (staff)',
    params: BookingIdParams,
    responses: { 200: { description: 'The booking', schema: BookingView, headers: { etag: bookingWritten.etag } } },
    problems: [404],
  },
  'bookings-update': {
    tag: 'bookings',
    summary: 'Change a booking: seats, flight, names, contact (staff)',
    params: BookingIdParams,
    headers: WriteHeaders,
    body: BookingUpdateInput,
    responses: { 200: { ...booking('Updated'), headers: { ...bookingWritten, 'x-fare-difference': 'Fare change in CNY (negative: refund)' } } },
    problems: [404, 409, 412, 422],
  },
  'bookings-delete': {
    tag: 'bookings',
    summary: 'Cancel a booking (staff)',
    params: BookingIdParams,
    headers: WriteHeaders,
    responses: { 200: booking('Cancelled, with the fee and refund') },
    problems: [404, 409, 412],
  },
  'bookings-cancel': {
    tag: 'bookings',
    summary: 'Cancel a booking with a reason (staff)',
    params: BookingIdParams,
    headers: WriteHeaders,
    body: CancelInput,
    responses: { 200: booking('Cancelled, with the fee and refund') },
    problems: [404, 409, 412],
  },
  'bookings-confirm': {
    tag: 'bookings',
    summary: 'Confirm a held booking (staff)',
    params: BookingIdParams,
    headers: WriteHeaders,
    responses: { 200: booking('Confirmed') },
    problems: [404, 409, 412],
  },
  'bookings-cancellation-quote': {
    tag: 'bookings',
    summary: 'What cancelling now would cost and refund (staff)',
    params: BookingIdParams,
    responses: { 200: { description: 'The quote', schema: CancellationQuoteView } },
    problems: [404, 409],
  },
  'bookings-history': {
    tag: 'bookings',
    summary: 'Every change made to a booking (staff)',
    params: BookingIdParams,
    responses: { 200: { description: 'History, oldest first', schema: z.array(HistoryEntry) } },
    problems: [404],
  },
  'bookings-search': {
    tag: 'bookings',
    summary: 'Find bookings by passenger name (staff)',
    params: NameParams,
    responses: { 200: { description: 'Bookings', schema: z.array(BookingView) } },
  },
  'bookings-by-reference': {
    tag: 'bookings',
    summary: 'Look up a booking by reference and last name',
    params: ReferenceParams,
    query: LastNameQuery,
    responses: { 200: { description: 'The booking', schema: BookingView, headers: { etag: bookingWritten.etag } } },
    problems: [404],
  },

  // assistant: the traveller's (anonymous) and the agent desk's (keyed) routes
  ...assistantOperations('assistant', ''),
  ...assistantOperations('assistant-desk', ' (agent desk, staff: may find bookings by passenger name)'),

  // MCP agents
  'mcp-airline': mcp('airline'),
  'mcp-booking': mcp('booking'),

  // system
  health: {
    tag: 'system',
    summary: 'Health of the database, storage and AI',
    responses: {
      200: { description: 'Healthy or degraded', schema: Health },
      503: { description: 'Unhealthy: the database is unreachable or not migrated', schema: Health },
    },
  },
  stats: {
    tag: 'system',
    summary: 'Booking and flight statistics',
    responses: { 200: { description: 'Counts, routes and load factors', schema: Stats } },
  },
  metrics: {
    tag: 'system',
    summary: 'Request metrics in Prometheus text format',
    responses: { 200: { description: 'Counters and latency histograms by route, method and status', contentType: 'text/plain' } },
  },
  openapi: {
    tag: 'system',
    summary: 'This OpenAPI document',
    responses: { 200: { description: 'OpenAPI 3.1', schema: z.record(z.string(), z.unknown()) } },
  },
  docs: {
    tag: 'system',
    summary: 'Swagger UI for this API',
    responses: { 200: { description: 'HTML page', contentType: 'text/html' } },
  },
  'docs-assets': {
    tag: 'system',
    summary: 'Swagger UI scripts and styles',
    params: z.object({ asset: z.string().describe('File name in swagger-ui-dist, e.g. swagger-ui.css') }),
    responses: { 200: { description: 'The file', contentType: '*/*' } },
    problems: [404],
  },
  web: {
    tag: 'system',
    summary: 'The web app for travellers and the agent desk (index.html for any path without an extension)',
    params: z.object({ path: z.string().describe('A file of the built app, e.g. assets/index-…js; empty for the page') }),
    responses: { 200: { description: 'The file', contentType: '*/*' } },
    problems: [404, 503],
  },
};
