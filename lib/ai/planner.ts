/**
 * The planner contract: both planners (offline policy, Azure OpenAI) turn one message into a Plan.
 * A planner is a generator: every model call and tool call is a durable step it `yield*`s, so an
 * orchestration replays it synchronously and a crash never repeats a finished call.
 */
import type { AgentName, ToolDescription, ToolResult } from '../mcp/tools';
import type { ModelReply, ModelRequest } from './azure-openai/schema';
import type { Awaiting, ConversationState, FlightOption, Language, Proposal, DialogueTask } from './conversation';

/** What a step yields: a Durable Functions task, described by its shape so this library needs no SDK. */
export interface StepTask {
  isCompleted: boolean;
  isFaulted: boolean;
  result?: unknown;
}

/** A durable step: yields the orchestration's tasks, returns their outcome. */
export type Step<T> = Generator<StepTask, T, any>;

export interface ToolCall {
  agent: AgentName;
  tool: string;
  arguments: Record<string, unknown>;
}

/** Runs an MCP read tool (as a durable activity) and records it in the turn's actions; a failure comes back as isError. */
export type CallTool = (agent: AgentName, tool: string, args: Record<string, unknown>) => Step<ToolResult>;

export interface PlanContext {
  /** The orchestration's replay-safe clock. */
  now: Date;
  /** Both agents' tools (MCP tools/list), with what each may do (lib/mcp/tools.ts policyOf). */
  tools: ToolDescription[];
  call: CallTool;
  /** Several read tools at once (the calls run in parallel). */
  callAll: (calls: ToolCall[]) => Step<ToolResult[]>;
  /** One chat completion, as a durable activity; throws when the model cannot be reached. */
  complete: (request: ModelRequest) => Step<ModelReply>;
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

export type Planner = (state: ConversationState, text: string, context: PlanContext) => Step<Plan>;
