import type { Cabin } from '../../domain/aircraft';
import * as lexicon from './lexicon';
import { PhraseTable } from './phrases';
import type { BookingOrder, OptionHint, Preference, SeatPreference, TimeWindow } from './types';

export interface Slots {
  timeWindow?: TimeWindow;
  cabin?: Cabin;
  preference?: Preference;
  optionHint?: OptionHint;
  maxStops?: 0 | 1;
  seatPreference?: SeatPreference;
  sortBy?: BookingOrder;
  /** Keep the seats unpaid for now (先占座, hold a seat). */
  hold?: true;
  /** Another flight the same day, earlier or later than the booked one. */
  retime?: 'earlier' | 'later';
}

const timeWindows = new PhraseTable<TimeWindow | undefined>([
  ...lexicon.timeWindows,
  ...lexicon.notTimeWindows.map((phrase) => [phrase, undefined] as const),
]);
const cabins = new PhraseTable(lexicon.cabins);
const seatPreferences = new PhraseTable(lexicon.seatPreferences);
const bookingOrders = new PhraseTable(lexicon.bookingOrders);
const retimes = new PhraseTable(lexicon.retimePhrases);
const holds = new PhraseTable(lexicon.holdPhrases.map((phrase) => [phrase, true] as const));

type Choice = { preference: Preference } | { optionHint: OptionHint } | { maxStops: 1 };

/** One table, so the longer phrase wins: 那个便宜的 is a hint about the options, not a search preference. */
const choices = new PhraseTable<Choice>([
  ...lexicon.preferences.map(([phrase, preference]) => [phrase, { preference }] as const),
  ...lexicon.optionHints.map(([phrase, optionHint]) => [phrase, { optionHint }] as const),
  ...lexicon.stopLimits.map(([phrase]) => [phrase, { maxStops: 1 }] as const),
]);

/** The table-driven details: time of day, cabin, preferences, seat side, order of a list. First mention wins. */
export function extractSlots(lower: string): Slots {
  const slots: Slots = {};
  const timeWindow = timeWindows.scan(lower).find((match) => match.value)?.value;
  if (timeWindow) slots.timeWindow = timeWindow;
  const cabin = cabins.first(lower)?.value;
  if (cabin) slots.cabin = cabin;
  const seatPreference = seatPreferences.first(lower)?.value;
  if (seatPreference) slots.seatPreference = seatPreference;
  const sortBy = bookingOrders.first(lower)?.value;
  if (sortBy) slots.sortBy = sortBy;
  if (holds.first(lower)) slots.hold = true;
  const retime = retimes.first(lower)?.value;
  if (retime) slots.retime = retime;
  for (const { value } of choices.scan(lower)) {
    if ('preference' in value) slots.preference ??= value.preference;
    if ('optionHint' in value) slots.optionHint ??= value.optionHint;
    if ('maxStops' in value) slots.maxStops ??= value.maxStops;
  }
  if (slots.preference === 'direct_only') slots.maxStops = 0;
  return slots;
}

const reasonMarkers = new PhraseTable(lexicon.reasonMarkers.map((marker) => [marker, true] as const));

/** The words after 因为 / because, up to the end of the sentence. */
export function extractReason(text: string): string | undefined {
  const marker = reasonMarkers.first(text.toLowerCase());
  if (!marker) return undefined;
  const reason = text.slice(marker.end).split(/[。.!?！？]/)[0]!.replace(/^[\s:,，]+/, '').trim();
  return reason || undefined;
}
