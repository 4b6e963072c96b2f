import { capitalsReference, extractFlightNumber, extractReference, extractSeat, looksLikeFlight } from './codes';
import { extractDate } from './dates';
import { decideIntent, manageIntents, type Signals } from './intent';
import { extractPeople } from './names';
import { detectLanguage, mask, normalise } from './normalise';
import { extractOptionIndex, extractPartySize } from './numbers';
import { extractDateRange } from './periods';
import { extractClock } from './clock';
import { extractParty, mergeTravellers, typedByAge } from './party';
import { extractDayShift, extractLegs } from './legs';
import { extractPlaces, unservedPlace } from './places';
import { readTopic } from './topics';
import { toSimplified } from './script';
import { extractReason, extractSlots } from './slots';
import type { TimeWindow, TimeWindowLabel, Understanding, UnderstandContext } from './types';
import type { Traveller } from './party';

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
    option: present.optionIndex !== undefined || present.optionHint !== undefined || present.clockTime !== undefined,
    details: Object.keys(present).length > 0,
  };
}

/** A clock bound narrows the time of day a phrase (下午) gave: 下午三点以后 departs after 15:00. */
function clockDetails(lower: string, extracted: TimeWindow | undefined): Pick<Details, 'timeWindow' | 'arriveBefore' | 'clockTime'> {
  const clock = extractClock(lower);
  const bounded = clock.departAfter || clock.departBefore;
  const from = clock.departAfter ?? '00:00';
  const to = clock.departBefore ?? '23:59';
  // 中午前到 bounds the arrival and 下午两点那班 names a flight: neither is a departure window.
  const window = bounded ? { label: windowLabel(from), from, to } : clock.arriveBefore || clock.at ? undefined : extracted;
  return {
    timeWindow: window,
    ...(clock.arriveBefore && { arriveBefore: clock.arriveBefore }),
    ...(clock.at && !bounded && { clockTime: clock.at }),
  };
}

const windowLabel = (from: string): TimeWindowLabel => (from < '12:00' ? 'morning' : from < '18:00' ? 'afternoon' : 'evening');

/** Travellers listed with relations or ages join the names the markers found; an age next to any name decides its type. */
function partyDetails(text: string, party: Traveller[], names: string[] | undefined): Pick<Details, 'passengers' | 'passengerNames' | 'partySize'> {
  const named = typedByAge(text, names ?? []);
  const travellers = mergeTravellers(named, party);
  if (!travellers.length || (!party.length && travellers.every((t) => t.type === 'adult'))) return {};
  if (travellers.length === 1 && !named.length && travellers[0]!.type === 'adult') return { passengerNames: [travellers[0]!.name] };
  return { passengers: travellers, passengerNames: travellers.map((p) => p.name), partySize: travellers.length };
}

/**
 * What the details say about the request beyond its phrases: names with a route mean booking, not just
 * looking; a booking with a new day means moving it; a rules question or a hotel is no trip at all.
 */
function refineIntent(intent: Understanding['intent'], present: Details, lower: string): { intent: Understanding['intent']; topic?: Understanding['topic'] } {
  const trip = Boolean(present.origin || present.destination || present.date || present.passengerNames || present.legs);
  const topic = readTopic(lower, intent, { booking: Boolean(present.reference), trip });
  if (topic) return topic;
  if (present.reference && (present.date || present.dayShift || present.retime) && !present.origin && ['booking_details', 'search', 'book', 'inform', 'flight_status'].includes(intent)) return { intent: 'change_flight' };
  if (present.reference && (present.seat || present.seatPreference) && ['booking_details', 'search', 'book', 'inform', 'change_flight'].includes(intent)) return { intent: 'change_seat' };
  // 查一下订位 REF: a reference and no trip is about that booking, whatever 订 suggested.
  if (intent === 'book' && present.reference && !trip) return { intent: 'booking_details' };
  const aboutFlights = present.origin || present.destination;
  if ((intent === 'search' || intent === 'recommend') && aboutFlights && (present.passengerNames || present.legs)) return { intent: 'book' };
  // 我想去上海 / I want to go to Shenzhen: a trip starts with where to.
  if ((intent === 'unknown' || intent === 'inform') && present.destination && !present.origin && !present.reference) return { intent: 'book' };
  return { intent };
}

/**
 * What a traveller's message asks for and which details it gives, in Chinese or English. Pure and
 * deterministic: the same text and context always give the same result. Fields not mentioned are absent.
 */
export function understand(message: string, context: UnderstandContext): Understanding {
  const language = detectLanguage(message);
  const normalised = normalise(toSimplified(message));
  const { lower } = normalised;
  const { route, spans } = extractPlaces(normalised);
  const { people, spans: nameSpans } = extractPeople(normalised, spans);
  const slots = extractSlots(lower);
  const party = extractParty(normalised.text, spans);
  const reference = extractReference(normalised);
  const timeZone = context.timeZone ?? defaultTimeZone;
  const date = extractDate(mask(normalised, nameSpans), language, context.now, timeZone);
  const details: Details = {
    ...route,
    date,
    dateRange: date ? undefined : extractDateRange(lower, context.now, timeZone),
    ...slots,
    ...clockDetails(lower, slots.timeWindow),
    partySize: extractPartySize(lower),
    ...people,
    ...partyDetails(normalised.text, party, people.passengerNames),
    reference,
    flightNumber: extractFlightNumber(normalised, reference),
    seat: extractSeat(normalised),
    optionIndex: extractOptionIndex(lower),
  };
  const present = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined)) as Details;
  // An uncued code in capitals (cancel QWERTY for Li) is a reference when the message, with it, is about a booking.
  // Read with what a reference brings: a new day for a booking is a change (please change FDPNQF to Friday).
  const capitals = present.reference ? undefined : capitalsReference(normalised.text, spans);
  if (capitals && !looksLikeFlight(capitals)) {
    const shift = extractDayShift(lower);
    const withReference: Details = { ...present, reference: capitals, ...(shift && { dayShift: shift }) };
    if (manageIntents.includes(refineIntent(decideIntent(lower, signalsOf(withReference)), withReference, lower).intent)) present.reference = capitals;
  }
  const unserved = unservedPlace(lower);
  if (unserved) present.unserved = unserved;
  const legs = extractLegs(lower, { language, now: context.now, timeZone });
  if (legs) Object.assign(present, { legs, origin: legs[0]!.origin, destination: legs[0]!.destination, date: legs[0]!.date });
  const dayShift = present.reference ? extractDayShift(lower) : undefined;
  if (dayShift) {
    present.dayShift = dayShift;
    delete present.date;
  }
  const read = refineIntent(decideIntent(lower, signalsOf(present)), present, lower);
  const reason = read.intent === 'cancel' ? extractReason(normalised.text) : undefined;
  return { language, ...read, ...present, ...(reason && { reason }) };
}
