/** The conversation orchestration and its activities, registered with Durable Functions at import. */
import './activities';
import './conversation';

export { conversations } from './conversations';
export { orchestratorName, messageEvent, type Inbound } from './conversation';
export { proposalTtlMs } from '../../lib/ai/conversation';
export { initialState, type ConversationStatus } from './state';
