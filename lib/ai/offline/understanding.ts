import { capitalsReference, extractFlightNumber, extractReference, extractSeat, looksLikeFlight } from './codes';
import { extractDate } from './dates';
import { decideIntent, manageIntents, type Signals } from './intent';
import { extractPeople } from './names';
import { detectLanguage, mask, normalise } from './normalise';
import { extractOptionIndex, extractPartySize } from './numbers';
import { extractDateRange } from './periods';
import { extractPlaces } from './places';
import { extractReason, extractSlots } from './slots';
import type { Understanding, UnderstandContext } from './types';

export type * from './types';

type Details = Omit<Understanding, 'language' | 'intent'>;

const defaultTimeZone = 'Asia/Shanghai';
const tripFields = ['date', 'timeWindow', 'cabin', 'partySize', 'preference', 'maxStops'] as const;

function signalsOf(present: Details): Signals {
  return {
    reference: present.reference !== undefined,
    flightNumber: present.flightNumber !== undefined,
    person: present.passengerNames !== undefined || present.surname !== undefined,
    route: present.origin !== undefined && present.destination !== undefined,
    place: present.origin !== undefined || present.destination !== undefined,
    date: present.date !== undefined,
    tripDetails: tripFields.some((field) => present[field] !== undefined),
    option: present.optionIndex !== undefined || present.optionHint !== undefined,
    details: Object.keys(present).length > 0,
  };
}

/**
 * What a traveller's message asks for and which details it gives, in Chinese or English. Pure and
 * deterministic: the same text and context always give the same result. Fields not mentioned are absent.
 */
export function understand(message: string, context: UnderstandContext): Understanding {
  const language = detectLanguage(message);
  const normalised = normalise(message);
  const { lower } = normalised;
  const { route, spans } = extractPlaces(normalised);
  const { people, spans: nameSpans } = extractPeople(normalised, spans);
  const reference = extractReference(normalised);
  const timeZone = context.timeZone ?? defaultTimeZone;
  const date = extractDate(mask(normalised, nameSpans), language, context.now, timeZone);
  const details: Details = {
    ...route,
    date,
    dateRange: date ? undefined : extractDateRange(lower, context.now, timeZone),
    ...extractSlots(lower),
    partySize: extractPartySize(lower),
    ...people,
    reference,
    flightNumber: extractFlightNumber(normalised, reference),
    seat: extractSeat(normalised),
    optionIndex: extractOptionIndex(lower),
  };
  const present = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined)) as Details;
  // An uncued code in capitals (cancel QWERTY for Li) is a reference when the message, with it, is about a booking.
  const capitals = present.reference ? undefined : capitalsReference(normalised.text, spans);
  if (capitals && !looksLikeFlight(capitals) && manageIntents.includes(decideIntent(lower, signalsOf({ ...present, reference: capitals })))) {
    present.reference = capitals;
  }
  const intent = decideIntent(lower, signalsOf(present));
  const reason = intent === 'cancel' ? extractReason(normalised.text) : undefined;
  return { language, intent, ...present, ...(reason && { reason }) };
}
