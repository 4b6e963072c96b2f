import { DurableEngine, type EngineOptions, TableStore } from '../../lib/durable';
import { uniqueHub, useAzurite } from '../support/azurite';

/** Azurite for the file and a factory of engines, each over its own task hub unless one is given. */
export function durableSuite() {
  const azurite = useAzurite();
  return {
    azurite,
    store(hub = uniqueHub()) {
      return TableStore.connect({ connectionString: azurite.connectionString }, hub);
    },
    engine(options: Omit<EngineOptions, 'store'> & { store?: TableStore } = {}) {
      return new DurableEngine({ inlineWaitMs: 200, pollMs: 5, ...options, store: options.store ?? this.store() });
    },
  };
}

/** A clock the test moves by hand, for timers and lease expiry without waiting. */
export function manualClock(start = Date.parse('2026-03-01T08:00:00Z')) {
  let now = start;
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}
