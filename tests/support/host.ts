import { afterAll, beforeAll } from 'vitest';
import { startHost, type TestHost } from './host-process';

export * from './host-process';

/** One host for the test file that calls it: started before its tests, stopped after them. */
export function useHost(options: Parameters<typeof startHost>[0] = {}): TestHost {
  let started: TestHost | undefined;
  beforeAll(async () => {
    started = await startHost(options);
  }, 60_000);
  afterAll(async () => {
    await started?.stop();
  });
  return new Proxy({} as TestHost, {
    get(_, property) {
      if (!started) throw new Error('the host starts in beforeAll; use it inside tests');
      return Reflect.get(started, property);
    },
  });
}
