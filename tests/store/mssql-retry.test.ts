import { describe, expect, it } from 'vitest';
import {
  CommitOutcomeUnknownError,
  defaultRetryPolicy,
  inRetriedTransaction,
  isTransient,
  retryDelay,
  transientErrorNumbers,
  withRetry,
  type RetryOptions,
} from '../../lib/store/mssql/retry';
import { StoreUnavailableError } from '../../lib/store/store';

/** Shaped like mssql's RequestError / ConnectionError. */
const sqlError = (number: number) => Object.assign(new Error(`SQL error ${number}`), { number, code: 'EREQUEST' });
const noSleep: RetryOptions = { sleep: async () => undefined, random: () => 0.5 };

describe('transient-error policy', () => {
  it('retries exactly the documented Azure SQL numbers and deadlocks', () => {
    expect([...transientErrorNumbers].sort((a, b) => a - b)).toEqual(
      [64, 233, 1205, 4060, 4221, 10053, 10054, 10060, 10928, 10929, 40197, 40501, 40613, 49918, 49919, 49920],
    );
    for (const number of transientErrorNumbers) expect(isTransient(sqlError(number)), String(number)).toBe(true);
  });

  it('does not retry constraint, syntax or permission errors', () => {
    for (const number of [2601, 2627, 547, 102, 208, 229, 18456, 50000]) expect(isTransient(sqlError(number)), String(number)).toBe(false);
    expect(isTransient(new Error('plain'))).toBe(false);
    expect(isTransient(undefined)).toBe(false);
    expect(isTransient('40613')).toBe(false);
  });

  it('retries broken connections and tedious transient login errors, looking through originalError', () => {
    expect(isTransient(Object.assign(new Error('socket hang up'), { code: 'ESOCKET' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('timeout'), { code: 'ETIMEOUT' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('Login failed'), { code: 'ELOGIN' }))).toBe(false);
    const login = Object.assign(new Error('Database is not currently available'), { code: 'ELOGIN', isTransient: true });
    expect(isTransient(Object.assign(new Error('wrapped'), { code: 'ELOGIN', originalError: login }))).toBe(true);
    expect(isTransient(Object.assign(new Error('wrapped'), { originalError: sqlError(40613) }))).toBe(true);
  });

  it('backs off exponentially with full jitter, capped', () => {
    const policy = { maxAttempts: 8, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5, 6].map((a) => retryDelay(a, policy, () => 0.999999))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(retryDelay(3, policy, () => 0)).toBe(0);
    for (let i = 0; i < 200; i++) {
      const delay = retryDelay(2, policy);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(200);
    }
  });

  it('stops after maxAttempts: the database is unavailable (503), the last error its cause', async () => {
    const waits: number[] = [];
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls++;
        throw sqlError(40501);
      },
      { sleep: async (ms) => void waits.push(ms), random: () => 1 - 1e-9 },
    );
    await expect(failing).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(failing).rejects.toMatchObject({ cause: { number: 40501 } });
    expect(calls).toBe(defaultRetryPolicy.maxAttempts);
    expect(waits).toEqual([199, 399, 799, 1599]);
  });

  it('gives up at once on a non-transient error', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw sqlError(2627);
      }, noSleep),
    ).rejects.toMatchObject({ number: 2627 });
    expect(calls).toBe(1);
  });

  it('returns the first success', async () => {
    let calls = 0;
    const value = await withRetry(async (attempt) => {
      calls++;
      if (attempt < 3) throw sqlError(1205);
      return 'ok';
    }, noSleep);
    expect(value).toBe('ok');
    expect(calls).toBe(3);
  });
});

/** A fake driver transaction that records what happened. */
function recorder(failOn: (attempt: number, step: string) => Error | undefined) {
  const log: string[] = [];
  let attempt = 0;
  const begin = async () => {
    attempt++;
    log.push(`begin#${attempt}`);
    const current = attempt;
    return {
      attempt: current,
      async run(step: string) {
        const error = failOn(current, step);
        log.push(`${step}#${current}${error ? '!' : ''}`);
        if (error) throw error;
      },
      async commit() {
        const error = failOn(current, 'commit');
        log.push(`commit#${current}${error ? '!' : ''}`);
        if (error) throw error;
      },
      async rollback() {
        log.push(`rollback#${current}`);
        throw new Error('already rolled back by the server');
      },
    };
  };
  return { log, begin };
}

describe('transaction retry', () => {
  it('reruns the whole transaction from BEGIN after a deadlock in its second statement', async () => {
    const { log, begin } = recorder((attempt, step) => (attempt === 1 && step === 'update' ? sqlError(1205) : undefined));
    const result = await inRetriedTransaction(
      begin,
      async (tx) => {
        await tx.run('insert');
        await tx.run('update');
        await tx.run('history');
        return tx.attempt;
      },
      noSleep,
    );
    expect(result).toBe(2);
    expect(log).toEqual(['begin#1', 'insert#1', 'update#1!', 'rollback#1', 'begin#2', 'insert#2', 'update#2', 'history#2', 'commit#2']);
  });

  it('rolls back and does not retry a domain error', async () => {
    const { log, begin } = recorder(() => undefined);
    await expect(
      inRetriedTransaction(
        begin,
        async (tx) => {
          await tx.run('update');
          throw new Error('sold out');
        },
        noSleep,
      ),
    ).rejects.toThrow('sold out');
    expect(log).toEqual(['begin#1', 'update#1', 'rollback#1']);
  });

  it('retries a transient failure to BEGIN (e.g. the database waking up)', async () => {
    let calls = 0;
    const { log, begin } = recorder(() => undefined);
    const result = await inRetriedTransaction(
      async () => {
        if (++calls === 1) throw sqlError(40613);
        return begin();
      },
      async () => 'done',
      noSleep,
    );
    expect(result).toBe('done');
    expect(log).toEqual(['begin#1', 'commit#1']);
  });

  it('never retries a failed COMMIT: its outcome is unknown', async () => {
    const { log, begin } = recorder((_attempt, step) => (step === 'commit' ? Object.assign(new Error('reset'), { code: 'ESOCKET' }) : undefined));
    const failing = inRetriedTransaction(begin, async (tx) => tx.run('insert'), noSleep);
    await expect(failing).rejects.toBeInstanceOf(CommitOutcomeUnknownError);
    await expect(failing).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(log).toEqual(['begin#1', 'insert#1', 'commit#1!']);
  });
});
