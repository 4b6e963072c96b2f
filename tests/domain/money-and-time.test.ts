/** Money in fen and calendar arithmetic in time zones, against values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { currency, toCents, toYuan } from '../../lib/domain/money';
import { addDays, isoWeekday, isValidDate, localDate, localDateTime, zonedToEpoch } from '../../lib/domain/time';

describe('money', () => {
  it('is kept in whole fen and shown in yuan', () => {
    expect(currency).toBe('CNY');
    expect(toCents(0.29)).toBe(29); // 0.29 × 100 is 28.999… in floating point
    expect(toCents(1234.5)).toBe(123_450);
    expect(toYuan(225_050)).toBe(2250.5);
  });
});

describe('time zones', () => {
  it('turns a local date and time into the instant, whatever the zone and season', () => {
    expect(zonedToEpoch('2026-12-10', '21:00', 'Asia/Shanghai')).toBe(Date.UTC(2026, 11, 10, 13, 0));
    expect(zonedToEpoch('2026-12-10', '21:00:59', 'Asia/Shanghai')).toBe(Date.UTC(2026, 11, 10, 13, 0));
    expect(zonedToEpoch('2026-01-15', '09:30', 'America/New_York')).toBe(Date.UTC(2026, 0, 15, 14, 30));
    expect(zonedToEpoch('2026-07-01', '09:30', 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 13, 30));
    expect(zonedToEpoch('2026-07-01', '09:30', 'Asia/Kolkata')).toBe(Date.UTC(2026, 6, 1, 4, 0));
  });

  it('gives the local date and time of an instant, across midnight either way', () => {
    expect(localDateTime(Date.UTC(2026, 11, 1, 16, 30), 'Asia/Shanghai')).toEqual({ date: '2026-12-02', time: '00:30' });
    expect(localDateTime(Date.UTC(2026, 11, 1, 5, 0), 'America/Los_Angeles')).toEqual({ date: '2026-11-30', time: '21:00' });
    expect(localDateTime(Date.UTC(2026, 6, 1, 12, 0), 'Europe/London')).toEqual({ date: '2026-07-01', time: '13:00' });
    expect(localDate('Asia/Shanghai', new Date(Date.UTC(2026, 11, 31, 16, 0)))).toBe('2027-01-01');
    expect(localDate('Asia/Shanghai', new Date(Date.UTC(2026, 11, 31, 15, 59)))).toBe('2026-12-31');
  });
});

describe('calendar dates', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-10', 0)).toBe('2026-12-10');
  });

  it('numbers weekdays Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-12-01')).toBe(2);
    expect(isoWeekday('2026-12-06')).toBe(7);
  });

  it.each([
    ['2026-12-31', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-13-45', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-12-00', false],
    ['2026-1-05', false],
    [' 2026-12-01', false],
    ['2026-12-01T00:00', false],
  ])('%s is a calendar date: %s', (date, valid) => {
    expect(isValidDate(date)).toBe(valid);
  });
});
