import { z } from 'zod';

/** The cabin classes and what they are called, in zh and en: the one place these names live. */
export const cabinNames = {
  economy: { zh: '经济舱', en: 'economy' },
  business: { zh: '商务舱', en: 'business' },
  first: { zh: '头等舱', en: 'first' },
} as const;

export const Cabin = z
  .enum(['economy', 'business', 'first'])
  .describe(`Cabin class: economy (${cabinNames.economy.zh}), business (${cabinNames.business.zh}) or first (${cabinNames.first.zh})`);
export type Cabin = z.infer<typeof Cabin>;
export const cabins = Cabin.options;

/** Seat rows of one cabin. `layout` lists seat letters left to right; a space is an aisle. */
interface CabinLayout {
  rows: [first: number, last: number];
  layout: string;
  exitRows?: number[];
}

type AircraftConfig = Partial<Record<Cabin, CabinLayout>> & { economy: CabinLayout };

/** Typical Chinese-carrier configurations; exit rows are where the extra legroom is. */
export const aircraft = {
  A319: { business: { rows: [1, 2], layout: 'AC DF' }, economy: { rows: [31, 51], layout: 'ABC DEF', exitRows: [41] } },
  A320: { business: { rows: [1, 2], layout: 'AC DF' }, economy: { rows: [31, 55], layout: 'ABC DEF', exitRows: [41, 42] } },
  A321: { business: { rows: [1, 3], layout: 'AC DF' }, economy: { rows: [31, 60], layout: 'ABC DEF', exitRows: [41, 52] } },
  C919: { business: { rows: [1, 2], layout: 'AC DF' }, economy: { rows: [31, 55], layout: 'ABC DEF', exitRows: [41] } },
  'B737-800': { business: { rows: [1, 2], layout: 'AC DF' }, economy: { rows: [31, 57], layout: 'ABC DEF', exitRows: [44, 45] } },
  'B737 MAX 8': { business: { rows: [1, 2], layout: 'AC DF' }, economy: { rows: [31, 57], layout: 'ABC DEF', exitRows: [44, 45] } },
  'A330-300': { business: { rows: [11, 18], layout: 'AC DG HK' }, economy: { rows: [31, 62], layout: 'AC DEFG HK', exitRows: [46] } },
  'A350-900': {
    first: { rows: [1, 2], layout: 'A DG K' },
    business: { rows: [11, 18], layout: 'A DG K' },
    economy: { rows: [31, 66], layout: 'ABC DEFG HJK', exitRows: [50] },
  },
  'B777-300ER': {
    first: { rows: [1, 2], layout: 'A DG K' },
    business: { rows: [11, 16], layout: 'A DG K' },
    economy: { rows: [31, 60], layout: 'ABC DEFG HJK', exitRows: [45] },
  },
  'B787-9': {
    business: { rows: [11, 17], layout: 'A DG K' },
    economy: { rows: [31, 60], layout: 'ABC DEF HJK', exitRows: [45] },
  },
} as const satisfies Record<string, AircraftConfig>;

export type AircraftType = keyof typeof aircraft;
export const aircraftTypes = Object.keys(aircraft) as AircraftType[];
export const AircraftTypeSchema = z.enum(aircraftTypes as [AircraftType, ...AircraftType[]]).describe('Aircraft type; decides the seat map');

export type SeatPosition = 'window' | 'aisle' | 'middle';

export interface Seat {
  seat: string;
  row: number;
  letter: string;
  position: SeatPosition;
  exit_row: boolean;
}

function positionOf(layout: string, index: number): SeatPosition {
  if (index === 0 || index === layout.length - 1) return 'window';
  if (layout[index - 1] === ' ' || layout[index + 1] === ' ') return 'aisle';
  return 'middle';
}

const seatCache = new Map<string, Seat[]>();

/** Every seat of a cabin, front to back, left to right. Empty when the aircraft has no such cabin. */
export function seatsOf(type: AircraftType, cabin: Cabin): Seat[] {
  const key = `${type}/${cabin}`;
  const cached = seatCache.get(key);
  if (cached) return cached;
  const config: AircraftConfig = aircraft[type];
  const layout = config[cabin];
  const seats: Seat[] = [];
  if (layout) {
    for (let row = layout.rows[0]; row <= layout.rows[1]; row++) {
      [...layout.layout].forEach((letter, index) => {
        if (letter === ' ') return;
        seats.push({
          seat: `${row}${letter}`,
          row,
          letter,
          position: positionOf(layout.layout, index),
          exit_row: layout.exitRows?.includes(row) ?? false,
        });
      });
    }
  }
  seatCache.set(key, seats);
  return seats;
}

export function seatCount(type: AircraftType, cabin: Cabin): number {
  return seatsOf(type, cabin).length;
}

export function isAircraftType(value: string): value is AircraftType {
  return Object.hasOwn(aircraft, value);
}

/** The smallest aircraft with at least this many economy seats (for the legacy flat flight body). */
export function aircraftForEconomySeats(seats: number): AircraftType | undefined {
  return [...aircraftTypes]
    .sort((a, b) => seatCount(a, 'economy') - seatCount(b, 'economy'))
    .find((type) => seatCount(type, 'economy') >= seats);
}
