import type { Api } from './api';
import type { Airport } from './types';

export type PlaceChoice = { ok: true; value: string; label: string } | { ok: false; message: string };

function describe(airports: Airport[]): string {
  return airports.map((a) => `${a.code} ${a.name_zh}`).join(', ');
}

/**
 * What a person typed for an airport (PEK, 北京, Shanghai, 浦东), checked with GET /airports?q=:
 * one airport gives its code, several airports of one city keep the city name (the search covers them all).
 */
export async function choosePlace(api: Api, query: string): Promise<PlaceChoice> {
  const text = query.trim();
  if (!text) return { ok: false, message: 'Give an airport code or a city (PEK, 北京, Shanghai)' };
  const airports = await api.json<Airport[]>('/airports', { query: { q: text }, label: 'Looking up airports…' });
  if (airports.length === 0) return { ok: false, message: `Unknown airport or city "${text}"` };
  if (airports.length === 1) return { ok: true, value: airports[0]!.code, label: describe(airports) };
  if (new Set(airports.map((a) => a.city_en)).size === 1) return { ok: true, value: text, label: describe(airports) };
  return { ok: false, message: `"${text}" could mean ${describe(airports.slice(0, 5))}${airports.length > 5 ? ', …' : ''}; be more precise` };
}
