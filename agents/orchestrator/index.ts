/** The conversation orchestration and its activities, registered with Durable Functions at import. */
import { registerActivity, registerOrchestrator } from '../../lib/durable';
import { fromGenerator } from '../../lib/durable/sdk-bridge';
import { activityHandlers } from './activities';
import { conversation, orchestratorName } from './conversation';

// Interim, until the local host plays the Durable Task extension's part: the same generator and
// activities also run on the project's engine (lib/durable/sdk-bridge.ts). Azure uses only the SDK registrations.
registerOrchestrator(orchestratorName, fromGenerator(conversation as unknown as Parameters<typeof fromGenerator>[0]));
for (const [name, handler] of Object.entries(activityHandlers)) registerActivity(name, handler);

export { conversations } from './conversations';
export { orchestratorName, messageEvent, type Inbound } from './conversation';
export { proposalTtlMs } from '../../lib/ai/conversation';
export { initialState, type ConversationStatus } from './state';
