import { airlineData, type Airline } from '../domain/data/airlines';
import { invalid } from '../domain/errors';
import type { Store } from '../store/store';

/**
 * Airline names by code: the reference list, plus airlines the original flat API registered on first
 * use (kept in the airlines table, so every instance learns them from the database).
 */
const known = new Map(airlineData.map((airline) => [airline.code, airline]));

export function airlineOf(code: string): Airline {
  return known.get(code) ?? { code, name_zh: code, name_en: code };
}

export function isKnownAirline(code: string): boolean {
  return known.has(code);
}

/** Loads registered airlines when any of these codes is not known to this instance yet. */
export async function learnAirlines(store: Store, codes: Iterable<string>): Promise<void> {
  if ([...codes].every((code) => known.has(code))) return;
  for (const airline of await store.reference.airlines()) known.set(airline.code, airline);
}

function byName(name: string): Airline | undefined {
  const wanted = name.trim().toLowerCase();
  return [...known.values()].find((a) => [a.code, a.name_zh, a.name_en].some((n) => n.toLowerCase() === wanted));
}

/** The code for an airline given by code or name (zh/en), or undefined when nobody has it. */
export async function airlineCodeFor(store: Store, name: string): Promise<string | undefined> {
  const found = byName(name);
  if (found) return found.code;
  await learnAirlines(store, [name.trim().toUpperCase()]);
  return byName(name)?.code;
}

/**
 * The original flat API takes any airline text: a known one by name or code, otherwise a new airline
 * registered on first use with the code the flight number starts with (TEST001 → TE).
 */
export async function registerAirline(store: Store, name: string, flightNumber: string): Promise<string> {
  const existing = await airlineCodeFor(store, name);
  if (existing) return existing;
  const code = flightNumber.slice(0, 2).toUpperCase();
  await learnAirlines(store, [code]);
  const holder = known.get(code);
  if (holder) {
    throw invalid('airline', `Flight number ${flightNumber} starts with ${code}, the code of ${holder.name_zh} (${holder.name_en}), not "${name}"`);
  }
  const airline = { code, name_zh: name.trim(), name_en: name.trim() };
  await store.reference.upsertAirlines([airline]);
  known.set(code, airline);
  return code;
}
