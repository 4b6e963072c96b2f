import { cabinNames, cabins, type Cabin } from './aircraft';

/**
 * The cancellation policy, in one place (the README and the MCP resource policy://cancellation
 * are generated from `policyMarkdown`).
 *
 * - Free cancellation within 24 hours of booking, as long as the flight has not departed.
 * - Otherwise the fee is a share of what was paid, by time left before the first departure and
 *   by cabin; after departure nothing is refunded.
 * - A pending (held, unpaid) booking cancels at no cost and refunds nothing.
 */
export const freeCancellationHours = 24;

export interface FeeBand {
  /** Applies when at least this many hours are left before departure. */
  minHoursBefore: number;
  label: { en: string; zh: string };
  feePercent: Record<Cabin, number>;
}

export const feeBands: FeeBand[] = [
  { minHoursBefore: 7 * 24, label: { en: 'more than 7 days before departure', zh: '起飞前 7 天以上' }, feePercent: { economy: 5, business: 0, first: 0 } },
  { minHoursBefore: 48, label: { en: '2 to 7 days before departure', zh: '起飞前 2 至 7 天' }, feePercent: { economy: 20, business: 10, first: 5 } },
  { minHoursBefore: 0, label: { en: 'less than 48 hours before departure', zh: '起飞前 48 小时内' }, feePercent: { economy: 50, business: 25, first: 15 } },
];

export interface CancellationQuote {
  rule: string;
  rule_zh: string;
  hours_before_departure: number;
  fee_cents: number;
  refund_cents: number;
}

export interface QuoteInput {
  status: 'pending' | 'confirmed' | 'cancelled';
  paidCents: number;
  bookedAt: number;
  departsAt: number;
  now: number;
  /** Paid cents per cabin, so a mixed-cabin itinerary is charged per cabin. */
  paidByCabin: Partial<Record<Cabin, number>>;
}

export function quoteCancellation(input: QuoteInput): CancellationQuote {
  const hoursBefore = (input.departsAt - input.now) / 3_600_000;
  const rounded = Math.floor(hoursBefore * 10) / 10;
  if (input.status === 'pending') {
    return { rule: 'held booking, nothing was charged', rule_zh: '预留未付款的订单，不收费也无退款', hours_before_departure: rounded, fee_cents: 0, refund_cents: 0 };
  }
  if (hoursBefore <= 0) {
    return { rule: 'after departure: no refund', rule_zh: '航班起飞后：不予退款', hours_before_departure: rounded, fee_cents: input.paidCents, refund_cents: 0 };
  }
  if (input.now - input.bookedAt <= freeCancellationHours * 3_600_000) {
    return { rule: 'within 24 hours of booking: free', rule_zh: '预订后 24 小时内：免费取消', hours_before_departure: rounded, fee_cents: 0, refund_cents: input.paidCents };
  }
  const band = feeBands.find((b) => hoursBefore >= b.minHoursBefore)!;
  const fee = Object.entries(input.paidByCabin).reduce(
    (sum, [cabin, paid]) => sum + Math.round(((paid ?? 0) * band.feePercent[cabin as Cabin]) / 100),
    0,
  );
  const percents = `economy ${band.feePercent.economy}%, business ${band.feePercent.business}%, first ${band.feePercent.first}%`;
  return {
    rule: `${band.label.en}: fee ${percents}`,
    rule_zh: `${band.label.zh}：手续费 ${cabins.map((cabin) => `${cabinNames[cabin].zh} ${band.feePercent[cabin]}%`).join('，')}`,
    hours_before_departure: rounded,
    fee_cents: fee,
    refund_cents: input.paidCents - fee,
  };
}

export function policyMarkdown(): string {
  const rows = feeBands.map((b) => `| ${b.label.en} (${b.label.zh}) | ${b.feePercent.economy}% | ${b.feePercent.business}% | ${b.feePercent.first}% |`);
  return [
    '# Cancellation and refund policy (退改政策)',
    '',
    `- Free cancellation within ${freeCancellationHours} hours of booking, until departure. 预订后 ${freeCancellationHours} 小时内免费取消（起飞前）。`,
    '- Otherwise a fee is kept from what was paid, by time left before the first flight and by cabin:',
    '',
    '| Time before departure | Economy | Business | First |',
    '|---|---|---|---|',
    ...rows,
    '| after departure (起飞后) | 100% | 100% | 100% |',
    '',
    '- A held (pending, unpaid) booking cancels at no cost and refunds nothing. 预留未付款的订单取消不收费。',
    '- Cancelled bookings are kept for the record (soft delete); their seats go back on sale at once.',
  ].join('\n');
}
