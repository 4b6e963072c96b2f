/**
 * The limits of the traveller's anonymous assistant API (README "Limits of the traveller's assistant API"):
 * conversations started per client per minute, turns per conversation and per client per minute, and
 * model tokens per conversation. A refusal is a 429 problem with Retry-After, thrown before anything is
 * processed. The per-minute counters live in Table Storage, shared by every instance of the app.
 */
import type { TokenUsage } from '../ai/conversation';
import { config, type AssistantLimits } from '../config';
import { HttpError } from '../http/problem';
import { endpointFrom, tableClient } from '../tables/client';
import { FixedWindowCounters } from './fixed-window';

const minuteMs = 60_000;

/** Checks a turn of a conversation that exists, before its message is raised; throws a 429 to refuse it. */
export type TurnGate = (conversationId: string, used: TokenUsage) => Promise<void>;

let counters: FixedWindowCounters | undefined;

/** The counters table of this app's task hub, next to its orchestration tables. */
function sharedCounters(): FixedWindowCounters {
  const settings = config();
  counters ??= new FixedWindowCounters(tableClient(endpointFrom(settings), `${settings.taskHub}Limits`));
  return counters;
}

function tooManyRequests(detail: string, limit: string, retryAfterSeconds: number): HttpError {
  return new HttpError(429, detail, { headers: { 'retry-after': String(retryAfterSeconds) }, limit });
}

/** Seconds until the next minute window starts. */
const untilNextMinute = (now = Date.now()) => Math.max(1, Math.ceil((minuteMs - (now % minuteMs)) / 1000));

/** Deletes the counters of clients and conversations not seen since `before` (the conversation-retention timer). */
export const purgeLimitCounters = (before: Date): Promise<number> => sharedCounters().purge(before.getTime());

export function assistantLimits(limits: AssistantLimits = config().assistantLimits, counters: () => FixedWindowCounters = sharedCounters) {
  async function take(scope: string, key: string, limit: number, detail: string): Promise<void> {
    if (!limit) return;
    const admission = await counters().take(scope, key, limit, minuteMs);
    if (!admission.allowed) throw tooManyRequests(`${detail} (${limit} a minute); try again in ${admission.retryAfterSeconds} s`, scope, admission.retryAfterSeconds);
  }

  return {
    admitConversation: (client: string) => take('conversations-per-client', client, limits.conversationsPerMinutePerClient, 'Too many new conversations from your address'),

    turnGate:
      (client: string): TurnGate =>
      async (conversationId, used) => {
        const spent = used.prompt_tokens + used.completion_tokens;
        if (limits.tokensPerConversation && spent >= limits.tokensPerConversation) {
          // This conversation's budget never comes back; a new conversation can start once the client's conversation window allows.
          throw tooManyRequests(`This conversation has used its ${limits.tokensPerConversation} model tokens; please start a new conversation`, 'tokens-per-conversation', untilNextMinute());
        }
        await take('turns-per-conversation', conversationId, limits.turnsPerMinutePerConversation, 'Too many messages in this conversation');
        await take('turns-per-client', client, limits.turnsPerMinutePerClient, 'Too many messages from your address');
      },
  };
}
