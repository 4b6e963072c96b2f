/**
 * The travel rules beside the cancellation policy (refund-policy.ts): changes, baggage and check-in, for
 * answers to travellers who ask before (or without) booking. Typical of Chinese domestic carriers.
 */
import type { Cabin } from './aircraft';

/** A change of flight or date on the same route: no fee; the fare difference is charged or refunded. */
export const changeFeeCents = 0;

export const checkedBaggageKg: Record<Cabin, number> = { economy: 20, business: 30, first: 40 };
export const cabinBagKg = 5;
export const cabinBagCm = '20×40×55';

/** Counters close this many minutes before departure; travellers should arrive earlier still. */
export const checkInClosesMinutes = { domestic: 45, international: 60 };
export const arriveBeforeMinutes = { domestic: 120, international: 180 };
