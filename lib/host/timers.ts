import { randomUUID } from 'node:crypto';
import { InvocationContext, type Timer } from '@azure/functions';
import { Cron } from 'croner';
import type { TimerFunction } from '../http/app';

/** Runs timer functions on their NCRONTAB schedules (six fields, seconds first), one run at a time each. */
export function startTimers(functions: TimerFunction[]): () => void {
  const jobs = functions.map(
    (fn) =>
      new Cron(fn.schedule, { protect: true }, async () => {
        const timer: Timer = { isPastDue: false, schedule: { adjustForDST: true }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };
        const context = new InvocationContext({ invocationId: randomUUID(), functionName: fn.name });
        try {
          await fn.handler(timer, context);
        } catch (error) {
          console.error(`Timer ${fn.name} failed:`, error);
        }
      }),
  );
  return () => jobs.forEach((job) => job.stop());
}
