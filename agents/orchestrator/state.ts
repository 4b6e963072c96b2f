/** The conversation state and what the orchestration publishes as its custom status after each turn. */
import { noTokens, type Action, type Awaiting, type ConversationState, type Language, type Role, type TokenUsage, type TranscriptEntry, type TurnResult } from '../../lib/ai/conversation';
import type { Plan } from '../../lib/ai/planner';

const transcriptLimit = 60;
/** Replies kept by message id: enough for every message a burst of callers can have waiting. */
const repliesKept = 16;

export interface Reply {
  messageId: string;
  result: TurnResult;
}

/** What the orchestration carries from turn to turn and across continue-as-new. */
export interface ConversationRecord extends ConversationState {
  /** The latest replies, oldest first: a repeated message id is answered from here. */
  replies: Reply[];
  /** The last write that ran, so a second confirmation of its proposal is told the same booking. */
  /** The proposal written last, its answer and the turn that wrote it: a repeated yes gets that answer again. */
  written?: { proposalId: string; result: TurnResult; turn: number };
}

export function initialState(role: Role = 'traveller', language: Language = 'zh'): ConversationRecord {
  return { role, language, turn: 0, options: [], transcript: [], replies: [] };
}

export function remember(state: ConversationRecord, entries: TranscriptEntry[]): ConversationRecord {
  return { ...state, transcript: [...state.transcript, ...entries].slice(-transcriptLimit) };
}

export function withReply(state: ConversationRecord, reply: Reply): ConversationRecord {
  return { ...state, replies: [...state.replies, reply].slice(-repliesKept) };
}

/** The state after a plan. */
export function applyPlan<S extends ConversationState>(state: S, plan: Plan): S {
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
    // The orchestration sets the turn's model tokens once the turn is over.
    usage: noTokens(),
  };
}

/** The custom status: what GET shows, and the latest replies by message id (how a waiting request finds its answer). */
export interface ConversationStatus {
  role: Role;
  turn: number;
  language: Language;
  proposal?: ConversationState['proposal'];
  transcript: TranscriptEntry[];
  replies: Reply[];
  /** The proposal whose write ran last: a confirmation of it that arrives late is told the same result. */
  writtenProposalId?: string;
  /** Model tokens used by all turns so far (the per-conversation token limit counts them). */
  usage: TokenUsage;
}

export function customStatusOf(state: ConversationRecord): ConversationStatus {
  return {
    role: state.role, turn: state.turn, language: state.language, proposal: state.proposal, transcript: state.transcript, replies: state.replies,
    writtenProposalId: state.written?.proposalId, usage: state.usage ?? noTokens(),
  };
}
