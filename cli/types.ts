/** The shapes the CLI reads from the API: type-only imports of the server's documented views. */
import type { z } from 'zod';
import type { SeatMap as SeatMapSchema, Stats as StatsSchema } from '../lib/http/openapi/schemas';
export type { Itinerary } from '../lib/flights/search';
export type { BookingView, CancellationQuoteView } from '../lib/domain/booking-schemas';
export type { Airport } from '../lib/domain/airports';

export type SeatMap = z.infer<typeof SeatMapSchema>;
export type Stats = z.infer<typeof StatsSchema>;
