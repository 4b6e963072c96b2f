/** The conversation orchestrator and its activities, registered on this process's durable engine. */
import { durable, type DurableEngine } from '../../lib/durable';
import { activityNames, callActivity, modelActivity, toolsActivity, writeActivity } from './activities';
import { conversation, orchestratorName } from './conversation';

let registered: DurableEngine | undefined;

/**
 * The engine with the conversation registered. Lazy, because creating the engine reads the
 * configuration, which must not happen while the local host imports the functions (it fixes PORT later).
 */
export function conversations(): DurableEngine {
  if (registered) return registered;
  registered = durable()
    .registerOrchestrator(orchestratorName, conversation)
    .registerActivity(activityNames.call, callActivity)
    .registerActivity(activityNames.write, writeActivity)
    .registerActivity(activityNames.tools, toolsActivity)
    .registerActivity(activityNames.model, modelActivity);
  return registered;
}

export { orchestratorName, proposalTtlMs, type Inbound } from './conversation';
export { initialState, type ConversationStatus } from './state';
