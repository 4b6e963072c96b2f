import type { Action, BookingView, CancellationQuoteView, FlightOption } from './types';

const minutesOf = (time: string) => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

/** Days between departure and arrival (local times): an arrival before the departure is the next day. */
export function arrivalDayOffset(option: Pick<FlightOption, 'departure_time' | 'arrival_time' | 'duration_minutes'>): number {
  const wraps = minutesOf(option.arrival_time) < minutesOf(option.departure_time) ? 1 : 0;
  return Math.max(wraps, Math.floor((minutesOf(option.departure_time) + option.duration_minutes) / 1440));
}

export const hhmm = (time: string) => time.slice(0, 5);

export function passengersOf(option: FlightOption): number {
  return Math.max(1, Math.round(option.total_fare / option.fare_per_passenger));
}

/** The reply without the numbered option lines that the cards show. */
export function replyWithoutOptionList(reply: string): string {
  return reply
    .split('\n')
    .filter((line) => !/^\d+\.\s/.test(line))
    .join('\n');
}

export type WriteOutcome = { tool: 'create_booking' | 'change_seat' | 'change_flight' | 'cancel_booking' | 'confirm_booking'; booking: BookingView };

/** The booking a turn wrote, if it wrote one. */
export function writeOutcome(actions: Action[]): WriteOutcome | undefined {
  for (const action of actions) {
    const booking = (action.result as { booking?: BookingView } | undefined)?.booking;
    if (!action.isError && booking && action.tool !== 'get_booking') return { tool: action.tool as WriteOutcome['tool'], booking };
  }
  return undefined;
}

export function cancellationQuote(actions: Action[]): CancellationQuoteView | undefined {
  const quote = actions.find((action) => action.tool === 'quote_cancellation' && !action.isError);
  return quote?.result as CancellationQuoteView | undefined;
}

const han = /\p{Script=Han}/u;

/** The surname the look-up and the assistant accept: 张三 → 张; Zhang San → Zhang. */
export function surnameOf(name: string): string {
  const trimmed = name.trim();
  return han.test(trimmed) ? [...trimmed][0]! : trimmed.split(/\s+/)[0]!;
}

/** Requests sent to the assistant for My booking's buttons, in the language the surname is written in. */
export const requests = {
  changeSeat: (reference: string, seat: string, surname: string) =>
    han.test(surname) ? `${reference}换座到${seat}，姓${surname}` : `change my seat on ${reference} to ${seat}, surname ${surname}`,
  cancel: (reference: string, surname: string) => (han.test(surname) ? `取消预订 ${reference}，姓${surname}` : `cancel my booking ${reference}, surname ${surname}`),
};

export function countdown(milliseconds: number): string {
  const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
