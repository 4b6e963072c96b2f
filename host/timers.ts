import { randomUUID } from 'node:crypto';
import { type FunctionInput, InvocationContext, type Timer } from '@azure/functions';
import { Cron } from 'croner';
import { settings, type SettingSpec } from '../lib/config';
import type { TimerFunction } from '../lib/http/app';

/** A schedule as the Functions host reads it: `%NAME%` is taken from the app setting NAME (or its documented default). */
export function resolveSchedule(schedule: string, env: NodeJS.ProcessEnv = process.env): string {
  return schedule.replace(/^%(\w+)%$/, (_, name: string) => {
    const value = env[name]?.trim() || (settings as Record<string, SettingSpec>)[name]?.example;
    if (!value) throw new Error(`Timer schedule ${schedule}: app setting ${name} is not set`);
    return value;
  });
}

/**
 * Runs timer functions on their NCRONTAB schedules (six fields, seconds first), one run at a time each;
 * `inputs` supplies their input bindings' data (the durable client's), as the Functions host does.
 */
export function startTimers(functions: TimerFunction[], inputs?: (binding: FunctionInput) => unknown): () => void {
  const jobs = functions.map(
    (fn) =>
      new Cron(resolveSchedule(fn.schedule), { protect: true }, async () => {
        const timer: Timer = { isPastDue: false, schedule: { adjustForDST: true }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };
        const extraInputs = fn.extraInputs ?? [];
        const context = new InvocationContext({ invocationId: randomUUID(), functionName: fn.name, options: { extraInputs } });
        for (const binding of extraInputs) context.extraInputs.set(binding, inputs?.(binding));
        try {
          await fn.handler(timer, context);
        } catch (error) {
          console.error(`Timer ${fn.name} failed:`, error);
        }
      }),
  );
  return () => jobs.forEach((job) => job.stop());
}
