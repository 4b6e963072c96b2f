import { describe, expect, it } from 'vitest';
import { byPrecedence, compileRoute } from '../../host/routes';
import { resolveSchedule } from '../../host/timers';
import { zonedToEpoch, localDateTime, isoWeekday, addDays } from '../../lib/domain/time';

describe('Azure route templates', () => {
  it('matches literals case-insensitively, decodes parameters and checks constraints', () => {
    expect(compileRoute('flights/{id:int}').match('/Flights/42')).toEqual({ id: '42' });
    expect(compileRoute('flights/{id:int}').match('/flights/number')).toBeUndefined();
    expect(compileRoute('flights/search/{from}/{to}').match('/flights/search/%E5%8C%97%E4%BA%AC/SHA')).toEqual({ from: '北京', to: 'SHA' });
    expect(compileRoute('items/{name?}').match('/items')).toEqual({});
    expect(compileRoute('docs/{*asset}').match('/docs/a/b.css')).toEqual({ asset: 'a/b.css' });
    expect(compileRoute('flights/{id:int}').match('/flights/42/seats')).toBeUndefined();
    expect(compileRoute('x/{v}').match('/x/%E0%A4%A')).toBeUndefined();
  });

  it('ranks routes as ASP.NET Core does: literals, then constrained, then plain parameters, catch-alls last', () => {
    const first = (...templates: string[]) => templates.map(compileRoute).sort(byPrecedence)[0]!.template;
    expect(first('docs/{*asset}', 'docs')).toBe('docs');
    expect(first('bookings/{id:int}', 'bookings/export')).toBe('bookings/export');
    expect(first('bookings/{id}', 'bookings/{id:int}')).toBe('bookings/{id:int}');
    expect(first('flights/{id:int}', 'flights/number/{flight_number}')).toBe('flights/number/{flight_number}');
  });

  it('resolves %SETTING% schedules from the environment, else the documented default', () => {
    expect(resolveSchedule('%HOLD_RELEASE_SCHEDULE%', { HOLD_RELEASE_SCHEDULE: '*/5 * * * * *' })).toBe('*/5 * * * * *');
    expect(resolveSchedule('%HOLD_RELEASE_SCHEDULE%', {})).toBe('0 * * * * *');
    expect(() => resolveSchedule('%NOPE%', {})).toThrow(/NOPE/);
  });
});

describe('time zones', () => {
  it('converts local wall clocks to instants and back, across zones and DST', () => {
    expect(new Date(zonedToEpoch('2026-12-01', '08:30', 'Asia/Shanghai')).toISOString()).toBe('2026-12-01T00:30:00.000Z');
    expect(new Date(zonedToEpoch('2026-07-01', '08:30', 'Europe/London')).toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(new Date(zonedToEpoch('2026-12-01', '08:30', 'Europe/London')).toISOString()).toBe('2026-12-01T08:30:00.000Z');
    expect(localDateTime(Date.UTC(2026, 11, 1, 16, 30), 'Asia/Tokyo')).toEqual({ date: '2026-12-02', time: '01:30' });
    expect(isoWeekday('2026-11-24')).toBe(2);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
