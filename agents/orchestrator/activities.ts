/**
 * The conversation's activities: the two agents, each answering an MCP tools/call (or tools/list)
 * JSON-RPC request in process with the McpServer that also serves /api/mcp/<agent>, and one chat
 * completion. Under the Durable Task extension (and the local host's stand-in) each call is
 * recorded in the orchestration's history, so a replay never runs it again. Imported eagerly: a lazy require()
 * (as functions/mcp.ts does) cannot load the TypeScript sources the SDK-driven tests run.
 */
import * as df from 'durable-functions';
import { createAirlineServer } from '../airline/server';
import { createBookingServer } from '../booking/server';
import { answerInProcess } from '../shared/in-process';
import { complete } from '../../lib/ai/azure-openai/client';
import type { ModelRequest } from '../../lib/ai/azure-openai/schema';
import { agents } from '../../lib/mcp/tools';

export const modelActivity = 'ModelCompletion';

export const activityHandlers: Record<string, (input: any) => Promise<unknown>> = {
  [agents.airline]: (request: unknown) => answerInProcess(createAirlineServer, request),
  [agents.booking]: (request: unknown) => answerInProcess(createBookingServer, request),
  [modelActivity]: (request: ModelRequest) => complete(request),
};

for (const [name, handler] of Object.entries(activityHandlers)) df.app.activity(name, { handler });
