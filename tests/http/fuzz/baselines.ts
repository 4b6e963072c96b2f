import { daysFromToday, type TestHost } from '../../support/host';

/** A request as its parts: what the fuzz mutates one field of. */
export interface RequestParts {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body?: unknown;
}

/** Real data of the running app, read or created once before the fuzz. */
export interface SampleData {
  flight: { id: number; flight_number: string; from: string; to: string; view: FlightView };
  date: string;
  booking: { id: number; reference: string; surname: string; passenger: string };
  conversation: string;
  deskConversation: string;
}

type Builder = (data: SampleData, fresh: Fresh) => RequestParts | Promise<RequestParts>;

/** Resources a destructive operation consumes: a new one for every request, so each reaches the handler's logic. */
export interface Fresh {
  booking(): Promise<{ id: number }>;
  flight(): Promise<{ id: number }>;
  /** How many of each were made so far. */
  made: { bookings: number; flights: number };
}

const mcpCall = (name: string, args: Record<string, unknown>) => ({
  headers: { accept: 'application/json, text/event-stream' },
  params: {},
  query: {},
  body: { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name, arguments: args } },
});

const none = (): RequestParts => ({ params: {}, query: {}, headers: {} });
const text = { text: '明天北京到上海的航班' };

type FlightView = { id: number; flight_number: string; airline_code: string; departure_airport: string; arrival_airport: string; departure_time: string; arrival_time: string; aircraft_type: string; days_of_operation: number[]; cabins: Record<string, { fare: number; capacity: number }> };

/** The schedule of a real sample flight, under another flight number: what staff send to add or replace a flight. */
export function flightSchedule(sample: FlightView, flightNumber: string) {
  const { airline_code, departure_airport, arrival_airport, departure_time, arrival_time, aircraft_type, days_of_operation } = sample;
  const cabins = Object.fromEntries(Object.entries(sample.cabins).map(([cabin, { fare, capacity }]) => [cabin, { fare, capacity }]));
  return { flight_number: flightNumber, airline_code, departure_airport, arrival_airport, departure_time, arrival_time, aircraft_type, days_of_operation, cabins };
}

let flightNumbers = 0;
/** A flight number of the sample flight's airline that no sample flight has (a letter after the code, as in TEST001), unique within the run. */
const newFlightNumber = (sample: FlightView) => {
  const n = flightNumbers++;
  return `${sample.airline_code}${'ZYXW'[Math.floor(n / 10_000) % 4]}${n % 10_000}`;
};

/**
 * A valid request per operation id, with the app's own data: real flight ids and numbers, airports,
 * the booking and conversations made in setup. The fuzz checks each against the document.
 */
export const baselines: Record<string, Builder> = {
  'airports-list': () => ({ ...none(), query: { q: '上海' } }),
  'assistant-conversation-create': none,
  'assistant-conversation-get': (d) => ({ ...none(), params: { id: d.conversation } }),
  'assistant-conversation-message': (d) => ({ ...none(), params: { id: d.conversation }, body: text }),
  'assistant-conversation-confirm': (d) => ({ ...none(), params: { id: d.conversation }, body: { accept: false } }),
  'assistant-chat': () => ({ ...none(), body: text }),
  'assistant-desk-conversation-create': none,
  'assistant-desk-conversation-get': (d) => ({ ...none(), params: { id: d.deskConversation } }),
  'assistant-desk-conversation-message': (d) => ({ ...none(), params: { id: d.deskConversation }, body: text }),
  'assistant-desk-conversation-confirm': (d) => ({ ...none(), params: { id: d.deskConversation }, body: { accept: false } }),
  'assistant-desk-chat': () => ({ ...none(), body: text }),
  'flights-list': (d) => ({ ...none(), query: { from: d.flight.from, to: d.flight.to, date: d.date, cabin: 'economy', min_price: 100, limit: 20 } }),
  'flights-create': (d) => ({ ...none(), body: flightSchedule(d.flight.view, newFlightNumber(d.flight.view)) }),
  'flights-get': (d) => ({ ...none(), params: { id: d.flight.id }, query: { date: d.date } }),
  'flights-update': async (d, fresh) => ({ ...none(), params: { id: (await fresh.flight()).id }, body: flightSchedule(d.flight.view, newFlightNumber(d.flight.view)) }),
  'flights-delete': async (_, fresh) => ({ ...none(), params: { id: (await fresh.flight()).id } }),
  'flights-by-number': (d) => ({ ...none(), params: { flight_number: d.flight.flight_number }, query: { date: d.date } }),
  'flights-search': (d) => ({ ...none(), params: { from: '北京', to: 'Shanghai' }, query: { date: d.date, passengers: 2, depart_after: '06:00', sort: 'price' } }),
  'flights-seats': (d) => ({ ...none(), params: { id: d.flight.id }, query: { date: d.date, cabin: 'economy' } }),
  'bookings-create': (d) => ({
    ...none(),
    headers: { 'idempotency-key': `fuzz-${Math.random().toString(36).slice(2)}` },
    body: {
      title: 'Family trip',
      passengers: [{ name: '张三', email: 'zhang@example.com' }, { name: 'Li Si', type: 'child' }],
      segments: [{ flight_number: d.flight.flight_number, date: daysFromToday(20), cabin: 'economy', seat_preference: 'window' }],
      contact: { email: 'zhang@example.com', phone: '+86 138 0013 8000' },
      hold: true,
    },
  }),
  'bookings-list': (d) => ({ ...none(), query: { status: 'confirmed', from_date: daysFromToday(1), to_date: daysFromToday(60), from: d.flight.from, flight_number: d.flight.flight_number, limit: 10 } }),
  'bookings-export': (d) => ({ ...none(), query: { from_date: daysFromToday(1), passenger: d.booking.passenger, format: 'csv' } }),
  'bookings-get': (d) => ({ ...none(), params: { id: d.booking.id } }),
  'bookings-update': async (_, fresh) => ({ ...none(), params: { id: (await fresh.booking()).id }, body: { title: 'Business trip', contact: { phone: '13800138000' }, seats: [{ passenger: 1, seat: '30A' }] } }),
  'bookings-delete': async (_, fresh) => ({ ...none(), params: { id: (await fresh.booking()).id } }),
  'bookings-cancel': async (_, fresh) => ({ ...none(), params: { id: (await fresh.booking()).id }, body: { reason: '行程变更' } }),
  'bookings-confirm': async (_, fresh) => ({ ...none(), params: { id: (await fresh.booking()).id } }),
  'bookings-cancellation-quote': async (_, fresh) => ({ ...none(), params: { id: (await fresh.booking()).id } }),
  'bookings-history': (d) => ({ ...none(), params: { id: d.booking.id } }),
  'bookings-search': (d) => ({ ...none(), params: { passenger_name: d.booking.passenger } }),
  'bookings-by-reference': (d) => ({ ...none(), params: { pnr: d.booking.reference }, query: { last_name: d.booking.surname } }),
  openapi: none,
  docs: none,
  'docs-assets': () => ({ ...none(), params: { asset: 'swagger-ui.css' } }),
  'mcp-airline-post': (d) => mcpCall('search_flights', { origin: d.flight.from, destination: '上海', date: d.date, passengers: 1 }),
  'mcp-airline-get': none,
  'mcp-airline-delete': none,
  'mcp-booking-post': (d) => mcpCall('get_booking', { reference: d.booking.reference, last_name: d.booking.surname }),
  'mcp-booking-get': none,
  'mcp-booking-delete': none,
  health: none,
  stats: none,
  metrics: none,
};

async function created(response: Response, what: string): Promise<Record<string, unknown>> {
  if (response.status !== 201) throw new Error(`fuzz setup: ${what} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Reads a real flight, books a confirmed trip on it and opens two conversations. */
export async function sampleData(host: TestHost): Promise<SampleData> {
  const flights = (await (await host.fetch('/flights?from=PEK&to=SHA&limit=1')).json()) as FlightView[];
  const flight = flights[0]!;
  const date = daysFromToday(14);
  // Booking 1 is what a mutated id of 1 (a boundary value) cancels or changes: a decoy, so the sample booking below stays as made.
  await created(await host.fetch('/bookings', { method: 'POST', json: { passengers: [{ name: 'Decoy One' }], segments: [{ flight_number: flight.flight_number, date }] } }), 'the decoy booking');
  const booking = await created(
    await host.fetch('/bookings', { method: 'POST', json: { passengers: [{ name: 'Wang Fang' }], segments: [{ flight_number: flight.flight_number, date }] } }),
    'the sample booking',
  );
  const conversation = await created(await host.fetch('/assistant/conversations', { method: 'POST' }), 'a conversation');
  const deskConversation = await created(await host.fetch('/assistant/desk/conversations', { method: 'POST', staff: true }), 'a desk conversation');
  return {
    flight: { id: flight.id, flight_number: flight.flight_number, from: flight.departure_airport, to: flight.arrival_airport, view: flight },
    date,
    booking: { id: booking.id as number, reference: booking.reference as string, surname: 'Wang', passenger: 'Wang Fang' },
    conversation: conversation.id as string,
    deskConversation: deskConversation.id as string,
  };
}

/** New held bookings (dates spread so no flight sells out) and new flights, one per call. */
export function freshResources(host: TestHost, data: SampleData): Fresh {
  const made = { bookings: 0, flights: 0 };
  return {
    made,
    async booking() {
      const date = daysFromToday(2 + (made.bookings++ % 60));
      const body = { passengers: [{ name: 'Zhao Lei' }], segments: [{ flight_number: data.flight.flight_number, date }], hold: true };
      return (await created(await host.fetch('/bookings', { method: 'POST', json: body }), 'a fresh booking')) as { id: number };
    },
    async flight() {
      made.flights++;
      return (await created(await host.fetch('/flights', { method: 'POST', staff: true, json: flightSchedule(data.flight.view, newFlightNumber(data.flight.view)) }), 'a fresh flight')) as { id: number };
    },
  };
}
