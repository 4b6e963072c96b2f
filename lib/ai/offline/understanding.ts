import { extractFlightNumber, extractReference, extractSeat } from './codes';
import { extractDate } from './dates';
import { decideIntent } from './intent';
import { extractPeople } from './names';
import { detectLanguage, normalise } from './normalise';
import { extractOptionIndex, extractPartySize } from './numbers';
import { extractPlaces } from './places';
import { extractReason, extractSlots } from './slots';
import type { Understanding, UnderstandContext } from './types';

export type * from './types';

const defaultTimeZone = 'Asia/Shanghai';
const tripFields = ['date', 'timeWindow', 'cabin', 'partySize', 'preference', 'maxStops'] as const;

/**
 * What a traveller's message asks for and which details it gives, in Chinese or English. Pure and
 * deterministic: the same text and context always give the same result. Fields not mentioned are absent.
 */
export function understand(message: string, context: UnderstandContext): Understanding {
  const language = detectLanguage(message);
  const normalised = normalise(message);
  const { lower } = normalised;
  const { route, spans } = extractPlaces(normalised);
  const reference = extractReference(normalised);
  const details: Omit<Understanding, 'language' | 'intent'> = {
    ...route,
    date: extractDate(normalised, language, context.now, context.timeZone ?? defaultTimeZone),
    ...extractSlots(lower),
    partySize: extractPartySize(lower),
    ...extractPeople(normalised, spans),
    reference,
    flightNumber: extractFlightNumber(normalised, reference),
    seat: extractSeat(normalised),
    optionIndex: extractOptionIndex(lower),
  };
  const present = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined)) as typeof details;
  const intent = decideIntent(lower, {
    reference: present.reference !== undefined,
    flightNumber: present.flightNumber !== undefined,
    person: present.passengerNames !== undefined || present.surname !== undefined,
    route: present.origin !== undefined && present.destination !== undefined,
    place: present.origin !== undefined || present.destination !== undefined,
    date: present.date !== undefined,
    tripDetails: tripFields.some((field) => present[field] !== undefined),
    option: present.optionIndex !== undefined || present.optionHint !== undefined,
    details: Object.keys(present).length > 0,
  });
  const reason = intent === 'cancel' ? extractReason(normalised.text) : undefined;
  return { language, intent, ...present, ...(reason && { reason }) };
}
