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
