/** The wire formats the page reads: the same types the API is built from (type-only imports). */
import type { z } from 'zod';
import type { SeatMap as SeatMapSchema } from '../../lib/http/openapi/schemas';

export type { FlightOption, Proposal, TurnResult, Action } from '../../lib/ai/conversation';
export type { BookingView, CancellationQuoteView } from '../../lib/domain/booking-schemas';
export type { HistoryEntry } from '../../lib/domain/bookings';
export type { FlightView } from '../../lib/domain/flights';
export type SeatMap = z.infer<typeof SeatMapSchema>;
