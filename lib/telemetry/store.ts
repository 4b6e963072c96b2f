import type { Store } from '../store/store';
import { telemetryEnabled, traced } from '.';

/**
 * A store whose every call is a SQL dependency span named after the store operation (no parameters:
 * they hold names and contact data). The store itself is unchanged when telemetry is off.
 */
export function tracedStore(store: Store): Store {
  if (!telemetryEnabled()) return store;
  const system = store.kind === 'sqlite' ? 'sqlite' : 'mssql';
  const wrap = <Area extends object>(area: string, target: Area): Area =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        const operation = `${area}.${String(property)}`;
        return (...args: unknown[]) =>
          traced(`${system} ${operation}`, 'client', { 'db.system': system, 'db.operation': operation }, () => value.apply(object, args) as Promise<unknown>);
      },
    });
  return { ...store, reference: wrap('reference', store.reference), flights: wrap('flights', store.flights), bookings: wrap('bookings', store.bookings) };
}
