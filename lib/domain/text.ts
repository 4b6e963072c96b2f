import { z } from 'zod';

/**
 * Free text that must say something: trimmed, and not blank. The `\S` pattern puts the rule in the
 * OpenAPI document too, where `minLength` alone would let whitespace through.
 */
export function filledText() {
  return z.string().trim().regex(/\S/, 'must not be blank');
}
