/** The planner contract: both planners (offline policy, Azure OpenAI) turn one message into a Plan. */
import type { AgentName, ToolDescription, ToolResult } from '../mcp-client/client';
import type { ModelReply, ModelRequest } from './azure-openai/schema';
import type { Awaiting, ConversationState, FlightOption, Language, Proposal, DialogueTask } from './conversation';

/** Runs an MCP read tool (as a durable activity) and records it in the turn's actions. */
export type CallTool = (agent: AgentName, tool: string, args: Record<string, unknown>) => Promise<ToolResult>;

export interface PlanContext {
  /** The orchestration's replay-safe clock. */
  now: Date;
  call: CallTool;
  /** Both agents' tools (MCP tools/list), as a durable activity. */
  listTools: () => PromiseLike<ToolDescription[]>;
  /** One chat completion, as a durable activity; throws when the model cannot be reached. */
  complete: (request: ModelRequest) => PromiseLike<ModelReply>;
  /** Replay-safe id for a proposal. */
  newId: () => string;
  /** When a proposal made now expires. */
  expiresAt: string;
}

export interface Plan {
  language: Language;
  reply: string;
  awaiting: Awaiting;
  options: FlightOption[];
  task?: DialogueTask;
  proposal?: Proposal;
  planner: 'offline' | 'azure-openai' | 'openai';
}

export type Planner = (state: ConversationState, text: string, context: PlanContext) => Promise<Plan>;
