import type { CancellationQuoteView } from '../domain/booking-schemas';
import type { Booking, BookingState } from '../domain/bookings';
import { conflict } from '../domain/errors';
import { currency, toYuan } from '../domain/money';
import { quoteCancellation } from '../domain/refund-policy';
import { departureInstant } from '../flights/bookable';
import { paidByCabin } from './plan';
import type { BookingDeps, BookingWrites } from './write';

/** Cancelling: what it would cost under the refund policy, and the cancelled state with the fee and refund. */
export function cancellation({ clock }: BookingDeps, { flightsOf }: Pick<BookingWrites, 'flightsOf'>) {
  async function quote(booking: Booking, now = clock()) {
    const first = booking.segments[0]!;
    const flights = await flightsOf([booking]);
    return quoteCancellation({
      status: booking.status,
      paidCents: booking.total_cents,
      bookedAt: Date.parse(booking.created_at),
      departsAt: departureInstant(flights.get(first.flight_id)!, first.flight_date),
      now: now.getTime(),
      paidByCabin: paidByCabin(booking),
    });
  }

  return {
    async cancelledState(before: Booking, reason: string | undefined): Promise<BookingState> {
      const now = clock();
      const q = await quote(before, now);
      return {
        ...before,
        status: 'cancelled',
        hold_expires_at: null,
        cancelled_at: now.toISOString(),
        cancellation_reason: reason ?? null,
        fee_cents: q.fee_cents,
        refund_cents: q.refund_cents,
      };
    },

    async quoteView(booking: Booking): Promise<CancellationQuoteView> {
      if (booking.status === 'cancelled') throw conflict(`Booking ${booking.reference} is already cancelled`);
      const q = await quote(booking);
      return {
        booking_id: booking.id,
        reference: booking.reference,
        status: booking.status,
        currency,
        paid: toYuan(booking.status === 'pending' ? 0 : booking.total_cents),
        fee: toYuan(q.fee_cents),
        refund: toYuan(q.refund_cents),
        rule: q.rule,
        rule_zh: q.rule_zh,
        hours_before_departure: q.hours_before_departure,
      };
    },
  };
}
