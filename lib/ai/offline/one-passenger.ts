/**
 * One passenger inside a booking of several: 帮我把王芳的座位调到靠窗 / move Emma to an aisle seat /
 * 第二位乘客换到38A. The message is matched against the booking's own passenger list, leaving out the
 * surname the traveller gave to prove the booking is theirs.
 */
import { isRow, str, type Row } from '../results';
import { isHan } from './normalise';
import { toSimplified } from './script';
import type { Understanding } from './types';

const words = (text: string) => text.toLowerCase().split(/[^a-z'-]+/).filter(Boolean);

/** Whether a passenger's name, or its part that is not the verified surname, appears in the message. */
function named(name: string, text: string, surname: string | undefined): boolean {
  if (isHan(name[0])) {
    const given = surname && name.startsWith(surname) ? name.slice(surname.length) : name.slice(1);
    return text.includes(name) || (given.length >= 2 && text.includes(given));
  }
  const said = new Set(words(text));
  return name.split(/[\s/]+/).some((part) => part.length >= 3 && part.toLowerCase() !== surname?.toLowerCase() && said.has(part.toLowerCase()));
}

/** The 1-based position of the passenger the message is about, when it names one on this booking. */
export function passengerPosition(booking: Row, message: string, u: Understanding): number | undefined {
  const passengers = Array.isArray(booking.passengers) ? booking.passengers.filter(isRow).map((p) => str(p.name)) : [];
  const text = toSimplified(message);
  const index = passengers.findIndex((name) => named(toSimplified(name), text, u.surname));
  if (index >= 0) return index + 1;
  return u.optionIndex !== undefined && u.optionIndex <= passengers.length ? u.optionIndex : undefined;
}

/**
 * Whether the message may name someone beyond the surname check (a Latin name word that does not start a
 * sentence, a Chinese name not after 姓, a position): only then is the booking read to find them.
 */
export function mayNameSomeone(message: string, u: Understanding): boolean {
  if (u.optionIndex !== undefined || u.passengerNames?.length) return true;
  const known = new Set([u.surname, u.reference, u.seat].filter(Boolean).map((w) => w!.toLowerCase()));
  const latin = [...message.matchAll(/(?<![.!?]\s|^)\b[A-Z][a-z]{2,}\b/g)].some((m) => !known.has(m[0].toLowerCase()));
  const han = /(?<!姓)[\p{Script=Han}]{2,3}(?=的座位|的位|换|要坐|坐|想坐)/u.test(toSimplified(message));
  return latin || han;
}
