/** The conversation state and what the orchestration publishes as its custom status after each turn. */
import type { Action, Awaiting, ConversationState, Language, Role, TranscriptEntry, TurnResult } from '../../lib/ai/conversation';
import type { Plan } from '../../lib/ai/planner';

const transcriptLimit = 60;

export function initialState(role: Role = 'traveller', language: Language = 'zh'): ConversationState {
  return { role, language, turn: 0, options: [], transcript: [] };
}

export function remember(state: ConversationState, entries: TranscriptEntry[]): ConversationState {
  return { ...state, transcript: [...state.transcript, ...entries].slice(-transcriptLimit) };
}

/** The state after a plan. */
export function applyPlan(state: ConversationState, plan: Plan): ConversationState {
  return { ...state, language: plan.language, task: plan.task, options: plan.options, proposal: plan.proposal };
}

export function turnResult(state: ConversationState, reply: string, awaiting: Awaiting, actions: Action[], planner: TurnResult['planner']): TurnResult {
  return {
    reply,
    awaiting: state.proposal ? 'confirmation' : awaiting,
    ...(state.proposal && { proposal: state.proposal }),
    ...(state.options.length && { options: state.options }),
    actions,
    language: state.language,
    planner,
  };
}

/** The custom status: the last turn's result (matched by messageId) and what GET shows. */
export interface ConversationStatus {
  role: Role;
  turn: number;
  messageId?: string;
  result?: TurnResult;
  language: Language;
  proposal?: ConversationState['proposal'];
  transcript: TranscriptEntry[];
}

export function customStatusOf(state: ConversationState, messageId?: string, result?: TurnResult): ConversationStatus {
  return { role: state.role, turn: state.turn, messageId, result, language: state.language, proposal: state.proposal, transcript: state.transcript };
}
