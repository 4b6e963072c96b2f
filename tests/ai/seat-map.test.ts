import { describe, expect, it } from 'vitest';
import { freeSeat } from '../../lib/ai/offline/seat-map';

const seat = (name: string, position: string, available = true, exit_row = false) => ({ seat: name, position, available, exit_row });
const map = {
  flight_number: 'CA1501',
  rows: [
    { row: 30, seats: [seat('30A', 'window', true, true), seat('30C', 'aisle', true, true)] },
    { row: 31, seats: [seat('31A', 'window', false), seat('31C', 'aisle', false), seat('31K', 'window')] },
    { row: 32, seats: [seat('32A', 'window'), seat('32C', 'aisle')] },
  ],
};

describe('freeSeat', () => {
  it('takes the frontmost free seat on that side, outside the exit rows', () => {
    expect(freeSeat(map, 'window')).toBe('31K');
    expect(freeSeat(map, 'aisle')).toBe('32C');
  });
  it('finds none when that side is full', () => {
    expect(freeSeat({ rows: [map.rows[0]] }, 'window')).toBeUndefined();
    expect(freeSeat({}, 'aisle')).toBeUndefined();
  });
});
