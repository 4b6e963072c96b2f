/**
 * The booking list's WHERE clause both stores share: each filter adds its condition and binds its value by
 * name, values never enter the SQL text. Expected SQL written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { bookingFilterClause, Conditions, type BookingFilterDialect } from '../../lib/store/conditions';

/** Values tagged by how they were bound, so a test sees which binder each filter used. */
const dialect: BookingFilterDialect<string> = {
  code: (value) => `code:${value}`,
  date: (value) => `date:${value}`,
  terms: (values) => `terms:${values.join(',')}`,
  termsMatch: 'MATCH(p, @terms)',
};

describe('the booking filter', () => {
  it('no filter, no WHERE', () => {
    expect(bookingFilterClause({}, dialect)).toEqual({ sql: '', params: {} });
    expect(bookingFilterClause({ status: undefined, fromDate: '', nameTerms: [], skip: 5, limit: 10 }, dialect)).toEqual({ sql: '', params: {} });
  });

  it('a status alone is a condition on the booking', () => {
    expect(bookingFilterClause({ status: 'pending' }, dialect)).toEqual({ sql: 'WHERE b.status = @status', params: { status: 'code:pending' } });
  });

  it('segment filters go together into one EXISTS over the same segment', () => {
    expect(bookingFilterClause({ fromDate: '2026-12-01', toDate: '2026-12-31', departureAirport: 'PEK', arrivalAirport: 'SHA', flightNumber: 'CA1501' }, dialect)).toEqual({
      sql:
        'WHERE EXISTS (SELECT 1 FROM segments s JOIN flights f ON f.id = s.flight_id WHERE s.booking_id = b.id AND s.flight_date >= @fromDate AND s.flight_date <= @toDate' +
        ' AND f.departure_airport = @departureAirport AND f.arrival_airport = @arrivalAirport AND f.flight_number = @flightNumber)',
      params: { fromDate: 'date:2026-12-01', toDate: 'date:2026-12-31', departureAirport: 'code:PEK', arrivalAirport: 'code:SHA', flightNumber: 'code:CA1501' },
    });
  });

  it('status, one segment filter and name terms are joined by AND', () => {
    expect(bookingFilterClause({ status: 'confirmed', toDate: '2026-12-31', nameTerms: ['zhang', '张'] }, dialect)).toEqual({
      sql:
        'WHERE b.status = @status AND EXISTS (SELECT 1 FROM segments s JOIN flights f ON f.id = s.flight_id WHERE s.booking_id = b.id AND s.flight_date <= @toDate)' +
        ' AND EXISTS (SELECT 1 FROM passengers p WHERE p.booking_id = b.id AND MATCH(p, @terms))',
      params: { status: 'code:confirmed', toDate: 'date:2026-12-31', terms: 'terms:zhang,张' },
    });
  });
});

describe('conditions', () => {
  it('a condition without a binder adds its SQL only; a fixed one only when its test holds; another keyword joins them', () => {
    const conditions = new Conditions<number>().when(3, 'a = 1').if(false, 'b = 2').if(true, 'c = 3').when(0, 'd = @d', 'd', (n) => n + 1);
    expect(conditions.empty).toBe(false);
    expect(conditions.sql('AND')).toBe('AND a = 1 AND c = 3 AND d = @d');
    expect(conditions.sql()).toBe('WHERE a = 1 AND c = 3 AND d = @d');
    expect(conditions.params).toEqual({ d: 1 });
    expect(new Conditions().empty).toBe(true);
  });
});
