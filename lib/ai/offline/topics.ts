/**
 * Two kinds of message that are not about a trip to book or a booking to manage: questions about the rules
 * (改签收费吗？, how much do I lose if I cancel?) and requests the assistant does not serve (hotels, cars, visas).
 */
import { PhraseTable } from './phrases';
import { outOfScope, questionMarkers, rulesTopics, type RulesTopic } from './travel-lexicon';
import type { Intent } from './types';

const topics = new PhraseTable(rulesTopics);
const questions = new PhraseTable(questionMarkers.map((marker) => [marker, true] as const));
const elsewhere = new PhraseTable(outOfScope.map((phrase) => [phrase, true] as const));

/** Intents a rules question is mistaken for when read as a request. */
const askable: readonly Intent[] = ['refund_quote', 'cancel', 'change_flight', 'unknown', 'search', 'help', 'book', 'inform', 'flight_status'];

export interface TopicReading {
  intent: Intent;
  topic?: RulesTopic;
}

/**
 * `about`: whether the message names a booking (reference) or a trip (places, date, people): then it is a
 * request, not a general question.
 */
export function readTopic(lower: string, intent: Intent, about: { booking: boolean; trip: boolean }): TopicReading | undefined {
  if (about.booking) return undefined;
  if (elsewhere.first(lower) && !['confirm', 'decline'].includes(intent)) return { intent: 'off_topic' };
  const topic = topics.first(lower)?.value;
  if (!topic || about.trip || !askable.includes(intent)) return undefined;
  const general = topic === 'baggage' || topic === 'check_in';
  return general || questions.first(lower) ? { intent: 'rules', topic } : undefined;
}
