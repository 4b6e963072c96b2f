/**
 * Retention of assistant conversations: a timer ends conversations idle beyond the retention and
 * purges ended ones with their Durable history (the durable client's terminate and purge, as the
 * Durable Task extension's management API offers them), so storage and memory stay flat; the traveller
 * API's rate-limit counters of clients and conversations not seen within the retention go too.
 */
import * as df from 'durable-functions';
import { config } from '../lib/config';
import { timer } from '../lib/http/app';
import { purgeLimitCounters } from '../lib/limits/assistant-limits';

const { Running, Pending, Completed, Failed, Terminated, ContinuedAsNew } = df.OrchestrationRuntimeStatus;
const ended = new Set<df.OrchestrationRuntimeStatus>([Completed, Failed, Terminated]);

/** Conversations ended or purged at once: one at a time, a busy app starts conversations faster than the timer retires them. */
const parallel = 8;

/**
 * Ends the conversations created and last active before `cutoff`, and purges the ended ones.
 * One the timer ended itself (Terminated) is purged on the next run, whatever its last update.
 */
export async function applyRetention(client: df.DurableClient, cutoff: Date): Promise<{ ended: number; purged: number }> {
  const old = await client.getStatusBy({ createdTimeTo: cutoff, runtimeStatus: [Running, Pending, ContinuedAsNew, Completed, Failed, Terminated] });
  const queue = old.filter((instance) => instance.name === 'conversation');
  let endedNow = 0;
  let purged = 0;
  async function retire(instance: df.DurableOrchestrationStatus): Promise<void> {
    const idle = new Date(instance.lastUpdatedTime) <= cutoff;
    if (ended.has(instance.runtimeStatus)) {
      if (idle || instance.runtimeStatus === Terminated) purged += (await client.purgeInstanceHistory(instance.instanceId)).instancesDeleted;
    } else if (idle) {
      await client.terminate(instance.instanceId, 'idle beyond the retention');
      endedNow++;
    }
  }
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await retire(next);
    }),
  );
  return { ended: endedNow, purged };
}

timer('conversation-retention', {
  schedule: '%CONVERSATION_PURGE_SCHEDULE%',
  extraInputs: [df.input.durableClient()],
  handler: async (_timer, context) => {
    const cutoff = new Date(Date.now() - config().conversationRetentionSeconds * 1000);
    const { ended: endedNow, purged } = await applyRetention(df.getClient(context), cutoff);
    const counters = await purgeLimitCounters(cutoff);
    if (endedNow || purged || counters) context.log(`Conversation retention: ${endedNow} idle ended, ${purged} purged, ${counters} rate-limit counters deleted`);
  },
});
