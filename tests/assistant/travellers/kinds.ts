/**
 * The travellers' corpus (issue 16): conversations written from the traveller's side, judged by outcome —
 * the options offered, the proposal's structured content and the database after confirming — never by
 * wording. Two halves: `seen.ts` (worked against) and `heldout.ts` (run once at the end).
 */

export type ClassName =
  | 'time-window'
  | 'party'
  | 'shown-option'
  | 'traditional'
  | 'places'
  | 'one-passenger'
  | 'date-change'
  | 'round-trip'
  | 'policy'
  | 'out-of-scope'
  | 'mixed-language'
  | 'replies';

/** The script the traveller writes in; replies are in Chinese for both Chinese scripts. */
export type Script = 'zh' | 'zh-Hant' | 'en';

export type PassengerType = 'adult' | 'child' | 'infant';

/** Days from today (Asia/Shanghai), or a weekday (1 = Monday … 7 = Sunday) of next calendar week. */
export type DateSpec = number | { nextWeek: 1 | 2 | 3 | 4 | 5 | 6 | 7 };

/** A city by its English name (any of its airports) or one airport by IATA code. */
export type Place = string;

export interface Leg {
  from?: Place;
  to?: Place;
  date?: DateSpec;
  departAfter?: string;
  departBefore?: string;
  arriveBefore?: string;
  /** The flight shown as option N in the previous turn's options. */
  option?: number;
  /** The flight shown earlier with this departure time (the 14:00 one). */
  flight?: string;
}

export interface Person {
  /** Every word (Latin) or the whole name (Chinese, compared in simplified script) must appear in the passenger's name. */
  name: string;
  type?: PassengerType;
}

export interface Expect {
  /** Awaits more input; nothing proposed. */
  asks?: true;
  /** Options were offered and every one satisfies the leg. */
  offers?: Leg;
  /** A write waits for a yes, with this content. */
  proposes?: { tool: 'create_booking' | 'change_seat' | 'change_flight' | 'cancel_booking'; passengers?: Person[]; legs?: Leg[]; passenger?: string };
  /** A final answer (awaiting nothing); `mentions`: at least one of these appears in the reply. */
  answers?: { mentions?: string[] };
  /** No tool was called for this message. */
  noTools?: true;
  /** Reply language; by default the conversation's (zh for both Chinese scripts). */
  language?: 'zh' | 'en';
  /** The reply names at least one of these served cities (English or Chinese names). */
  suggests?: string[];
  /** The reply marks an arrival on the next day (+1) and shows the durations of the options. */
  marksNextDay?: true;
  showsDuration?: true;
}

export interface Turn {
  say?: string;
  confirm?: true;
  expect: Expect;
}

export type After =
  | { booked: { passengers: Person[]; legs: Leg[] } }
  | { unchanged: true }
  | { cancelled: true }
  | { seat: { passenger: string; position?: 'window' | 'aisle'; seat?: string } }
  | { moved: { date: DateSpec; sameFlight?: true; departAfter?: string; departBefore?: string } };

export interface Existing {
  passengers: Person[];
  flight: string;
  days: number;
}

export interface Conversation {
  class: ClassName;
  script: Script;
  /** The trip the writer imagined. */
  story: string;
  /** A booking created first through the REST API; `{ref}` in a message is its reference. */
  existing?: Existing;
  turns: Turn[];
  after?: After;
}

export const yes = (script: Script): Turn => ({ say: script === 'en' ? 'yes please' : script === 'zh' ? '好的，确认' : '確認', expect: { answers: {} } });
