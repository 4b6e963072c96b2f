/**
 * The task the dialogue fills in, message by message: what each intent needs, which question asks
 * for the first missing detail, and how a message's details (or a bare answer) merge into the task.
 */
import type { DialogueTask } from '../conversation';
import type { PhraseKey } from '../phrase-book';
import { surnameOf } from './arguments';
import { capitalsReference } from './codes';
import { manageIntents } from './intent';
import type { Intent, Understanding } from './types';
type Slot = 'origin' | 'destination' | 'date' | 'reference' | 'surname' | 'seat' | 'flightNumber' | 'passengerNames';
type Ask = Slot | 'givenName' | 'option';

export const tripIntents: readonly Intent[] = ['search', 'recommend', 'book'];

/** What each task needs before the agents are asked, in the order it is asked for. */
const needs: Partial<Record<Intent, Slot[]>> = {
  search: ['origin', 'destination', 'date'],
  recommend: ['origin', 'destination', 'date'],
  book: ['origin', 'destination', 'date'],
  booking_details: ['reference', 'surname'],
  refund_quote: ['reference', 'surname'],
  cancel: ['reference', 'surname'],
  confirm_booking: ['reference', 'surname'],
  change_seat: ['reference', 'surname', 'seat'],
  change_flight: ['reference', 'surname', 'date'],
  flight_status: ['flightNumber'],
  find_bookings: ['passengerNames'], // staff only; a traveller is asked for a reference instead
};

export const questions: Record<Ask, PhraseKey> = {
  origin: 'askOrigin',
  destination: 'askDestination',
  date: 'askDate',
  reference: 'askReference',
  surname: 'askSurname',
  seat: 'askSeat',
  flightNumber: 'askWhichOption',
  passengerNames: 'askPassengerName',
  givenName: 'askGivenName',
  option: 'askWhichOption',
};

/** Details that, given while managing a booking, say what to do with it: "a window seat please" → change the seat. */
const manageRedirects: [detail: keyof Understanding, intent: Intent][] = [
  ['seat', 'change_seat'],
  ['seatPreference', 'change_seat'],
];

/** Messages that are answered from the catalogue alone. */
export const canned: Partial<Record<Intent, PhraseKey>> = { greeting: 'greeting', help: 'help', off_topic: 'offTopic', unknown: 'notUnderstood' };



/** Words beyond codes (ABC234, CA1501, 12A) tell the language; a bare code keeps the conversation's. */
export function hasWords(text: string, u: Understanding): boolean {
  const codes = [u.reference, u.flightNumber, u.seat, capitalsReference(text)];
  const rest = codes.reduce<string>((left, code) => (code ? left.replace(new RegExp(code, 'ig'), '') : left), text);
  return /\p{Script=Han}|[A-Za-z]{2,}/u.test(rest);
}

export const familyOf = (intent: Intent) => (tripIntents.includes(intent) ? 'trip' : manageIntents.includes(intent) ? 'manage' : intent);

function detailsOf(u: Understanding): Partial<DialogueTask> {
  const { language: _language, intent: _intent, optionIndex: _index, optionHint: _hint, ...details } = u;
  return details;
}

/** A bare answer to the last question (明, "Wei", 李) that the understanding has no slot for. */
function bareAnswer(task: DialogueTask, u: Understanding, text: string): Partial<DialogueTask> {
  const word = text.trim().replace(/[。.!！]$/, '');
  const isName = (/^\p{Script=Han}{1,4}$/u.test(word) || /^[A-Za-z'-]+( [A-Za-z'-]+)?$/.test(word)) && !u.passengerNames && !u.surname;
  if (!isName) return {};
  if (task.asked === 'givenName' && task.surname) {
    return { passengerNames: [/\p{Script=Han}/u.test(word) ? `${task.surname}${word}` : `${task.surname} ${word}`], honorificOnly: false };
  }
  if (task.asked === 'passengerNames' && u.intent !== 'select') return { passengerNames: [word] };
  if (task.asked === 'surname') return { surname: word };
  return {};
}

/** The task after this message: a new request starts one, details fill the current one. */
export function nextTask(current: DialogueTask | undefined, u: Understanding, text: string): DialogueTask | undefined {
  const details = detailsOf(u);
  if (u.intent === 'select') delete details.preference;
  const isRequest = needs[u.intent] !== undefined && !answers(current, u, details);
  if (isRequest && (!current || familyOf(current.intent) !== familyOf(u.intent))) return withReference({ intent: u.intent, ...details }, text);
  if (!current) return undefined;
  const redirect = u.intent === 'inform' && familyOf(current.intent) === 'manage' ? manageRedirects.find(([detail]) => u[detail] !== undefined)?.[1] : undefined;
  const intent = isRequest ? u.intent : redirect;
  const merged: DialogueTask = { ...current, ...details, ...bareAnswer(current, u, text), ...(intent && { intent }) };
  if (u.passengerNames && !u.honorificOnly) merged.honorificOnly = false;
  const picks = u.intent === 'select' || u.passengerNames !== undefined;
  if (picks && (merged.intent === 'search' || merged.intent === 'recommend')) merged.intent = 'book';
  return withReference(merged, text);
}

/**
 * While managing a booking, a capitals token of the reference alphabet counts even when it looks like a flight
 * (MU2K34, CA1234): the understanding cannot tell without knowing what the conversation is about.
 */
function withReference(task: DialogueTask, text: string): DialogueTask {
  if (familyOf(task.intent) === 'manage') task.reference ??= capitalsReference(text);
  return task;
}

/** A message that only gives what the last question asked for (a bare ABC234 reads as "show booking") answers it. */
function answers(current: DialogueTask | undefined, u: Understanding, details: Partial<DialogueTask>): boolean {
  return current?.asked !== undefined && current.asked in details && familyOf(current.intent) === familyOf(u.intent);
}

export function missing(task: DialogueTask): Slot | undefined {
  const surname = task.surname ?? surnameOf(task.passengerNames?.[0]);
  // A flight booked by its number (book me on MU5101 on December 9) says its own route.
  const route = task.intent === 'book' ? task.flightNumber : undefined;
  const present: Record<Slot, unknown> = {
    origin: task.origin ?? route,
    destination: task.destination ?? route,
    date: task.date ?? (task.intent === 'change_flight' ? task.flightNumber ?? task.dayShift ?? task.retime : undefined),
    reference: task.reference,
    surname,
    seat: task.seat ?? task.seatPreference,
    flightNumber: task.flightNumber,
    passengerNames: task.passengerNames?.[0] ?? task.surname,
  };
  return needs[task.intent]?.find((slot) => present[slot] === undefined);
}
