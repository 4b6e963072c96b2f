/**
 * What a tool may do comes from the tool: its annotations and _meta in tools/list, read from the real
 * agents in process. A tool that declares nothing is a write that needs the user's yes, also to the
 * Azure OpenAI planner: the model's call of it becomes a proposal and does not run.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ListToolsResult } from '@modelcontextprotocol/sdk/types.js';
import { expect, test } from 'vitest';
import { z } from 'zod';
import { createAirlineServer } from '../../agents/airline/server';
import { createBookingServer } from '../../agents/booking/server';
import { answerInProcess } from '../../agents/shared/in-process';
import { initialState } from '../../agents/orchestrator/state';
import { azurePlanner } from '../../lib/ai/azure-openai/planner';
import type { PlanContext, Step } from '../../lib/ai/planner';
import { policyOf, type AgentName, type ToolDescription } from '../../lib/mcp/tools';

async function toolsOf(agent: AgentName, createServer: () => McpServer): Promise<ToolDescription[]> {
  const listed = (await answerInProcess(createServer, { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} })) as ListToolsResult;
  return listed.tools.map((tool) => ({ agent, name: tool.name, description: tool.description ?? '', inputSchema: tool.inputSchema, annotations: tool.annotations, _meta: tool._meta }));
}

/** A server with one tool that says nothing about itself. */
function undeclared(): McpServer {
  const server = new McpServer({ name: 'undeclared', version: '1.0.0' });
  server.registerTool('rebook_everything', { description: 'Moves every booking', inputSchema: { reason: z.string() } }, async () => ({ content: [{ type: 'text', text: 'done' }] }));
  return server;
}

test('the agents declare which tools write, need staff, take an idempotency key and what to say when done', async () => {
  const tools = [...(await toolsOf('airline', createAirlineServer)), ...(await toolsOf('booking', createBookingServer))];
  const named = (pick: (tool: ToolDescription) => boolean) => tools.filter(pick).map((tool) => tool.name).sort();
  expect(named((tool) => policyOf(tool).needsConfirmation)).toEqual(['cancel_booking', 'change_flight', 'change_seat', 'confirm_booking', 'create_booking']);
  expect(named((tool) => policyOf(tool).staffOnly)).toEqual(['find_bookings', 'get_booking_by_id']);
  expect(named((tool) => policyOf(tool).idempotencyKey === 'idempotency_key')).toEqual(['cancel_booking', 'create_booking']);
  expect(named((tool) => policyOf(tool).writes && !policyOf(tool).done)).toEqual([]);
  for (const tool of tools.filter((t) => policyOf(t).idempotencyKey)) expect(Object.keys(tool.inputSchema.properties as object)).toContain(policyOf(tool).idempotencyKey);
});

test('a tool that declares nothing is a write that needs confirmation, for travellers too', async () => {
  const [tool] = await toolsOf('booking', undeclared);
  expect(tool!.annotations).toBeUndefined();
  expect(policyOf(tool)).toEqual({ writes: true, needsConfirmation: true, staffOnly: false });
  expect(policyOf(undefined)).toMatchObject({ writes: true, needsConfirmation: true });
});

/** Runs a planner step whose calls answer at once. */
function run<T>(step: Step<T>): T {
  const next = step.next();
  if (next.done) return next.value;
  throw new Error('a call yielded');
}

test('the model calling an undeclared tool gets a proposal; the tool does not run', async () => {
  const tools = await toolsOf('booking', undeclared);
  const called: string[] = [];
  const context: PlanContext = {
    now: new Date('2026-03-02T01:00:00Z'),
    tools,
    call: function* (_agent, tool) {
      called.push(tool);
      return { isError: false, result: {} };
    },
    callAll: function* (calls) {
      called.push(...calls.map((c) => c.tool));
      return calls.map(() => ({ isError: false, result: {} }));
    },
    complete: function* () {
      return { content: null, tool_calls: [{ id: 'call-1', type: 'function', function: { name: 'rebook_everything', arguments: '{"reason":"weather"}' } }] };
    },
    newId: () => 'proposal-1',
    expiresAt: '2026-03-02T01:15:00.000Z',
  };
  const plan = run(azurePlanner(initialState(), 'move all my bookings', context));
  expect(plan).toMatchObject({ planner: 'azure-openai', awaiting: 'confirmation', proposal: { id: 'proposal-1', agent: 'booking', tool: 'rebook_everything', arguments: { reason: 'weather' } } });
  expect(called).toEqual([]);
});
