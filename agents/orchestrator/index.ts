/** The conversation orchestrator and its activities, registered on this process's durable engine. */
import { registerActivity, registerOrchestrator } from '../../lib/durable';
import { activityNames, callActivity, modelActivity, toolsActivity, writeActivity } from './activities';
import { conversation, orchestratorName } from './conversation';

// Registered at import, so any instance (the timer's tick included) can resume a conversation.
registerOrchestrator(orchestratorName, conversation);
registerActivity(activityNames.call, callActivity);
registerActivity(activityNames.write, writeActivity);
registerActivity(activityNames.tools, toolsActivity);
registerActivity(activityNames.model, modelActivity);

export { conversations } from './conversations';
export { orchestratorName, type Inbound } from './conversation';
export { proposalTtlMs } from '../../lib/ai/conversation';
export { initialState, type ConversationStatus } from './state';
