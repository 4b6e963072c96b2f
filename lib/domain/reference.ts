import { randomInt } from 'node:crypto';
import { z } from 'zod';

/** Booking references avoid letters and digits people confuse: no I, O, 0 or 1. */
export const referenceAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const BookingReference = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${referenceAlphabet}]{6}$`), 'must be a 6-character booking reference, e.g. K7Q2MX'))
  .describe('Booking reference (PNR): 6 letters/digits without I, O, 0 or 1');

export function newReference(): string {
  let reference = '';
  for (let i = 0; i < 6; i++) reference += referenceAlphabet[randomInt(referenceAlphabet.length)];
  return reference;
}
