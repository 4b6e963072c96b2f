/** Test helpers: talk to the assistant API of a test host. */
import type { TurnResult } from '../../lib/ai/conversation';
import type { TestHost } from '../support/host';

export interface Reply extends TurnResult {
  status: number;
}

/** The anonymous routes, or with `desk` the agent desk's (keyed) ones. */
const base = (desk: boolean) => (desk ? '/assistant/desk' : '/assistant');

export async function newConversation(host: TestHost, desk = false): Promise<string> {
  const response = await host.fetch(`${base(desk)}/conversations`, { method: 'POST', staff: desk });
  if (response.status !== 201) throw new Error(`create conversation: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

export async function send(host: TestHost, id: string, text: string, desk = false, messageId?: string): Promise<Reply> {
  const response = await host.fetch(`${base(desk)}/conversations/${id}/messages`, { method: 'POST', json: { text, message_id: messageId }, staff: desk });
  return { status: response.status, ...((await response.json()) as TurnResult) };
}

export async function confirm(host: TestHost, id: string, accept: boolean, desk = false, messageId?: string): Promise<Reply> {
  const response = await host.fetch(`${base(desk)}/conversations/${id}/confirm`, { method: 'POST', json: { accept, message_id: messageId }, staff: desk });
  return { status: response.status, ...((await response.json()) as TurnResult) };
}

export interface ConversationView {
  status: string;
  proposal: unknown;
  transcript: { role: 'user' | 'assistant'; text: string }[];
}

export async function conversation(host: TestHost, id: string): Promise<{ status: number; body: ConversationView }> {
  const response = await host.fetch(`/assistant/conversations/${id}`);
  return { status: response.status, body: (await response.json()) as ConversationView };
}

/** The references of every booking in the database (staff listing). */
export async function bookingReferences(host: TestHost): Promise<string[]> {
  const response = await host.fetch('/bookings?limit=100', { staff: true });
  return ((await response.json()) as { reference: string }[]).map((booking) => booking.reference);
}

/** Creates a confirmed booking through the REST API and returns it. */
export async function existingBooking(host: TestHost, passenger: string, date: string): Promise<{ id: number; reference: string; seat_number: string }> {
  const response = await host.fetch('/bookings', { method: 'POST', json: { passengers: [{ name: passenger }], segments: [{ flight_number: 'CA1501', date }] } });
  if (response.status !== 201) throw new Error(`create booking: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: number; reference: string; seat_number: string };
}

export async function bookingCount(host: TestHost): Promise<number> {
  const response = await host.fetch('/bookings?limit=1', { staff: true });
  return Number(response.headers.get('x-total-count'));
}
