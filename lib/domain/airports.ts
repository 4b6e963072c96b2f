import { z } from 'zod';
import { airportData } from './data/airports';

export const AirportCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be a 3-letter IATA airport code')
  .transform((code) => code.toUpperCase());

export const Airport = z
  .object({
    code: z.string().describe('IATA code, e.g. PEK'),
    name_zh: z.string(),
    name_en: z.string(),
    city_zh: z.string(),
    city_en: z.string(),
    country: z.string().describe('ISO 3166-1 alpha-2 country code'),
    tz: z.string().describe('IANA time zone, e.g. Asia/Shanghai'),
    aliases: z.array(z.string()).describe('Other names people use: 首都, 大兴, Capital, Hongqiao ...'),
  })
  .meta({ id: 'Airport' });
export type Airport = z.infer<typeof Airport>;

const byCode = new Map(airportData.map((airport) => [airport.code, airport]));

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/(市|机场|国际机场|airport|international)$/u, '').trim();
}

const byName = new Map<string, Airport[]>();
for (const airport of airportData) {
  const names = [airport.city_zh, airport.city_en, airport.name_zh, airport.name_en, ...airport.aliases];
  for (const name of new Set(names.map(normalise))) {
    const list = byName.get(name) ?? [];
    list.push(airport);
    byName.set(name, list);
  }
}

export const allAirports: readonly Airport[] = airportData;

export function airportByCode(code: string): Airport | undefined {
  return byCode.get(code.trim().toUpperCase());
}

/**
 * The airports a traveller means by a code, a city or an airport name in Chinese or English:
 * "PEK" → [PEK]; "北京" or "Beijing" → [PEK, PKX]; "浦东" → [PVG]. Empty when nothing matches.
 */
export function resolvePlace(query: string): Airport[] {
  const exact = /^[A-Za-z]{3}$/.test(query.trim()) ? airportByCode(query) : undefined;
  if (exact) return [exact];
  return byName.get(normalise(query)) ?? [];
}

/** Lookup for GET /api/airports?q=: code, city or name prefix in either language. */
export function searchAirports(query: string | undefined): Airport[] {
  if (!query?.trim()) return [...airportData];
  const resolved = resolvePlace(query);
  if (resolved.length) return resolved;
  const q = normalise(query);
  return airportData.filter((airport) =>
    [airport.code, airport.city_zh, airport.city_en, airport.name_zh, airport.name_en, ...airport.aliases].some((name) =>
      normalise(name).includes(q),
    ),
  );
}

/** Airports of the same city (PEK ↔ PKX, SHA ↔ PVG), the airport itself included. */
export function sameCityAirports(code: string): Airport[] {
  const airport = airportByCode(code);
  if (!airport) return [];
  return airportData.filter((other) => other.city_en === airport.city_en && other.country === airport.country);
}
