import { ActivityTimeoutError, failureOf } from './errors';
import type { Activity, ActivityContext, ActivityOptions, FailureDetails } from './types';

export type AttemptResult = { ok: true; value: unknown } | { ok: false; failure: FailureDetails };

/** Runs one attempt; with a time limit, the attempt fails (and its signal aborts) when the limit passes. */
export async function runAttempt(
  name: string,
  activity: Activity,
  input: unknown,
  context: Omit<ActivityContext, 'signal'>,
  timeoutMs: number | undefined,
): Promise<AttemptResult> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const attempt = (async () => activity(input, { ...context, signal: controller.signal }))();
  const limit =
    timeoutMs === undefined
      ? undefined
      : new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const error = new ActivityTimeoutError(name, timeoutMs);
            controller.abort(error);
            reject(error);
          }, timeoutMs);
        });
  try {
    const value = await (limit ? Promise.race([attempt, limit]) : attempt);
    // JSON is what the history keeps, so the orchestrator sees the same value now and on replay.
    return { ok: true, value: value === undefined ? undefined : JSON.parse(JSON.stringify(value)) };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  } finally {
    clearTimeout(timer);
    attempt.catch(() => undefined);
  }
}

/** When the next attempt may start, or undefined when the policy gives up after `attempt` attempts. */
export function nextRetryAt(options: ActivityOptions, attempt: number, scheduledAt: Date, now: Date): Date | undefined {
  const { maxAttempts = 1, firstRetryIntervalMs = 1000, backoffCoefficient = 2, maxRetryIntervalMs = Infinity, retryTimeoutMs } = options;
  if (attempt >= maxAttempts) return undefined;
  const delay = Math.min(firstRetryIntervalMs * backoffCoefficient ** (attempt - 1), maxRetryIntervalMs);
  const retryAt = new Date(now.getTime() + delay);
  if (retryTimeoutMs !== undefined && retryAt.getTime() - scheduledAt.getTime() > retryTimeoutMs) return undefined;
  return retryAt;
}
