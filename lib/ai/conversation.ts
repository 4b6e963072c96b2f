/**
 * The conversation's data: what a turn returns, what a proposal holds, what the orchestration
 * carries from turn to turn. Schema-first: the orchestrator, both planners and the HTTP API share it.
 */
import { z } from 'zod';
import type { AgentName } from '../mcp/tools';
import type { Understanding } from './offline/types';
import { filledText } from '../domain/text';

export type { Language } from '../mcp/tools';
import type { Language } from '../mcp/tools';

/** How long a proposal waits for its yes before it expires. */
export const proposalTtlMs = 15 * 60_000;

/** Who the assistant serves: a traveller (anonymous routes) or an agent desk (keyed routes, staff tools). */
export type Role = 'traveller' | 'staff';

/** One MCP tools/call made for a message. */
export interface Action {
  agent: AgentName;
  tool: string;
  arguments: Record<string, unknown>;
  isError: boolean;
  result: unknown;
}

/** A flight or itinerary shown to the traveller, numbered from 1. */
export interface FlightOption {
  index: number;
  flight_number: string;
  /** Flight numbers of every segment (one for a direct flight). */
  segments: { flight_number: string; date: string }[];
  date: string;
  departure_airport: string;
  arrival_airport: string;
  departure_time: string;
  arrival_time: string;
  duration_minutes: number;
  stops: number;
  cabin: string;
  fare_per_passenger: number;
  total_fare: number;
  seats_left: number;
}

/** The exact write that waits for a yes. */
export interface Proposal {
  id: string;
  agent: AgentName;
  tool: string;
  arguments: Record<string, unknown>;
  /** What the traveller pays in all (create, change), CNY. */
  price?: number;
  /** What comes back on cancellation, CNY. */
  refund?: number;
  seats?: string[];
  summary: string;
  expiresAt: string;
}

export type Awaiting = 'input' | 'confirmation' | null;

/** Model tokens, as the chat completions' `usage` reports them; the offline planner spends none. */
export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export const noTokens = (): TokenUsage => ({ prompt_tokens: 0, completion_tokens: 0 });

export const addTokens = (a: TokenUsage, b: Partial<TokenUsage> | undefined): TokenUsage => ({
  prompt_tokens: a.prompt_tokens + (b?.prompt_tokens ?? 0),
  completion_tokens: a.completion_tokens + (b?.completion_tokens ?? 0),
});

/** The reply to one message, as the HTTP API returns it. */
export interface TurnResult {
  reply: string;
  awaiting: Awaiting;
  proposal?: Proposal;
  options?: FlightOption[];
  actions: Action[];
  language: Language;
  /** The planner that answered. */
  planner: 'offline' | 'azure-openai' | 'openai';
  /** The model tokens this turn used, over all its completions. */
  usage: TokenUsage;
}

/** The task the dialogue manager is filling in: an intent and the details gathered so far. */
export type DialogueTask = Omit<Understanding, 'language' | 'optionIndex' | 'optionHint'> & {
  /** The slot the last question asked for, so a bare answer (明, "Wei") can fill it. */
  asked?: string;
  /** The flight chosen for a booking or a change. */
  chosen?: FlightOption;
  /** The search the options shown last came from, so an unchanged request reuses them. */
  searchKey?: string;
};

export interface TranscriptEntry {
  role: 'user' | 'assistant';
  text: string;
  at: string;
  /** On the assistant's entry: the model tokens its turn used. */
  usage?: TokenUsage;
}

/** What the orchestration carries from turn to turn (and across continueAsNew). */
export interface ConversationState {
  role: Role;
  language: Language;
  turn: number;
  task?: DialogueTask;
  options: FlightOption[];
  proposal?: Proposal;
  /** The proposal that expired last, so a late yes is told so. */
  expired?: Proposal;
  transcript: TranscriptEntry[];
  /** Model tokens used by every turn so far (absent in a conversation started before usage was kept). */
  usage?: TokenUsage;
}

/** What a traveller types: whitespace alone is not a message (the pattern says so in the document too). */
const Text = filledText().min(1, 'is required').max(2000);

/** The client's own id for a message: sending the same id again returns the first answer instead of a second turn. */
export const MessageId = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'must be 1–100 letters, digits or _ . : -').describe('Optional id of this message; a retry with the same id gets the first answer');
export const MessageBody = z.object({ text: Text, message_id: MessageId.optional() }).strict();
export const ConfirmBody = z.object({ accept: z.boolean(), message_id: MessageId.optional() }).strict();
export const ConversationId = z.string().regex(/^[0-9a-f]{32}$/, 'must be a conversation id');
export const ChatBody = z.object({ text: Text, conversation_id: ConversationId.optional(), message_id: MessageId.optional() }).strict();
