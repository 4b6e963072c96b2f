/**
 * The refund policy exactly on its edges: 168 h and 48 h before departure, 24 h after booking, departure
 * itself. Every expected fee is written out by hand from the policy table (README "Cancellation and refund policy").
 */
import { describe, expect, it } from 'vitest';
import { policyMarkdown, quoteCancellation, type QuoteInput } from '../../lib/domain/refund-policy';

const minute = 60_000;
const hour = 60 * minute;
const now = Date.UTC(2026, 10, 24, 12);

/** A confirmed economy booking paid ¥1,000 (100,000 fen), booked 3 days ago unless said otherwise. */
function quote(departsIn: number, overrides: Partial<QuoteInput> = {}) {
  return quoteCancellation({
    status: 'confirmed',
    paidCents: 100_000,
    bookedAt: now - 72 * hour,
    departsAt: now + departsIn,
    now,
    paidByCabin: { economy: 100_000 },
    ...overrides,
  });
}

describe('refund policy on its boundaries', () => {
  it.each([
    ['exactly 7 days (168 h) before: the cheapest band, 5 %', 168 * hour, 5_000],
    ['one minute less than 168 h: 20 %', 168 * hour - minute, 20_000],
    ['exactly 48 h before: still 20 %', 48 * hour, 20_000],
    ['one minute less than 48 h: 50 %', 48 * hour - minute, 50_000],
    ['one minute before departure: 50 %', minute, 50_000],
    ['at departure: nothing back', 0, 100_000],
    ['after departure: nothing back', -minute, 100_000],
  ])('economy %s', (_, departsIn, fee) => {
    expect(quote(departsIn)).toMatchObject({ fee_cents: fee, refund_cents: 100_000 - fee });
  });

  it.each([
    ['business', 'exactly 168 h', 168 * hour, 0],
    ['business', '168 h less a minute', 168 * hour - minute, 10_000],
    ['business', 'exactly 48 h', 48 * hour, 10_000],
    ['business', '48 h less a minute', 48 * hour - minute, 25_000],
    ['first', 'exactly 168 h', 168 * hour, 0],
    ['first', '168 h less a minute', 168 * hour - minute, 5_000],
    ['first', 'exactly 48 h', 48 * hour, 5_000],
    ['first', '48 h less a minute', 48 * hour - minute, 15_000],
  ] as const)('%s, %s before departure: fee %i fen', (cabin, _, departsIn, fee) => {
    expect(quote(departsIn, { paidByCabin: { [cabin]: 100_000 } })).toMatchObject({ fee_cents: fee, refund_cents: 100_000 - fee });
  });

  it('is free until exactly 24 h after booking, and charged from the next moment', () => {
    expect(quote(30 * hour, { bookedAt: now - 24 * hour })).toMatchObject({ fee_cents: 0, refund_cents: 100_000, rule: 'within 24 hours of booking: free', rule_zh: '预订后 24 小时内：免费取消' });
    expect(quote(30 * hour, { bookedAt: now - 24 * hour - 1 })).toMatchObject({ fee_cents: 50_000, refund_cents: 50_000 });
  });

  it('the free window ends at departure: booked an hour ago, departed a minute ago, nothing back', () => {
    expect(quote(-minute, { bookedAt: now - hour })).toMatchObject({ fee_cents: 100_000, refund_cents: 0, rule: 'after departure: no refund', rule_zh: '航班起飞后：不予退款' });
    expect(quote(0, { bookedAt: now - hour })).toMatchObject({ fee_cents: 100_000, refund_cents: 0 });
  });

  it('a held booking costs nothing and refunds nothing, even after departure', () => {
    expect(quote(-hour, { status: 'pending' })).toEqual({
      rule: 'held booking, nothing was charged', rule_zh: '预留未付款的订单，不收费也无退款', hours_before_departure: -1, fee_cents: 0, refund_cents: 0,
    });
  });

  it('charges each cabin its own share, rounding each to the fen', () => {
    // 3 days out: economy 20 % of ¥600.05 = 12,001 fen; business 10 % of ¥399.95 = 3,999.5 → 4,000 fen.
    const mixed = quote(72 * hour, { paidCents: 100_000, paidByCabin: { economy: 60_005, business: 39_995 } });
    expect(mixed).toMatchObject({ fee_cents: 16_001, refund_cents: 83_999 });
    expect(mixed.rule).toBe('2 to 7 days before departure: fee economy 20%, business 10%, first 5%');
    expect(mixed.rule_zh).toBe('起飞前 2 至 7 天：手续费 经济舱 20%，商务舱 10%，头等舱 5%');
  });

  it('names the band and reports the hours left to a tenth, rounded down', () => {
    expect(quote(48 * hour - minute)).toMatchObject({
      hours_before_departure: 47.9,
      rule: 'less than 48 hours before departure: fee economy 50%, business 25%, first 15%',
      rule_zh: '起飞前 48 小时内：手续费 经济舱 50%，商务舱 25%，头等舱 15%',
    });
    expect(quote(200 * hour)).toMatchObject({ hours_before_departure: 200, rule: 'more than 7 days before departure: fee economy 5%, business 0%, first 0%' });
  });
});

describe('the published policy', () => {
  it('is the table the quotes follow, line by line', () => {
    expect(policyMarkdown().split('\n')).toEqual([
      '# Cancellation and refund policy (退改政策)',
      '',
      '- Free cancellation within 24 hours of booking, until departure. 预订后 24 小时内免费取消（起飞前）。',
      '- Otherwise a fee is kept from what was paid, by time left before the first flight and by cabin:',
      '',
      '| Time before departure | Economy | Business | First |',
      '|---|---|---|---|',
      '| more than 7 days before departure (起飞前 7 天以上) | 5% | 0% | 0% |',
      '| 2 to 7 days before departure (起飞前 2 至 7 天) | 20% | 10% | 5% |',
      '| less than 48 hours before departure (起飞前 48 小时内) | 50% | 25% | 15% |',
      '| after departure (起飞后) | 100% | 100% | 100% |',
      '',
      '- A held (pending, unpaid) booking cancels at no cost and refunds nothing. 预留未付款的订单取消不收费。',
      '- Cancelled bookings are kept for the record (soft delete); their seats go back on sale at once.',
    ]);
  });
});
