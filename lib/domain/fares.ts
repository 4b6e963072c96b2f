import type { PassengerType } from './bookings';

/** Share of the adult fare each passenger type pays (CAAC domestic practice: child 50 %, infant 10 %). */
export const fareShare: Record<PassengerType, number> = { adult: 1, child: 0.5, infant: 0.1 };

export function passengerFareCents(adultFareCents: number, type: PassengerType): number {
  return Math.round(adultFareCents * fareShare[type]);
}

/** What a party pays for a set of segments, in cents. */
export function totalFareCents(segmentFares: number[], passengers: { type: PassengerType }[]): number {
  return segmentFares.reduce((sum, fare) => sum + passengers.reduce((s, p) => s + passengerFareCents(fare, p.type), 0), 0);
}
