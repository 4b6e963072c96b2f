import { z } from 'zod';

/** A city or airport as people name it; resolved with resolvePlace. */
export const Place = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .describe('City or airport: IATA code (PEK), Chinese (北京, 浦东) or English (Beijing, Pudong). A city means all its airports.');
