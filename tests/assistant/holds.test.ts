/**
 * Holding seats through the assistant: 先占座 / hold a seat, I'll pay later makes the booking as a hold
 * (pending, with an expiry), and 确认订单 <ref> / confirm booking <ref> confirms it on the traveller's yes.
 * Judged by the database, through a real host.
 */
import { describe, expect, it } from 'vitest';
import { daysFromToday, useHost } from '../support/host';
import { confirm, newConversation, send } from './talk';

const host = useHost();

interface StoredBooking {
  reference: string;
  status: string;
  hold_expires_at: string | null;
  passengers: { name: string }[];
}

async function stored(reference: string, lastName: string): Promise<StoredBooking> {
  const response = await host.fetch(`/bookings/reference/${reference}?last_name=${encodeURIComponent(lastName)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as StoredBooking;
}

const referenceIn = (reply: string) => /\b([A-HJ-NP-Z2-9]{6})\b/.exec(reply)?.[1];

describe('holds through the assistant', () => {
  it('zh: 先帮我占个座 proposes a hold; the yes writes a pending booking with an expiry; 确认订单 confirms it', async () => {
    const id = await newConversation(host);
    const proposed = await send(host, id, '明天北京到上海早上8点那班，乘客刘洋，先帮我占个座');
    expect(proposed).toMatchObject({ status: 200, awaiting: 'confirmation', proposal: { tool: 'create_booking', arguments: { hold: true } } });
    const held = await confirm(host, id, true);
    const reference = referenceIn(held.reply)!;
    const booking = await stored(reference, '刘');
    expect(booking.status).toBe('pending');
    expect(Date.parse(booking.hold_expires_at!)).toBeGreaterThan(Date.now());

    const later = await newConversation(host);
    const asked = await send(host, later, `确认订单 ${reference}，姓刘`);
    expect(asked).toMatchObject({ awaiting: 'confirmation', proposal: { tool: 'confirm_booking', arguments: { reference } } });
    expect((await stored(reference, '刘')).status).toBe('pending'); // nothing written before the yes
    await confirm(host, later, true);
    expect((await stored(reference, '刘')).status).toBe('confirmed');
  });

  it("en: hold a seat … for Amy Chen, I'll pay later holds one seat for Amy Chen (the clause after the comma is no passenger)", async () => {
    const id = await newConversation(host);
    const proposed = await send(host, id, `hold a seat on the 8am Beijing to Shanghai flight on ${daysFromToday(2)} for Amy Chen, I'll pay later`);
    expect(proposed).toMatchObject({ awaiting: 'confirmation', proposal: { tool: 'create_booking', arguments: { hold: true, passengers: [{ name: 'Amy Chen' }] } } });
    const reference = referenceIn((await confirm(host, id, true)).reply)!;
    expect((await stored(reference, 'Chen')).status).toBe('pending');
  });

  it('a booking asked for outright is confirmed at once, and confirming a confirmed booking writes nothing new', async () => {
    const id = await newConversation(host);
    await send(host, id, '明天北京到上海早上8点那班，乘客孙悦');
    const reference = referenceIn((await confirm(host, id, true)).reply)!;
    expect((await stored(reference, '孙')).status).toBe('confirmed');
    const again = await send(host, await newConversation(host), `confirm booking ${reference}, surname Sun`);
    expect(again, again.reply).toMatchObject({ status: 200, awaiting: null });
    expect(again.proposal ?? null).toBeNull();
  });
});
