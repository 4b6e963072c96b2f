/**
 * The 15-minute proposal timer, driven on a DurableEngine with a hand-moved clock: the real conversation
 * orchestrator, stub activities instead of the MCP agents (no host), tick() instead of waiting.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { activityNames, type CallInput } from '../../agents/orchestrator/activities';
import { conversation, orchestratorName, proposalTtlMs, type Inbound } from '../../agents/orchestrator/conversation';
import { initialState, type ConversationStatus } from '../../agents/orchestrator/state';
import type { Proposal } from '../../lib/ai/conversation';
import { say } from '../../lib/ai/replies';
import { DurableEngine, TableStore } from '../../lib/durable';
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

function conversationEngine(options: { clock: () => Date; hub?: string }) {
  const calls: CallInput[] = [];
  const writes: Proposal[] = [];
  const engine = new DurableEngine({
    store: TableStore.connect({ connectionString: azurite.connectionString }, options.hub ?? uniqueHub()),
    clock: options.clock,
    inlineWaitMs: 200,
    pollMs: 5,
    orchestrators: { [orchestratorName]: conversation },
    activities: {
      [activityNames.call]: (input: CallInput) => {
        calls.push(input);
        if (input.tool !== 'search_flights') throw new Error(`unexpected read ${input.tool}`);
        return { isError: false, result: searchResult(String(input.arguments.date)) };
      },
      [activityNames.write]: (proposal: Proposal) => {
        writes.push(proposal);
        return { agent: proposal.agent, tool: proposal.tool, arguments: proposal.arguments, isError: false, result: { booking: { reference: 'ABC234', status: 'confirmed' } } };
      },
      [activityNames.tools]: () => {
        throw new Error('the offline planner lists no tools');
      },
      [activityNames.model]: () => {
        throw new Error('the offline planner calls no model');
      },
    },
  });
  return { engine, calls, writes };
}

async function tell(engine: DurableEngine, id: string, event: 'message' | 'confirm', inbound: Omit<Inbound, 'messageId'>) {
  const messageId = `${event}-${Math.random()}`;
  const status = await engine.raiseEvent(id, event, { messageId, ...inbound });
  const custom = status.customStatus as ConversationStatus;
  expect(custom.messageId, 'the orchestration answered this message').toBe(messageId);
  return custom;
}

async function proposed(engine: DurableEngine, id: string) {
  await engine.startNew(orchestratorName, { instanceId: id, input: { state: initialState() } });
  const status = await tell(engine, id, 'message', { text: request });
  expect(status.result).toMatchObject({ awaiting: 'confirmation', proposal: { tool: 'create_booking' } });
  return status.proposal!;
}

const customStatus = async (engine: DurableEngine, id: string) => (await engine.getStatus(id))!.customStatus as ConversationStatus;

test('a yes within 15 minutes books (the stubs see the write)', async () => {
  const clock = manualClock();
  const { engine, calls, writes } = conversationEngine({ clock: clock.now });
  const proposal = await proposed(engine, 'c-in-time');
  expect(calls.map((c) => c.tool)).toEqual(['search_flights']);
  clock.advance(proposalTtlMs - 60_000);
  expect(await engine.tick()).toEqual({ due: 0 });
  const booked = await tell(engine, 'c-in-time', 'message', { text: '确认' });
  expect(writes).toEqual([proposal]);
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

  const lateYes = await tell(engine, 'c-late', 'message', { text: '确认' });
  expect(lateYes.result).toMatchObject({ reply: say('expired', 'zh'), awaiting: null, actions: [] });
  const lateConfirm = await tell(engine, 'c-late', 'confirm', { accept: true, proposalId: proposal.id });
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
  const lateYes = await tell(engine, 'c-fresh', 'message', { text: '确认' });
  expect(lateYes.result!.reply).toBe(say('expired', 'zh'));
  expect(writes).toEqual([]);
});
