/**
 * The language to answer in, kept per conversation: names and places say nothing about it (a bare "Brown"
 * in a Chinese conversation, 北京 in an English sentence, any capitalised word no phrase table knows); the other words do, and a message mixing both
 * keeps the conversation's language once it has one.
 */
import type { ConversationState } from '../conversation';
import { normalise, mask } from './normalise';
import { extractPlaces } from './places';
import { toSimplified } from './script';
import type { Language, Understanding } from './types';
import { calendarWords, tableWords } from './words';

/** A capitalised word no phrase table knows (Miller, Shenzhen's airports aside) names someone or something: it says nothing about the language. */
const properNoun = (word: string) => /^[A-Z]/.test(word) && !tableWords.has(word.toLowerCase()) && !calendarWords.has(word.toLowerCase());

export function replyLanguage(text: string, u: Understanding, state: Pick<ConversationState, 'language' | 'turn'>): Language {
  const normalised = normalise(toSimplified(text));
  let rest = mask(normalised, extractPlaces(normalised).spans).text;
  const names = [...(u.passengerNames ?? []), ...(u.passengers ?? []).map((p) => p.name), u.surname, u.reference, u.flightNumber, u.seat];
  for (const name of names) if (name) for (const part of name.split(' ')) rest = rest.split(part).join(' ');
  const han = rest.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !properNoun(word)).length;
  if (han && !words) return 'zh';
  if (words && !han) return 'en';
  if (!han) return state.language;
  return state.turn <= 1 ? (han >= words * 2 ? 'zh' : 'en') : state.language;
}
