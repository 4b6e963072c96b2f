/**
 * The 15-minute proposal timer, driven on a DurableEngine with a hand-moved clock: the real conversation
 * orchestration (run by the interim bridge, lib/durable/sdk-bridge.ts), the agents' real tools/list and
 * scripted tools/call answers instead of the database (no host), tick() instead of waiting.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { activityHandlers } from '../../agents/orchestrator/activities';
import { conversation, messageEvent, orchestratorName, type Inbound } from '../../agents/orchestrator/conversation';
import { initialState, type ConversationStatus } from '../../agents/orchestrator/state';
import { proposalTtlMs, type TurnResult } from '../../lib/ai/conversation';
import { say } from '../../lib/ai/phrase-book';
import { DurableEngine, TableStore } from '../../lib/durable';
import { fromGenerator } from '../../lib/durable/sdk-bridge';
import { agents } from '../../lib/mcp/tools';
import { uniqueHub, useAzurite } from '../support/azurite';
import { repoRoot } from '../support/host';
import { manualClock } from '../durable/setup';

const azurite = useAzurite();
const request = '帮我预订明天早上从北京到上海的航班，乘客张三';

/** One direct morning flight on whatever date was asked for. */
function searchResult(date: string) {
  const segment = { flight_number: 'HO1252', date, departure_airport: 'PKX', arrival_airport: 'PVG', departure_time: '07:00:00', arrival_time: '09:10:00', cabin: 'economy', fare: 500, seats_left: 180 };
  return { date, total: 1, itineraries: [{ ...segment, type: 'direct', stops: 0, departure_date: date, duration_minutes: 130, fare_per_passenger: 500, total_fare: 500, segments: [segment] }] };
}

type Rpc = { method: string; params: { name: string; arguments: Record<string, unknown> } };

function conversationEngine(options: { clock: () => Date; hub?: string }) {
  const calls: Rpc['params'][] = [];
  const writes: Rpc['params'][] = [];
  const agent = (name: string) => (rpc: Rpc) => {
    if (rpc.method === 'tools/list') return activityHandlers[name]!(rpc);
    const { params } = rpc;
    if (params.name === 'create_booking') {
      writes.push(params);
      const booking = { reference: 'ABC234', status: 'confirmed' };
      return { structuredContent: { booking, replayed: false }, content: [{ type: 'text', text: JSON.stringify({ booking, replayed: false }) }] };
    }
    calls.push(params);
    if (params.name !== 'search_flights') throw new Error(`unexpected read ${params.name}`);
    const result = searchResult(String(params.arguments.date));
    return { structuredContent: result, content: [{ type: 'text', text: JSON.stringify(result) }] };
  };
  const engine = new DurableEngine({
    store: TableStore.connect({ connectionString: azurite.connectionString }, options.hub ?? uniqueHub()),
    clock: options.clock,
    inlineWaitMs: 200,
    pollMs: 5,
    orchestrators: { [orchestratorName]: fromGenerator(conversation as unknown as Parameters<typeof fromGenerator>[0]) },
    activities: {
      [agents.airline]: agent(agents.airline),
      [agents.booking]: agent(agents.booking),
      ModelCompletion: () => {
        throw new Error('the offline planner calls no model');
      },
    },
  });
  return { engine, calls, writes };
}

/** Raises the message and waits for the orchestration to publish its reply. */
async function tell(engine: DurableEngine, id: string, inbound: Omit<Inbound, 'messageId'>): Promise<ConversationStatus & { result: TurnResult }> {
  const messageId = `m-${Math.random()}`;
  await engine.raiseEvent(id, messageEvent, { messageId, ...inbound });
  for (let i = 0; i < 200; i++) {
    const custom = (await engine.getStatus(id))!.customStatus as ConversationStatus;
    const reply = custom?.replies.find((entry) => entry.messageId === messageId);
    if (reply) return { ...custom, result: reply.result };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no reply to ${messageId}`);
}

async function proposed(engine: DurableEngine, id: string) {
  await engine.startNew(orchestratorName, { instanceId: id, input: { state: initialState() } });
  const status = await tell(engine, id, { text: request });
  expect(status.result).toMatchObject({ awaiting: 'confirmation', proposal: { tool: 'create_booking' } });
  return status.proposal!;
}

const customStatus = async (engine: DurableEngine, id: string) => (await engine.getStatus(id))!.customStatus as ConversationStatus;

test('a yes within 15 minutes books (the stubs see the write)', async () => {
  const clock = manualClock();
  const { engine, calls, writes } = conversationEngine({ clock: clock.now });
  const proposal = await proposed(engine, 'c-in-time');
  expect(calls.map((c) => c.name)).toEqual(['search_flights']);
  clock.advance(proposalTtlMs - 60_000);
  expect(await engine.tick()).toEqual({ due: 0 });
  const booked = await tell(engine, 'c-in-time', { text: '确认' });
  expect(writes).toEqual([{ name: 'create_booking', arguments: { ...proposal.arguments, idempotency_key: proposal.id } }]);
  expect(booked.result!.actions.map((a) => a.tool)).toEqual(['create_booking']);
});

test('an unanswered proposal expires at 15 minutes; a late yes is told so and books nothing', async () => {
  const clock = manualClock();
  const { engine, writes } = conversationEngine({ clock: clock.now });
  const proposal = await proposed(engine, 'c-late');
  expect(proposal.expiresAt).toBe(new Date(clock.now().getTime() + proposalTtlMs).toISOString());

  clock.advance(proposalTtlMs - 1000);
  expect(await engine.tick()).toEqual({ due: 0 });
  expect((await customStatus(engine, 'c-late')).proposal).toEqual(proposal);

  clock.advance(2000);
  expect(await engine.tick()).toEqual({ due: 1 });
  const expired = await customStatus(engine, 'c-late');
  expect(expired.proposal).toBeUndefined();
  expect(expired.transcript.at(-1)).toMatchObject({ role: 'assistant', text: say('expiredNow', 'zh') });

  const lateYes = await tell(engine, 'c-late', { text: '确认' });
  expect(lateYes.result).toMatchObject({ reply: say('expired', 'zh'), awaiting: null, actions: [] });
  const lateConfirm = await tell(engine, 'c-late', { accept: true, proposalId: proposal.id });
  expect(lateConfirm.result).toMatchObject({ reply: say('expired', 'zh'), actions: [] });
  expect(writes).toEqual([]);
});

test('the expiry timer is resumed by a tick in a fresh process that only imports the function app', async () => {
  // The proposal is made 16 minutes "ago", so its timer is due by the real clock of the new process.
  const clock = manualClock(Date.now() - proposalTtlMs - 60_000);
  const hub = uniqueHub();
  const { engine, writes } = conversationEngine({ clock: clock.now, hub });
  await proposed(engine, 'c-fresh');

  const tick = `require('./dist/agents/orchestrator'); require('./dist/app/services').durable().tick().then((r) => console.log(JSON.stringify(r)))`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', tick], {
    cwd: path.resolve(repoRoot),
    env: { PATH: process.env.PATH, DURABLE_STORAGE_CONNECTION_STRING: azurite.connectionString, DURABLE_TASK_HUB: hub },
  });
  expect(JSON.parse(stdout)).toEqual({ due: 1 });

  const expired = await customStatus(engine, 'c-fresh');
  expect(expired.proposal).toBeUndefined();
  expect(expired.transcript.at(-1)!.text).toBe(say('expiredNow', 'zh'));
  const lateYes = await tell(engine, 'c-fresh', { text: '确认' });
  expect(lateYes.result!.reply).toBe(say('expired', 'zh'));
  expect(writes).toEqual([]);
});
