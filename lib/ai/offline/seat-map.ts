/** A seat from the airline agent's seat map for 换个靠窗的座位 / "a window seat please". */
import { isRow, rowsOf, str } from '../results';
import type { Language, SeatPreference } from './types';

export const sideNames: Record<SeatPreference, Record<Language, string>> = {
  window: { zh: '靠窗', en: 'window' },
  aisle: { zh: '靠过道', en: 'aisle' },
};

/** The frontmost free seat on that side, outside the exit rows (those are for adults only). */
export function freeSeat(seatMap: unknown, side: SeatPreference): string | undefined {
  const seats = rowsOf(seatMap).flatMap((row) => (Array.isArray(row.seats) ? row.seats.filter(isRow) : []));
  const seat = seats.find((s) => s.available === true && s.position === side && s.exit_row !== true);
  return seat && str(seat.seat);
}
