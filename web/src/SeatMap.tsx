import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api';
import { useStrings } from './i18n';
import type { SeatMap as SeatMapData } from './types';

interface Props {
  flightId: number;
  date: string;
  /** Seats this booking holds: shown as its own, not as taken. */
  own: string[];
  disabled: boolean;
  onPick: (seat: string) => void;
}

/**
 * A cabin's seats as buttons, row by row: window (W) and aisle (A) marked, exit rows labelled, taken
 * seats disabled. One seat is in the tab order; arrow keys move between seats.
 */
export function SeatMap({ flightId, date, own, disabled, onPick }: Props) {
  const t = useStrings();
  const [map, setMap] = useState<SeatMapData>();
  const [error, setError] = useState<string>();
  const [focused, setFocused] = useState<string>();
  const grid = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setMap(undefined);
    api.seatMap(flightId, date).then(setMap, (e: Error) => setError(e.message));
  }, [flightId, date, own.join()]);

  if (error) return <p role="alert">{t.error(error)}</p>;
  if (!map) return <p role="status">…</p>;

  const selectable = (seat: { seat: string; available: boolean }) => seat.available && !own.includes(seat.seat);
  const tabStop = focused ?? map.rows.flatMap((row) => row.seats).find(selectable)?.seat;

  function move(event: KeyboardEvent) {
    const delta = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] }[event.key];
    const current = (event.target as HTMLElement).dataset;
    if (!delta || current.row === undefined || !map) return;
    event.preventDefault();
    let [row, column] = [Number(current.row), Number(current.column)];
    for (;;) {
      row += delta[0]!;
      column += delta[1]!;
      const cells = map.rows[row]?.seats;
      // Up and down keep to the nearest column when rows differ in width; left and right stop at the row's end.
      const seat = cells && (delta[0] ? cells[Math.min(column, cells.length - 1)] : cells[column]);
      if (!seat) return;
      if (selectable(seat)) {
        setFocused(seat.seat);
        grid.current?.querySelector<HTMLButtonElement>(`[data-seat="${seat.seat}"]`)?.focus();
        return;
      }
    }
  }

  const headingId = `seatmap-${flightId}-${date}`;
  return (
    <section class="panel seatmap" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t.seatMapHeading(map.flight_number, map.date)} · {map.aircraft_type}
      </h3>
      <p class="legend">
        <span>{t.legendWindow}</span> <span>{t.legendAisle}</span> <span class="exit-mark">{t.legendExit}</span> <span class="taken-mark">{t.legendTaken}</span>
      </p>
      <div class="seat-grid" ref={grid} onKeyDown={move}>
        {map.rows.map((row, rowIndex) => (
          <div class={`seat-row${row.seats.some((s) => s.exit_row) ? ' exit' : ''}`} key={row.row}>
            <span class="row-number" aria-hidden="true">
              {row.row}
              {row.seats.some((s) => s.exit_row) ? ' ⇆' : ''}
            </span>
            {row.seats.map((seat, column) => {
              const mine = own.includes(seat.seat);
              const state = mine ? t.yourSeat : seat.available ? '' : t.taken;
              const gap = seat.position === 'aisle' && row.seats[column + 1]?.position === 'aisle';
              return (
                <button
                  type="button"
                  key={seat.seat}
                  class={`seat ${seat.position}${mine ? ' mine' : ''}${gap ? ' before-aisle' : ''}`}
                  data-seat={seat.seat}
                  data-row={rowIndex}
                  data-column={column}
                  tabIndex={seat.seat === tabStop ? 0 : -1}
                  disabled={disabled || !selectable(seat)}
                  aria-label={t.seatLabel(seat.seat, t.positions[seat.position] ?? seat.position, seat.exit_row, state)}
                  onFocus={() => setFocused(seat.seat)}
                  onClick={() => onPick(seat.seat)}
                >
                  {seat.letter}
                  <span class="seat-kind" aria-hidden="true">
                    {seat.position === 'window' ? 'W' : seat.position === 'aisle' ? 'A' : ''}
                  </span>
                </button>
              );
            })}
          </div>
        ))}
      </div>
    </section>
  );
}
