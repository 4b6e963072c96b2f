import { describe, expect, it } from 'vitest';
import { understand, type DateRange } from '../../lib/ai/offline/understanding';

/** Tuesday 2026-11-24, 09:00 in Shanghai. */
const now = new Date('2026-11-24T09:00:00+08:00');

describe('periods as date ranges (Monday-based weeks, whole months)', () => {
  const cases: [text: string, range: DateRange][] = [
    ['查找李先生上个月的所有预订', { from: '2026-10-01', to: '2026-10-31' }],
    ['这个月的预订', { from: '2026-11-01', to: '2026-11-30' }],
    ['本月', { from: '2026-11-01', to: '2026-11-30' }],
    ['查找李先生下个月的所有预订', { from: '2026-12-01', to: '2026-12-31' }],
    ['上周', { from: '2026-11-16', to: '2026-11-22' }],
    ['本周的订单', { from: '2026-11-23', to: '2026-11-29' }],
    ['下周', { from: '2026-11-30', to: '2026-12-06' }],
    ['下个星期', { from: '2026-11-30', to: '2026-12-06' }],
    ['find all bookings for Mr Li last month', { from: '2026-10-01', to: '2026-10-31' }],
    ['this month', { from: '2026-11-01', to: '2026-11-30' }],
    ['find all bookings for Mr Li next month', { from: '2026-12-01', to: '2026-12-31' }],
    ['last week', { from: '2026-11-16', to: '2026-11-22' }],
    ['bookings this week', { from: '2026-11-23', to: '2026-11-29' }],
    ['next week', { from: '2026-11-30', to: '2026-12-06' }],
  ];
  it.each(cases)('%s', (text, range) => {
    const understanding = understand(text, { now });
    expect(understanding.dateRange).toEqual(range);
    expect(understanding.date, 'a period is not a day').toBeUndefined();
  });

  it('crosses the year', () => {
    expect(understand('下个月', { now: new Date('2026-12-28T09:00:00+08:00') }).dateRange).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(understand('last month', { now: new Date('2026-01-15T09:00:00+08:00') }).dateRange).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(understand('next week', { now: new Date('2026-12-28T09:00:00+08:00') }).dateRange).toEqual({ from: '2027-01-04', to: '2027-01-10' });
  });

  it('counts the week of a Sunday as the one ending that day', () => {
    expect(understand('this week', { now: new Date('2026-11-29T09:00:00+08:00') }).dateRange).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });

  it('gives way to a day named in the period (下周三 is a date)', () => {
    const understanding = understand('下周三北京到上海', { now });
    expect(understanding.date).toBe('2026-12-02');
    expect(understanding.dateRange).toBeUndefined();
  });
});

describe('finding bookings', () => {
  const cases: [text: string, expected: Record<string, unknown>][] = [
    ['查找李先生上个月的所有预订，按日期排序', { intent: 'find_bookings', surname: '李', honorificOnly: true, sortBy: 'date', dateRange: { from: '2026-10-01', to: '2026-10-31' } }],
    ['find all bookings for Mr Li last month, sorted by date', { intent: 'find_bookings', surname: 'Li', honorificOnly: true, sortBy: 'date' }],
    ['查找李雷的所有预订', { intent: 'find_bookings', passengerNames: ['李雷'] }],
    ['bookings for Li Lei by date', { intent: 'find_bookings', passengerNames: ['Li Lei'], sortBy: 'date' }],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(understand(text, { now })).toMatchObject(expected);
  });

  it('reads no order where none is asked for', () => {
    expect(understand('查找李雷的所有预订', { now }).sortBy).toBeUndefined();
  });
});
