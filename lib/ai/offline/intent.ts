import { intentPhrases, replyClauses, replyFillers, type IntentPhrases } from './lexicon';
import { PhraseTable } from './phrases';
import type { Intent } from './types';

/** Requests about an existing booking: they need its reference and a surname. */
export const manageIntents: readonly Intent[] = ['booking_details', 'refund_quote', 'cancel', 'change_seat', 'change_flight', 'confirm_booking'];

/** What else the message carries; some phrases mean different things with or without it. */
export interface Signals {
  reference: boolean;
  flightNumber: boolean;
  person: boolean;
  route: boolean; // origin and destination
  place: boolean;
  date: boolean;
  tripDetails: boolean; // date, time of day, cabin, party size, preference or stops
  option: boolean;
  details: boolean; // any slot at all
}

interface Scored {
  intent: Intent;
  weight: number;
  rank: number; // earlier groups win ties
}

const phrases = new PhraseTable(
  intentPhrases.flatMap((group, rank) => group.phrases.map((phrase) => [phrase, { group, rank }] as const)),
);
const replies = new Map(
  replyClauses.flatMap((group) => group.phrases.map((phrase) => [phrase.toLowerCase(), group] as const)),
);
const fillers = new RegExp(`(?:\\s*(?:${replyFillers.join('|')}))+$`);

function weightOf(intent: Intent): number {
  return intentPhrases.find((group) => group.intent === intent)?.weight ?? 0;
}

function scorePhrase(group: IntentPhrases, rank: number, signals: Signals): Scored | undefined {
  if (group.unlessPerson && (signals.person || signals.reference)) return undefined;
  if (group.withReference && signals.reference) return { intent: group.withReference, weight: weightOf(group.withReference), rank };
  if (group.needsFlightNumber && !signals.flightNumber) {
    const intent = group.needsFlightNumber.otherwise;
    return { intent, weight: weightOf(intent), rank };
  }
  return { intent: group.intent, weight: group.weight, rank };
}

/** Short replies count only as a whole clause: 好的，订吧 / yes, book it / 不要了. */
function scoreReplies(lower: string): Scored[] {
  const scored: Scored[] = [];
  for (const clause of lower.split(/[,，。.!?;；:]+/)) {
    const bare = clause.trim().replace(fillers, '').trim();
    const group = replies.get(bare) ?? replies.get(clause.trim());
    if (group) scored.push({ intent: group.intent, weight: group.weight, rank: intentPhrases.length });
  }
  return scored;
}

/** No phrase decided: go by what the message carries. */
function fromSignals(signals: Signals): Intent {
  if (signals.route || (signals.place && signals.tripDetails)) return 'search';
  if (signals.reference) return 'booking_details';
  if (signals.flightNumber) return 'flight_status';
  if (signals.option) return 'select';
  if (signals.details) return 'inform';
  return 'unknown';
}

/** Refinements once the phrases have spoken: 查 ABC234 is a booking lookup, not a flight search. */
function refine(intent: Intent, signals: Signals): Intent {
  const aboutFlights = signals.place || signals.date;
  if (intent === 'search' && !aboutFlights && signals.reference) return 'booking_details';
  if (intent === 'search' && !aboutFlights && signals.flightNumber) return 'flight_status';
  if (intent === 'search' && !aboutFlights && signals.option) return 'select';
  if (intent === 'search' && !aboutFlights && signals.person) return 'find_bookings';
  if (intent === 'find_bookings' && signals.reference) return 'booking_details';
  return intent;
}

/**
 * The highest-weighted phrase found decides (see lexicon.intentPhrases); a bare yes/no only decides when the
 * message says nothing else, so "no, Friday" informs rather than declines.
 */
export function decideIntent(lower: string, signals: Signals): Intent {
  const scored: Scored[] = [];
  for (const match of phrases.scan(lower)) {
    const score = scorePhrase(match.value.group, match.value.rank, signals);
    if (score) scored.push(score);
  }
  scored.push(...scoreReplies(lower));
  scored.sort((a, b) => b.weight - a.weight || a.rank - b.rank);
  const best = scored[0];
  if (!best) return fromSignals(signals);
  if (best.weight <= 25 && fromSignals(signals) !== 'unknown') return fromSignals(signals);
  return refine(best.intent, signals);
}
