/**
 * A large deterministic flight network for benchmarks: `generateNetwork({ flights: 20000 })`.
 *
 * Airports come from airportData; their coordinates (below, degrees, to ~0.01°) give a great-circle
 * distance, from which the block time is estimated (see `blockMinutes`) and the economy fare is priced.
 * Everything random is drawn from a seeded PRNG (mulberry32), so the same options give the same network.
 */
import { aircraft, seatCount, type AircraftType } from '../lib/domain/aircraft';
import type { Airport } from '../lib/domain/airports';
import { airlineData } from '../lib/domain/data/airlines';
import { airportData } from '../lib/domain/data/airports';
import { scheduleUtcOffset, type FareAndCapacity, type SampleFlight } from '../lib/domain/data/flights';

/** [latitude, longitude] of every airport in airportData. */
export const airportCoordinates: Record<string, [lat: number, lon: number]> = {
  PEK: [40.08, 116.58], PKX: [39.51, 116.41], SHA: [31.2, 121.34], PVG: [31.14, 121.81], CAN: [23.39, 113.3],
  SZX: [22.64, 113.81], CTU: [30.58, 103.95], TFU: [30.32, 104.44], CKG: [29.72, 106.64], KMG: [25.1, 102.93],
  XIY: [34.45, 108.75], HGH: [30.23, 120.43], WUH: [30.78, 114.21], NKG: [31.74, 118.86], XMN: [24.54, 118.13],
  TAO: [36.36, 120.09], CSX: [28.19, 113.22], HAK: [19.93, 110.46], SYX: [18.3, 109.41], DLC: [38.97, 121.54],
  SHE: [41.64, 123.48], HRB: [45.62, 126.25], URC: [43.91, 87.47], TSN: [39.12, 117.35], CGO: [34.52, 113.84],
  FOC: [25.93, 119.66], NNG: [22.61, 108.17], KWE: [26.54, 106.8], LHW: [36.52, 103.62], TYN: [37.75, 112.63],
  HET: [40.85, 111.82], SJW: [38.28, 114.7], HFE: [31.99, 116.98], NGB: [29.83, 121.46], WNZ: [27.91, 120.85],
  JJN: [24.8, 118.59], KHN: [28.86, 115.9], CGQ: [43.99, 125.68], YNT: [37.66, 120.99], WUX: [31.49, 120.43],
  LXA: [29.3, 90.91], XNN: [36.53, 102.04], INC: [38.32, 106.39], DYG: [29.1, 110.44], ZUH: [22.01, 113.38],
  KWL: [25.22, 110.04], TNA: [36.86, 117.22], LJG: [26.68, 100.25], JHG: [21.97, 100.76], KHG: [39.54, 76.02],
  SWA: [23.55, 116.5], TXN: [29.73, 118.26], DLU: [25.65, 100.32], YIH: [30.56, 111.48], LYA: [34.74, 112.39],
  NTG: [32.07, 120.98], CZX: [31.92, 119.78], WEH: [37.19, 122.23], MIG: [31.43, 104.74],
  HKG: [22.31, 113.92], MFM: [22.15, 113.59], TPE: [25.08, 121.23], TSA: [25.07, 121.55],
  NRT: [35.77, 140.39], HND: [35.55, 139.78], KIX: [34.43, 135.24], NGO: [34.86, 136.81], CTS: [42.78, 141.69],
  ICN: [37.46, 126.44], GMP: [37.56, 126.79], PUS: [35.18, 128.94], CJU: [33.51, 126.49],
  SIN: [1.36, 103.99], BKK: [13.69, 100.75], HKT: [8.11, 98.31], KUL: [2.75, 101.71], CGK: [-6.13, 106.66],
  DPS: [-8.75, 115.17], MNL: [14.51, 121.02], SGN: [10.82, 106.65], HAN: [21.22, 105.81], DEL: [28.57, 77.1],
  BOM: [19.09, 72.87], DXB: [25.25, 55.36], DOH: [25.27, 51.61], IST: [41.26, 28.74], SVO: [55.97, 37.41],
  HEL: [60.32, 24.96], LHR: [51.47, -0.45], CDG: [49.01, 2.55], FRA: [50.03, 8.57], MUC: [48.35, 11.79],
  AMS: [52.31, 4.76], FCO: [41.8, 12.25], MAD: [40.47, -3.56], JFK: [40.64, -73.78], ORD: [41.98, -87.9],
  LAX: [33.94, -118.41], SFO: [37.62, -122.38], SEA: [47.45, -122.31], YVR: [49.19, -123.18],
  SYD: [-33.95, 151.18], MEL: [-37.67, 144.84], AKL: [-37.01, 174.79],
};

const rad = Math.PI / 180;

function coordinates(code: string): [number, number] {
  const point = airportCoordinates[code];
  if (!point) throw new Error(`no coordinates for airport ${code}`);
  return point;
}

/** Great-circle distance in km. */
export function distanceKm(from: string, to: string): number {
  const [lat1, lon1] = coordinates(from);
  const [lat2, lon2] = coordinates(to);
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/** How much of the initial great-circle heading points east (1) or west (−1). */
function eastward(from: string, to: string): number {
  const [lat1, lon1] = coordinates(from);
  const [lat2, lon2] = coordinates(to);
  const dLon = (lon2 - lon1) * rad;
  const y = Math.sin(dLon) * Math.cos(lat2 * rad);
  const x = Math.cos(lat1 * rad) * Math.sin(lat2 * rad) - Math.sin(lat1 * rad) * Math.cos(lat2 * rad) * Math.cos(dLon);
  return Math.sin(Math.atan2(y, x));
}

/**
 * Scheduled block time in minutes, rounded to 5: ground and approach time (55 min on short flights,
 * falling to 40 on the longest, as Chinese domestic schedules are padded) plus the distance at 780 km/h,
 * 7 % quicker flying east with the jet stream and 7 % slower flying west.
 * PEK–SHA 135, PEK–CAN 200, PEK–URC 250 (URC–PEK 225), PVG–NRT 180 (NRT–PVG 200).
 */
export function blockMinutes(from: string, to: string): number {
  const km = distanceKm(from, to);
  const ground = 55 - 15 * Math.min(1, km / 8000);
  const airborne = (km / 13) * (1 - 0.07 * eastward(from, to));
  return Math.round((ground + airborne) / 5) * 5;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The carriers of each country, by airline code; a flight is flown by a carrier of one of its ends. */
const carriersOf: Record<string, string[]> = {
  CN: ['CA', 'MU', 'CZ', 'HU', '3U', 'ZH', 'MF', 'FM', 'SC', 'HO', '9C', 'GS', '8L'],
  HK: ['CX'],
  TW: ['CI', 'BR'],
  JP: ['NH', 'JL'],
  KR: ['KE', 'OZ'],
  SG: ['SQ'],
  TH: ['TG'],
  GB: ['BA'],
  FR: ['AF'],
  DE: ['LH'],
  AE: ['EK'],
  US: ['UA', 'AA'],
  AU: ['QF'],
};

/** Aircraft by stage length (km, upper bound). */
const fleetByRange: [maxKm: number, types: AircraftType[]][] = [
  [1500, ['A319', 'A320', 'A321', 'C919', 'B737-800', 'B737 MAX 8']],
  [3500, ['A320', 'A321', 'B737-800', 'B737 MAX 8', 'A330-300']],
  [7000, ['A330-300', 'B787-9', 'A350-900']],
  [11000, ['B787-9', 'A350-900', 'B777-300ER']],
];
const maxKm = 11000;
const minKm = 250;

/** Economy CNY per km: ~1.0 on short hops, falling to ~0.5 on long haul. */
function economyFare(km: number): number {
  return km * (0.5 + 0.5 * Math.max(0, 1 - km / 4000));
}

function clock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function round10(value: number): number {
  return Math.round(value / 10) * 10;
}

export interface NetworkOptions {
  /** Number of flights to generate. */
  flights: number;
  /** Use only the first N airports of airportData (hubs come first); default all. At least 2. */
  airports?: number;
  /** PRNG seed; default 1. */
  seed?: number;
}

/** A large, deterministic, plausible network of flights between real airports (see the file comment). */
export function generateNetwork(options: NetworkOptions): SampleFlight[] {
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const ports: Airport[] = airportData.slice(0, options.airports ?? airportData.length);
  if (ports.length < 2) throw new Error('generateNetwork needs at least 2 airports');
  // Hubs (earlier in airportData) get more flights: weight falls from 3 to 1 down the list.
  const weights = ports.map((_, index) => 1 + (2 * (ports.length - index)) / ports.length);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const pickPort = (): Airport => {
    let r = random() * total;
    for (let i = 0; i < ports.length; i++) {
      r -= weights[i]!;
      if (r < 0) return ports[i]!;
    }
    return ports[ports.length - 1]!;
  };
  const knownAirlines = new Set(airlineData.map((airline) => airline.code));
  const nextNumber = new Map<string, number>();
  const flights: SampleFlight[] = [];
  let attempts = 0;
  while (flights.length < options.flights) {
    if (++attempts > options.flights * 50) throw new Error(`cannot place ${options.flights} flights on ${ports.length} airports`);
    const from = pickPort();
    const to = pickPort();
    if (from.code === to.code || from.city_en === to.city_en) continue;
    const km = distanceKm(from.code, to.code);
    if (km < minKm || km > maxKm) continue;
    const carriers = [...(carriersOf[from.country] ?? []), ...(carriersOf[to.country] ?? [])].filter(
      (code) => knownAirlines.has(code) && (nextNumber.get(code) ?? 1) <= 9999,
    );
    if (!carriers.length) continue;
    const departure = 360 + 5 * Math.floor(random() * 205); // 06:00–23:00 in 5-minute steps
    const arrival = departure - scheduleUtcOffset(from.tz) + blockMinutes(from.code, to.code) + scheduleUtcOffset(to.tz);
    if (arrival < 0) continue; // would land the previous local day (eastwards over the date line)
    const airline = pick(carriers);
    const number = nextNumber.get(airline) ?? 1;
    nextNumber.set(airline, number + 1);
    const type = pick(fleetByRange.find(([limit]) => km <= limit)![1]);
    const base = economyFare(km) * (0.85 + 0.3 * random());
    const cabins: SampleFlight['cabins'] = { economy: { fare: round10(base), capacity: seatCount(type, 'economy') } };
    const config: { business?: unknown; first?: unknown } = aircraft[type];
    const premium = (cabin: 'business' | 'first', factor: number): FareAndCapacity => ({ fare: round10(base * factor), capacity: seatCount(type, cabin) });
    if (config.business && airline !== '9C') cabins.business = premium('business', 3.5);
    if (config.first && airline !== '9C') cabins.first = premium('first', 5.5);
    const daily = random() < 0.75;
    const flight: SampleFlight = {
      flight_number: `${airline}${number}`,
      airline_code: airline,
      departure_airport: from.code,
      arrival_airport: to.code,
      departure_time: clock(departure),
      arrival_time: clock(arrival),
      aircraft_type: type,
      cabins,
    };
    const dayOffset = Math.floor(arrival / 1440);
    if (dayOffset) flight.arrival_day_offset = dayOffset;
    if (!daily) flight.days_of_operation = [1, 2, 3, 4, 5, 6, 7].filter((day) => day % 2 === (number % 2) || random() < 0.3);
    flights.push(flight);
  }
  return flights;
}
