import { randomUUID } from 'node:crypto';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, startHost, type TestHost } from '../support/host';
import { callError, callOk, compile, connect } from './support';

interface Booking {
  id: number;
  reference: string;
  status: string;
  version: number;
  total_price: number;
  passengers: { name: string }[];
  segments: { flight_number: string; date: string; cabin: string; seats: { seat: string }[] }[];
  cancellation: { refund: number; reason: string | null } | null;
}

let host: TestHost;
let client: Client;
let tools: Tool[];
const date = daysFromToday(10);

beforeAll(async () => {
  host = await startHost();
  client = await connect(host, 'booking');
  tools = (await client.listTools()).tools;
}, 60_000);

afterAll(async () => {
  await client?.close();
  await host?.stop();
});

async function rest(id: number): Promise<Booking> {
  const response = await host.fetch(`/bookings/${id}`, { staff: true });
  expect(response.status).toBe(200);
  return (await response.json()) as Booking;
}

async function book(name: string, extra: Record<string, unknown> = {}): Promise<Booking> {
  const { booking } = await callOk<{ booking: Booking }>(client, tools, 'create_booking', {
    passengers: [{ name }],
    segments: [{ flight_number: 'CA1001', date }],
    idempotency_key: randomUUID(),
    ...extra,
  });
  return booking;
}

describe('BookingAgent over MCP', () => {
  it('lists its nine tools with valid schemas and honest annotations', () => {
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    expect(Object.keys(byName).sort()).toEqual([
      'cancel_booking', 'change_flight', 'change_seat', 'confirm_booking', 'create_booking', 'find_bookings', 'get_booking', 'get_booking_by_id', 'quote_cancellation',
    ]);
    for (const tool of tools) {
      compile(tool.inputSchema);
      compile(tool.outputSchema!);
      expect(tool.annotations!.openWorldHint).toBe(false);
      expect(tool.annotations!.title).toBeTruthy();
    }
    expect(byName.get_booking!.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(byName.cancel_booking!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: true });
    expect(byName.create_booking!.inputSchema.required).toEqual(expect.arrayContaining(['passengers', 'segments', 'idempotency_key']));
  });

  it('create_booking writes a booking the REST API sees, acting as the assistant', async () => {
    const booking = await book('张三', { contact: { email: 'zhang@example.com' } });
    expect(booking).toMatchObject({ status: 'confirmed', total_price: 680 });
    expect(booking.reference).toMatch(/^[A-Z2-9]{6}$/);
    expect(await rest(booking.id)).toMatchObject({ reference: booking.reference, status: 'confirmed' });
    const history = (await (await host.fetch(`/bookings/${booking.id}/history`, { staff: true })).json()) as { actor: string; action: string }[];
    expect(history[0]).toMatchObject({ actor: 'assistant', action: 'create' });
  });

  it('create_booking replays a repeated idempotency key and refuses it with other arguments', async () => {
    const args = { passengers: [{ name: 'Li Si' }], segments: [{ flight_number: 'CA1001', date }], idempotency_key: randomUUID() };
    const first = await callOk<{ booking: Booking; replayed: boolean }>(client, tools, 'create_booking', args);
    const again = await callOk<{ booking: Booking; replayed: boolean }>(client, tools, 'create_booking', args);
    expect(first.replayed).toBe(false);
    expect(again).toMatchObject({ replayed: true, booking: { id: first.booking.id } });
    const other = await callError(client, 'create_booking', { ...args, passengers: [{ name: 'Wang Wu' }] });
    expect(other).toMatch(/^Conflict: .*already used/);
  });

  it('create_booking returns domain failures as tool errors and malformed calls as invalid arguments', async () => {
    expect(await callError(client, 'create_booking', { passengers: [{ name: '张三' }], segments: [{ flight_number: 'CA1001', date: daysFromToday(-1) }], idempotency_key: randomUUID() }))
      .toMatch(/^Invalid request: .*in the past/);
    expect(await callError(client, 'create_booking', { passengers: [{ name: '张三' }], segments: [{ flight_number: 'ZZ1234', date }], idempotency_key: randomUUID() }))
      .toMatch(/Unknown flight ZZ1234/);
    expect(await callError(client, 'create_booking', { passengers: [{ name: '张三' }], segments: [{ flight_number: 'CA1001', date, cabin: 'first' }], idempotency_key: randomUUID() }))
      .toMatch(/has no first cabin/);
    expect(await callError(client, 'create_booking', { passengers: [{ name: '张三' }], segments: [{ flight_number: 'CA1001', date }] })).toMatch(/Input validation error/);
    expect(await callError(client, 'create_booking', { passengers: [], segments: [], idempotency_key: 'k' })).toMatch(/Input validation error/);
  });

  it('create_booking reports a sold-out cabin', async () => {
    const business = { passengers: Array.from({ length: 6 }, (_, i) => ({ name: `Guest ${'ABCDEF'[i]}` })), segments: [{ flight_number: 'CA1001', date: daysFromToday(20), cabin: 'business' }] };
    await callOk(client, tools, 'create_booking', { ...business, idempotency_key: randomUUID() });
    await callOk(client, tools, 'create_booking', { ...business, idempotency_key: randomUUID() });
    expect(await callError(client, 'create_booking', { passengers: [{ name: 'Late Comer' }], segments: business.segments, idempotency_key: randomUUID() })).toMatch(/^Sold out: /);
  });

  it('get_booking needs the right surname; a wrong one looks like an unknown reference', async () => {
    const booking = await book('SMITH/JOHN');
    expect(await callOk<Booking>(client, tools, 'get_booking', { reference: booking.reference.toLowerCase(), last_name: 'smith' })).toMatchObject({ id: booking.id });
    const wrongName = await callError(client, 'get_booking', { reference: booking.reference, last_name: 'Jones' });
    const unknown = await callError(client, 'get_booking', { reference: 'ZZZZZZ', last_name: 'Jones' });
    expect(wrongName).toMatch(/^Not found: No booking/);
    expect(unknown).toMatch(/^Not found: No booking/);
    expect(await callError(client, 'get_booking', { reference: 'O0I1', last_name: 'Smith' })).toMatch(/Input validation error/);
    expect(await callOk<Booking>(client, tools, 'get_booking_by_id', { id: booking.id })).toMatchObject({ reference: booking.reference });
    expect(await callError(client, 'get_booking_by_id', { id: 999999 })).toMatch(/^Not found: Booking 999999/);
  });

  it('find_bookings filters by passenger name, status, dates and route', async () => {
    const booking = await book('欧阳娜娜');
    const found = await callOk<{ total: number; bookings: Booking[] }>(client, tools, 'find_bookings', { passenger_name: 'ouyang nana', status: 'confirmed', from_date: date, to_date: date, route: '北京-上海' });
    expect(found.bookings.map((b) => b.id)).toEqual([booking.id]);
    expect((await callOk<{ total: number }>(client, tools, 'find_bookings', { passenger_name: '欧阳娜娜', route: 'SHA-PEK' })).total).toBe(0);
    expect(await callError(client, 'find_bookings', { route: 'Atlantis-上海' })).toMatch(/^Not found: Unknown airport or city "Atlantis"/);
    expect(await callError(client, 'find_bookings', { route: 'Beijing' })).toMatch(/should name two places/);
  });

  it('change_seat moves a passenger and refuses a taken seat', async () => {
    const booking = await book('Zhou Jie');
    const { booking: moved } = await callOk<{ booking: Booking }>(client, tools, 'change_seat', { reference: booking.reference, last_name: 'Zhou', seat: '13c' });
    expect(moved.segments[0]!.seats[0]!.seat).toBe('13C');
    expect((await rest(booking.id)).segments[0]!.seats[0]!.seat).toBe('13C');
    const other = await book('Chen Yi');
    expect(await callError(client, 'change_seat', { reference: other.reference, last_name: 'Chen', seat: '13C' })).toMatch(/^Conflict: Seat 13C is already taken/);
    expect(await callError(client, 'change_seat', { reference: other.reference, last_name: 'Chen', seat: '99Z' })).toMatch(/Input validation error/);
  });

  it('change_flight quotes a dry run without writing, then makes the change with the fare difference', async () => {
    const booking = await book('Wu Fan');
    const change = { reference: booking.reference, last_name: 'Wu', new_flight_number: 'CA1001', new_date: date, cabin: 'business' };
    const quote = await callOk<{ dry_run: boolean; fare_difference: number; booking: Booking }>(client, tools, 'change_flight', { ...change, dry_run: true });
    expect(quote).toMatchObject({ dry_run: true, fare_difference: 1700, booking: { total_price: 2380 } });
    expect(await rest(booking.id)).toMatchObject({ version: booking.version, total_price: 680 });

    const done = await callOk<{ dry_run: boolean; fare_difference: number; booking: Booking }>(client, tools, 'change_flight', change);
    expect(done).toMatchObject({ dry_run: false, fare_difference: 1700 });
    expect((await rest(booking.id)).segments[0]).toMatchObject({ cabin: 'business' });
    expect(await callError(client, 'change_flight', { ...change, new_flight_number: 'MU5101' })).toMatch(/must keep the route/);
  });

  it('names the argument at fault in its own terms, never a REST path; REST names the same fault in the body', async () => {
    const booking = await book('Lin Tao');
    const change = { reference: booking.reference, last_name: 'Lin', new_flight_number: 'CA1001', new_date: daysFromToday(-3), dry_run: true };
    const result = (await client.callTool({ name: 'change_flight', arguments: change })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(result._meta).toEqual({ argument: 'new_date' });
    expect(JSON.stringify(result)).not.toMatch(/body\.|params\.|query\.|change_flight\./);

    const rest = await host.fetch(`/bookings/${booking.id}`, { method: 'PUT', staff: true, json: { change_flight: { segment: 1, flight_number: 'CA1001', date: daysFromToday(-3) } } });
    expect(rest.status).toBe(422);
    expect(((await rest.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('body.change_flight.date');
  });

  it('quote_cancellation and cancel_booking cancel a booking made over REST, idempotently', async () => {
    const created = await host.fetch('/bookings', { method: 'POST', json: { passengers: [{ name: '王小明' }], segments: [{ flight_number: 'CA1001', date }] } });
    expect(created.status).toBe(201);
    const booking = (await created.json()) as Booking;

    const quote = await callOk<{ refund: number; fee: number; rule: string }>(client, tools, 'quote_cancellation', { reference: booking.reference, last_name: '王' });
    expect(quote).toMatchObject({ fee: 0, refund: 680 });
    const args = { reference: booking.reference, last_name: '王', reason: '行程取消', idempotency_key: randomUUID() };
    const cancelled = await callOk<{ booking: Booking; replayed: boolean }>(client, tools, 'cancel_booking', args);
    expect(cancelled).toMatchObject({ replayed: false, booking: { status: 'cancelled', cancellation: { refund: 680, reason: '行程取消' } } });
    expect(await callOk(client, tools, 'cancel_booking', args)).toMatchObject({ replayed: true });
    expect((await rest(booking.id)).status).toBe('cancelled');

    expect(await callError(client, 'quote_cancellation', { reference: booking.reference, last_name: '王' })).toMatch(/already cancelled/);
    expect(await callError(client, 'cancel_booking', { ...args, idempotency_key: randomUUID() })).toMatch(/is cancelled and cannot be changed/);
    expect(await callError(client, 'cancel_booking', { reference: booking.reference, last_name: '王', idempotency_key: randomUUID() })).toMatch(/Input validation error/);
  });

  it('confirm_booking confirms a held booking', async () => {
    const held = await book('Sun Li', { hold: true });
    expect(held.status).toBe('pending');
    const { booking } = await callOk<{ booking: Booking }>(client, tools, 'confirm_booking', { reference: held.reference, last_name: 'sun' });
    expect(booking.status).toBe('confirmed');
    expect((await rest(held.id)).status).toBe('confirmed');
    expect(await callError(client, 'confirm_booking', { reference: held.reference, last_name: 'Moon' })).toMatch(/^Not found/);
  });

  it('serves the cancellation policy and the manage_booking prompt', async () => {
    const policy = await client.readResource({ uri: 'policy://cancellation' });
    expect(policy.contents[0]).toMatchObject({ mimeType: 'text/markdown' });
    expect((policy.contents[0] as { text: string }).text).toMatch(/^# Cancellation and refund policy/);
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['manage_booking']);
    const en = await client.getPrompt({ name: 'manage_booking', arguments: { language: 'en' } });
    expect((en.messages[0]!.content as { text: string }).text).toMatch(/quote_cancellation/);
    const zh = await client.getPrompt({ name: 'manage_booking', arguments: {} });
    expect((zh.messages[0]!.content as { text: string }).text).toMatch(/^请帮我管理/);
  });
});
