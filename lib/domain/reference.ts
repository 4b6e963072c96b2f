import { randomInt } from 'node:crypto';
import { z } from 'zod';

/** Booking references avoid letters and digits people confuse: no I, O, 0 or 1. */
export const referenceAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const referenceMessage = 'must be a 6-character booking reference, e.g. K7Q2MX';

export const BookingReference = z
  .string()
  .regex(new RegExp(`^\\s*[${referenceAlphabet}${referenceAlphabet.toLowerCase()}]{6}\\s*$`), referenceMessage)
  .transform((value) => value.trim().toUpperCase())
  .describe('Booking reference (PNR): 6 letters/digits without I, O, 0 or 1');

/** Two characters then four digits is how a flight number looks (MF4865): a reference typed in a sentence must not. */
const flightShaped = /^[A-Z0-9]{2}\d{4}$/;

export function newReference(): string {
  for (;;) {
    let reference = '';
    for (let i = 0; i < 6; i++) reference += referenceAlphabet[randomInt(referenceAlphabet.length)];
    if (!flightShaped.test(reference)) return reference;
  }
}
