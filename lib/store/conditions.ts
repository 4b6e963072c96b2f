import type { BookingFilter } from './store';

/**
 * SQL conditions and their named parameters, each added only when its value is present. Both stores
 * build their filters with it; the SQL text comes from fixed fragments, never from values.
 */
export class Conditions<V> {
  readonly params: Record<string, V> = {};
  private readonly clauses: string[] = [];

  /** Adds `sql` when `value` is given (not undefined, not an empty string), binding it as `@name` through `bind`. */
  when<T>(value: T | undefined, sql: string, name?: string, bind?: (value: T) => V): this {
    if (value === undefined || value === '') return this;
    this.clauses.push(sql);
    if (name && bind) this.params[name] = bind(value);
    return this;
  }

  /** Adds a fixed condition when `test` holds. */
  if(test: boolean, sql: string): this {
    if (test) this.clauses.push(sql);
    return this;
  }

  get empty(): boolean {
    return this.clauses.length === 0;
  }

  /** The conditions joined by AND, after `keyword` (`WHERE`, or `AND` inside a larger condition). */
  sql(keyword = 'WHERE'): string {
    return this.clauses.length ? `${keyword} ${this.clauses.join(' AND ')}` : '';
  }
}

/** How a store binds values and matches name terms: the only dialect differences in the booking filter. */
export interface BookingFilterDialect<V> {
  code: (value: string) => V;
  date: (value: string) => V;
  terms: (values: string[]) => V;
  /** A condition on passenger `p` of booking `b` that is true when a term of `@terms` matches. */
  termsMatch: string;
}

/** The WHERE clause of a booking list (`bookings b`), shared by both stores. */
export function bookingFilterClause<V>(filter: BookingFilter, dialect: BookingFilterDialect<V>): { sql: string; params: Record<string, V> } {
  const segment = new Conditions<V>()
    .when(filter.fromDate, 's.flight_date >= @fromDate', 'fromDate', dialect.date)
    .when(filter.toDate, 's.flight_date <= @toDate', 'toDate', dialect.date)
    .when(filter.departureAirport, 'f.departure_airport = @departureAirport', 'departureAirport', dialect.code)
    .when(filter.arrivalAirport, 'f.arrival_airport = @arrivalAirport', 'arrivalAirport', dialect.code)
    .when(filter.flightNumber, 'f.flight_number = @flightNumber', 'flightNumber', dialect.code);
  const where = new Conditions<V>()
    .when(filter.status, 'b.status = @status', 'status', dialect.code)
    .if(!segment.empty, `EXISTS (SELECT 1 FROM segments s JOIN flights f ON f.id = s.flight_id WHERE s.booking_id = b.id ${segment.sql('AND')})`)
    .when(filter.nameTerms?.length ? filter.nameTerms : undefined, `EXISTS (SELECT 1 FROM passengers p WHERE p.booking_id = b.id AND ${dialect.termsMatch})`, 'terms', dialect.terms);
  return { sql: where.sql(), params: { ...where.params, ...segment.params } };
}
