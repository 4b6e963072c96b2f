/**
 * Seat rules, inventory and seat holds, with every expected seat read off the A320 map by hand
 * (business rows 1–2 "AC DF"; economy rows 11–35 "ABC DEF", exit rows 21 and 22).
 */
import { describe, expect, it } from 'vitest';
import { inventoryDeltas, inventoryHeld, seatsHeld, type BookingState } from '../../lib/domain/bookings';
import { cabinOfSeat, cabinSeats, chooseSeats, findSeat } from '../../lib/domain/seats';

const a320 = { aircraft_type: 'A320', cabins: { economy: { capacity: 150 }, business: { capacity: 8 } } };
const economyOnly = { aircraft_type: 'A320', cabins: { economy: { capacity: 150 } } };
const adult = { passengerType: 'adult' as const };
const child = { passengerType: 'child' as const };
/** Every economy seat of rows 11 to 20: the rows before the exit rows. */
const rowsBeforeExit = Array.from({ length: 10 }, (_, i) => [...'ABCDEF'].map((letter) => `${11 + i}${letter}`)).flat();

describe('seat choice', () => {
  it('fills front to back, left to right, when nobody asks for anything', () => {
    expect(chooseSeats(a320, 'economy', new Set(), [adult, adult, adult])).toEqual({ ok: true, seats: ['11A', '11B', '11C'] });
    expect(chooseSeats(a320, 'business', new Set(['1A']), [adult, adult])).toEqual({ ok: true, seats: ['1C', '1D'] });
  });

  it('gives the frontmost free window or aisle seat, and any free seat when none is left', () => {
    expect(chooseSeats(a320, 'economy', new Set(['11A', '11F']), [{ ...adult, preference: 'window' }])).toEqual({ ok: true, seats: ['12A'] });
    expect(chooseSeats(a320, 'economy', new Set(['11C']), [{ ...adult, preference: 'aisle' }, { ...adult, preference: 'aisle' }])).toEqual({ ok: true, seats: ['11D', '12C'] });
    const windowsTaken = new Set(Array.from({ length: 25 }, (_, i) => [`${11 + i}A`, `${11 + i}F`]).flat());
    expect(chooseSeats(economyOnly, 'economy', windowsTaken, [{ ...adult, preference: 'window' }])).toEqual({ ok: true, seats: ['11B'] });
  });

  it('keeps children and infants out of exit rows, but lets adults sit there', () => {
    const taken = new Set(rowsBeforeExit);
    expect(chooseSeats(a320, 'economy', taken, [adult, child, { passengerType: 'infant' }])).toEqual({ ok: true, seats: ['21A', '23A', '23B'] });
    expect(chooseSeats(a320, 'economy', new Set(), [{ ...child, seat: '22F' }])).toEqual({ ok: false, seat: '22F', reason: 'exit_row' });
    expect(chooseSeats(a320, 'economy', new Set(), [{ ...adult, seat: '22F' }])).toEqual({ ok: true, seats: ['22F'] });
  });

  it('takes a requested seat in any case and spacing, refusing one taken, in the party already, or outside the cabin', () => {
    expect(chooseSeats(a320, 'economy', new Set(), [{ ...adult, seat: ' 30b ' }, adult])).toEqual({ ok: true, seats: ['30B', '11A'] });
    expect(chooseSeats(a320, 'economy', new Set(['30B']), [{ ...adult, seat: '30b' }])).toEqual({ ok: false, seat: '30B', reason: 'taken' });
    expect(chooseSeats(a320, 'economy', new Set(), [{ ...adult, seat: '30B' }, { ...adult, seat: '30B' }])).toEqual({ ok: false, seat: '30B', reason: 'taken' });
    expect(chooseSeats(a320, 'economy', new Set(), [{ ...adult, seat: '1A' }])).toEqual({ ok: false, seat: '1A', reason: 'not_in_cabin' });
    expect(chooseSeats(a320, 'economy', new Set(), [{ ...adult, seat: '36A' }])).toEqual({ ok: false, seat: '36A', reason: 'not_in_cabin' });
  });

  it('an automatic seat never takes one requested earlier in the party; a full cabin says so', () => {
    expect(chooseSeats(a320, 'business', new Set(), [{ ...adult, seat: '1A' }, adult])).toEqual({ ok: true, seats: ['1A', '1C'] });
    const allButOne = new Set(['1A', '1C', '1D', '1F', '2A', '2C', '2D']);
    expect(chooseSeats(a320, 'business', allButOne, [adult])).toEqual({ ok: true, seats: ['2F'] });
    expect(chooseSeats(a320, 'business', allButOne, [adult, adult])).toEqual({ ok: false, seat: '', reason: 'full' });
    expect(chooseSeats(a320, 'first', new Set(), [adult])).toEqual({ ok: false, seat: '', reason: 'full' });
  });
});

describe('seat maps', () => {
  it('an unknown aircraft gets six-abreast economy rows from 11, enough for its capacity', () => {
    const generic = { aircraft_type: 'Tupolev', cabins: { economy: { capacity: 13 } } };
    expect(cabinSeats(generic, 'economy').map((s) => s.seat)).toEqual([...'ABCDEF'].map((l) => `11${l}`).concat([...'ABCDEF'].map((l) => `12${l}`), [...'ABCDEF'].map((l) => `13${l}`)));
    expect(cabinSeats(generic, 'business')).toEqual([]);
  });

  it('finds a seat by its number and knows its cabin; a seat nowhere on sale is economy', () => {
    expect(findSeat(a320, 'economy', '21c')).toEqual({ seat: '21C', row: 21, letter: 'C', position: 'aisle', exit_row: true });
    expect(findSeat(a320, 'economy', '1A')).toBeUndefined();
    expect(cabinOfSeat(a320, '2D')).toBe('business');
    expect(cabinOfSeat(a320, ' 2d')).toBe('business');
    expect(cabinOfSeat(a320, '12B')).toBe('economy');
    expect(cabinOfSeat(economyOnly, '2D')).toBe('economy');
    expect(cabinOfSeat(a320, null)).toBe('economy');
    expect(cabinOfSeat(a320, '')).toBe('economy');
  });
});

describe('inventory and seat holds of a booking state', () => {
  const state = (status: BookingState['status'], segments: [number, string, 'economy' | 'business', string[]][], passengers = 2): BookingState => ({
    title: 't', status, contact_email: null, contact_phone: null, total_cents: 0, hold_expires_at: null, cancelled_at: null,
    cancellation_reason: null, fee_cents: null, refund_cents: null,
    passengers: Array.from({ length: passengers }, () => ({ name: 'x', search_key: '', type: 'adult', email: null, phone: null })),
    segments: segments.map(([flight_id, flight_date, cabin, seats]) => ({ flight_id, flight_date, cabin, fare_cents: 1, seats })),
  });

  it('holds one seat per passenger per flight, date and cabin, and none once cancelled', () => {
    const trip = state('pending', [[7, '2026-12-10', 'economy', ['11A', '11B']], [8, '2026-12-11', 'business', ['1A', '1C']]]);
    expect([...inventoryHeld(trip).entries()]).toEqual([
      ['7|2026-12-10|economy', { flight_id: 7, flight_date: '2026-12-10', cabin: 'economy', count: 2 }],
      ['8|2026-12-11|business', { flight_id: 8, flight_date: '2026-12-11', cabin: 'business', count: 2 }],
    ]);
    expect(inventoryHeld({ ...trip, status: 'cancelled' }).size).toBe(0);
    expect(seatsHeld(trip)).toEqual([
      { segment: 0, passenger: 0, flight_id: 7, flight_date: '2026-12-10', seat: '11A' },
      { segment: 0, passenger: 1, flight_id: 7, flight_date: '2026-12-10', seat: '11B' },
      { segment: 1, passenger: 0, flight_id: 8, flight_date: '2026-12-11', seat: '1A' },
      { segment: 1, passenger: 1, flight_id: 8, flight_date: '2026-12-11', seat: '1C' },
    ]);
    expect(seatsHeld({ ...trip, status: 'cancelled' })).toEqual([]);
  });

  it('two segments on one flight, date and cabin add up; a change of cabin or date moves seats between keys, releases first', () => {
    const twice = state('confirmed', [[7, '2026-12-10', 'economy', ['11A', '11B']], [7, '2026-12-10', 'economy', ['12A', '12B']]]);
    expect(inventoryDeltas(undefined, twice)).toEqual([{ flight_id: 7, flight_date: '2026-12-10', cabin: 'economy', delta: 4 }]);
    const before = state('confirmed', [[7, '2026-12-10', 'economy', ['11A', '11B']]]);
    expect(inventoryDeltas(before, state('confirmed', [[7, '2026-12-10', 'business', ['1A', '1C']]]))).toEqual([
      { flight_id: 7, flight_date: '2026-12-10', cabin: 'economy', delta: -2 },
      { flight_id: 7, flight_date: '2026-12-10', cabin: 'business', delta: 2 },
    ]);
    expect(inventoryDeltas(before, state('confirmed', [[7, '2026-12-10', 'economy', ['11A', '11B', '11C']]], 3))).toEqual([{ flight_id: 7, flight_date: '2026-12-10', cabin: 'economy', delta: 1 }]);
    expect(inventoryDeltas(before, state('confirmed', [[7, '2026-12-10', 'economy', ['14A', '14B']]]))).toEqual([]);
  });
});
