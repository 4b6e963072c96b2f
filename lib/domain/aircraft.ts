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

/**
 * Typical Chinese-carrier configurations; exit rows are where the extra legroom is. Narrow-body
 * economy starts at row 11, so the original system's sample seats (12A, 15B) are economy seats.
 */
export const aircraft = {
  A319: { business: { rows: [1, 2], layout: 'AC DF' }, economy: { rows: [11, 31], layout: 'ABC DEF', exitRows: [21] } },
  A320: { business: { rows: [1, 2], layout: 'AC DF' }, economy: { rows: [11, 35], layout: 'ABC DEF', exitRows: [21, 22] } },
  A321: { business: { rows: [1, 3], layout: 'AC DF' }, economy: { rows: [11, 40], layout: 'ABC DEF', exitRows: [21, 32] } },
  C919: { business: { rows: [1, 2], layout: 'AC DF' }, economy: { rows: [11, 35], layout: 'ABC DEF', exitRows: [21] } },
  'B737-800': { business: { rows: [1, 2], layout: 'AC DF' }, economy: { rows: [11, 37], layout: 'ABC DEF', exitRows: [24, 25] } },
  'B737 MAX 8': { business: { rows: [1, 2], layout: 'AC DF' }, economy: { rows: [11, 37], layout: 'ABC DEF', exitRows: [24, 25] } },
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

/** An aircraft the server has no layout for: economy only, six abreast from row 11, enough rows for its capacity. */
function genericLayout(economyCapacity: number): AircraftConfig {
  return { economy: { rows: [11, 10 + Math.max(1, Math.ceil(economyCapacity / 6))], layout: 'ABC DEF' } };
}

/**
 * Every seat of a cabin, front to back, left to right. Empty when the aircraft has no such cabin.
 * A type without a layout (free text from the original flat API) gets the generic map for its economy capacity.
 */
export function seatsOf(type: string, cabin: Cabin, economyCapacity = 0): Seat[] {
  const known = isAircraftType(type);
  const key = known ? `${type}/${cabin}` : `generic ${economyCapacity}/${cabin}`;
  const cached = seatCache.get(key);
  if (cached) return cached;
  const config: AircraftConfig = known ? aircraft[type] : genericLayout(economyCapacity);
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

export function seatCount(type: string, cabin: Cabin, economyCapacity = 0): number {
  return seatsOf(type, cabin, economyCapacity).length;
}

export function isAircraftType(value: string): value is AircraftType {
  return Object.hasOwn(aircraft, value);
}

/** Names the original system's clients send for the types above (lower case, without spaces or dashes). */
const aircraftAliases: Record<string, AircraftType> = {
  a319: 'A319', airbusa319: 'A319', 空客a319: 'A319', 空中客车a319: 'A319',
  a320: 'A320', a320neo: 'A320', airbusa320: 'A320', airbusa320neo: 'A320', 空客a320: 'A320', 空中客车a320: 'A320', a20n: 'A320',
  a321: 'A321', a321neo: 'A321', airbusa321: 'A321', airbusa321neo: 'A321', 空客a321: 'A321', 空中客车a321: 'A321', a21n: 'A321',
  c919: 'C919', comacc919: 'C919', 商飞c919: 'C919',
  b737: 'B737-800', b738: 'B737-800', b737800: 'B737-800', boeing737: 'B737-800', boeing737800: 'B737-800', 波音737: 'B737-800', 波音737800: 'B737-800', '737': 'B737-800', '737800': 'B737-800',
  b737max: 'B737 MAX 8', b737max8: 'B737 MAX 8', b38m: 'B737 MAX 8', boeing737max: 'B737 MAX 8', boeing737max8: 'B737 MAX 8', 波音737max: 'B737 MAX 8', 波音737max8: 'B737 MAX 8',
  a330: 'A330-300', a333: 'A330-300', a330300: 'A330-300', airbusa330: 'A330-300', airbusa330300: 'A330-300', 空客a330: 'A330-300',
  a350: 'A350-900', a359: 'A350-900', a350900: 'A350-900', airbusa350: 'A350-900', airbusa350900: 'A350-900', 空客a350: 'A350-900',
  b777: 'B777-300ER', b77w: 'B777-300ER', b777300er: 'B777-300ER', boeing777: 'B777-300ER', boeing777300er: 'B777-300ER', 波音777: 'B777-300ER',
  b787: 'B787-9', b789: 'B787-9', b7879: 'B787-9', boeing787: 'B787-9', boeing7879: 'B787-9', 波音787: 'B787-9', 波音7879: 'B787-9',
};

/** Label for a flight whose aircraft the client did not name: it gets the generic seat map. */
export const unspecifiedAircraft = 'unspecified';

/**
 * The aircraft type to store for free text from the original flat API: a known type when the text
 * names one (Airbus A320, 波音737-800, B738), otherwise the text itself (a generic seat map).
 */
export function normaliseAircraft(text: string | null | undefined): string {
  const trimmed = text?.trim();
  if (!trimmed) return unspecifiedAircraft;
  if (isAircraftType(trimmed)) return trimmed;
  const key = trimmed.toLowerCase().replace(/[\s\-_]/g, '');
  return aircraftAliases[key] ?? aircraftTypes.find((type) => type.toLowerCase().replace(/[\s\-]/g, '') === key) ?? trimmed;
}
