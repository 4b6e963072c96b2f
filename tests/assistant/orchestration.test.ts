/**
 * The conversation orchestration driven through the durable-functions SDK with histories shaped like the
 * Durable Task extension's (tests/support/extension-replay.ts): the registered handler, the agents'
 * real tools/list (their annotations and _meta decide what a tool may do), scripted tools/call answers.
 */
import { beforeAll, expect, test } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as df from 'durable-functions';
import type { Proposal, TurnResult } from '../../lib/ai/conversation';
import { say } from '../../lib/ai/phrase-book';
import { captureRegistrations, ExtensionReplay, type ActivityHandler, type Handler } from '../support/extension-replay';

/** A proposal lives 15 minutes (README), written out rather than read from the code under test. */
const proposalTtlMs = 15 * 60_000;

const request = '帮我预订明天早上从北京到上海的航班，乘客张三';
const start = new Date('2026-03-02T01:00:00Z');

let handlers: Map<string, Handler>;
let module: typeof import('../../agents/orchestrator/conversation');
let state: typeof import('../../agents/orchestrator/state');

beforeAll(async () => {
  handlers = await captureRegistrations(async () => {
    module = await import('../../agents/orchestrator/conversation');
    state = await import('../../agents/orchestrator/state');
    await import('../../agents/orchestrator/activities');
    // The negative control for azure-functions-durable-js issue 574: one timer task re-yielded in every wait.
    df.app.orchestration('timer-reused', function* (context) {
      const timer = context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 60_000));
      for (;;) {
        const winner = yield context.df.Task.any([context.df.waitForExternalEvent('message'), timer]);
        if (winner === timer) return 'expired';
      }
    });
  });
}, 60_000);

function searchResult(date: string) {
  const segment = { flight_number: 'HO1252', date, departure_airport: 'PKX', arrival_airport: 'PVG', departure_time: '07:00:00', arrival_time: '09:10:00', cabin: 'economy', fare: 500, seats_left: 180 };
  return { date, total: 1, itineraries: [{ ...segment, type: 'direct', stops: 0, departure_date: date, duration_minutes: 130, fare_per_passenger: 500, total_fare: 500, segments: [segment] }] };
}

const ok = (value: Record<string, unknown>): CallToolResult => ({ structuredContent: value, content: [{ type: 'text', text: JSON.stringify(value) }] });

/** The agents with their real tools/list, and tools/call answered from a script; `writes` records every write's arguments. */
function conversationOf(script: Record<string, (args: any) => CallToolResult> = {}) {
  const writes: { tool: string; arguments: any }[] = [];
  const calls: string[] = [];
  const scripted: Record<string, (args: any) => CallToolResult> = {
    search_flights: (args) => ok(searchResult(args.date)),
    create_booking: (args) => {
      writes.push({ tool: 'create_booking', arguments: args });
      const first = writes.find((w) => w.arguments.idempotency_key === args.idempotency_key)!;
      return ok({ booking: { reference: 'ABC234', status: 'confirmed', passengers: [{ name: '张三' }], segments: [] }, replayed: first !== writes.at(-1) });
    },
    ...script,
  };
  const agent = (name: string): ActivityHandler => async (rpc: { method: string; params: { name: string; arguments: any } }) => {
    if (rpc.method === 'tools/list') return handlers.get(name)!(rpc, undefined as never);
    calls.push(rpc.params.name);
    const answer = scripted[rpc.params.name];
    if (!answer) throw new Error(`unexpected tools/call ${rpc.params.name}`);
    return answer(rpc.params.arguments);
  };
  const replay = new ExtensionReplay(
    handlers.get(module.orchestratorName)!,
    { AirlineAgent: agent('AirlineAgent'), BookingAgent: agent('BookingAgent'), ModelCompletion: () => { throw new Error('the offline planner calls no model'); } },
    { instanceId: 'c0ffee', name: module.orchestratorName, start, schema: { upperSchemaVersion: 1, upperSchemaVersionNew: 2 } },
  );
  let n = 0;
  const send = async (inbound: Record<string, unknown>): Promise<TurnResult> => {
    const messageId = (inbound.messageId as string | undefined) ?? `m${++n}`;
    const result = await replay.deliver([replay.raised(module.messageEvent, { messageId, ...inbound })]);
    expect(result.error).toBeUndefined();
    return reply(messageId)!;
  };
  const reply = (messageId: string): TurnResult | undefined => replay.customStatus?.replies.find((r: { messageId: string }) => r.messageId === messageId)?.result;
  return { replay, writes, calls, send, reply, begin: () => replay.start({ state: state.initialState() }) };
}

test('history is the extension\'s: the agents are activities taking JSON-RPC tools/call, and their tools/list is read once', async () => {
  const c = conversationOf();
  await c.begin();
  const proposed = await c.send({ text: request });
  expect(proposed.awaiting).toBe('confirmation');
  const scheduled = c.replay.history.filter((e) => e.EventType === 4);
  expect(scheduled.map((e) => [e.EventId, e.Name])).toEqual([[0, 'AirlineAgent'], [1, 'BookingAgent'], [2, 'AirlineAgent']]);
  expect(JSON.parse(scheduled[2]!.Input as string)).toMatchObject({ jsonrpc: '2.0', method: 'tools/call', params: { name: 'search_flights' } });
  // The pending proposal is raced by a timer 15 minutes out, created in the same episode as the wait.
  expect(c.replay.timers()).toEqual([{ id: 3, fireAt: proposed.proposal!.expiresAt }]);
  expect(new Date(proposed.proposal!.expiresAt).getTime() - c.replay.now.getTime()).toBe(proposalTtlMs);
});

test('an accepted proposal writes once, keyed by the proposal; a crash replay repeats no finished call', async () => {
  const c = conversationOf();
  await c.begin();
  const proposed = await c.send({ text: request });
  const booked = await c.send({ accept: true, proposalId: proposed.proposal!.id });
  expect(booked.reply).toContain('预订成功！编号 ABC234');
  expect(c.writes).toEqual([{ tool: 'create_booking', arguments: expect.objectContaining({ idempotency_key: proposed.proposal!.id }) }]);
  const runs = c.replay.runs.length;
  // A new host picks the instance up from its history: the SDK replays it and asks for nothing new.
  const replayed = await c.replay.replayOnly();
  expect(replayed.error).toBeUndefined();
  expect(c.replay.runs.length).toBe(runs);
  expect(c.reply('m2')!.reply).toBe(booked.reply);
});

test('two confirmations of one proposal: one write, and both are told the booking and its reference', async () => {
  const c = conversationOf();
  await c.begin();
  const proposed = await c.send({ text: request });
  // Both clicks read the same pending proposal and arrive together, in one episode.
  const both = await c.replay.deliver([
    c.replay.raised(module.messageEvent, { messageId: 'click-1', accept: true, proposalId: proposed.proposal!.id }),
    c.replay.raised(module.messageEvent, { messageId: 'click-2', accept: true, proposalId: proposed.proposal!.id }),
  ]);
  expect(both.error).toBeUndefined();
  expect(c.writes).toHaveLength(1);
  expect(c.reply('click-1')!.reply).toContain('ABC234');
  expect(c.reply('click-2')!.reply).toBe(c.reply('click-1')!.reply);
});

test('a confirmation of an earlier proposal books nothing, not the one pending now', async () => {
  const c = conversationOf();
  await c.begin();
  const first = (await c.send({ text: request })).proposal!;
  // The traveller changes their mind (a new request replaces the proposal) while a click on the first one is in flight.
  const second = (await c.send({ text: '帮我预订后天早上从北京到上海的航班，乘客李四' })).proposal!;
  expect(second.id).not.toBe(first.id);
  expect(second.arguments).not.toEqual(first.arguments);
  const stale = await c.send({ accept: true, proposalId: first.id });
  expect(stale.reply).toBe(say('declined', 'zh'));
  expect(c.writes).toEqual([]);
  // The same race inside one episode: the new request and the stale click arrive together.
  const d = conversationOf();
  await d.begin();
  const earlier = (await d.send({ text: request })).proposal!;
  const together = await d.replay.deliver([
    d.replay.raised(module.messageEvent, { messageId: 'retype', text: '帮我预订后天早上从北京到上海的航班，乘客李四' }),
    d.replay.raised(module.messageEvent, { messageId: 'late-click', accept: true, proposalId: earlier.id }),
  ]);
  expect(together.error).toBeUndefined();
  expect(d.reply('late-click')!.reply).toBe(say('declined', 'zh'));
  expect(d.writes).toEqual([]);
});

test('/confirm with nothing pending is an ordinary reply, and the conversation goes on', async () => {
  const c = conversationOf();
  await c.begin();
  const nothing = await c.send({ accept: true });
  expect(nothing.reply).toBe(say('nothingToConfirm', 'zh'));
  const declined = await c.send({ accept: false });
  expect(declined.reply).toBe(say('nothingToConfirm', 'zh'));
  expect((await c.send({ text: request })).awaiting).toBe('confirmation');
  expect(c.writes).toEqual([]);
});

test('a repeated message id gets the first answer and is not a second turn', async () => {
  const c = conversationOf();
  await c.begin();
  const first = await c.send({ messageId: 'same', text: request });
  const calls = c.calls.length;
  const again = await c.send({ messageId: 'same', text: '你好' });
  expect(again).toEqual(first);
  expect(c.calls.length).toBe(calls);
  expect(c.replay.customStatus.turn).toBe(1);
});

test('several messages in one episode are each answered, in order', async () => {
  const c = conversationOf();
  await c.begin();
  const texts = ['你好', request, '不要了', 'hello'];
  await c.replay.deliver(texts.map((text, i) => c.replay.raised(module.messageEvent, { messageId: `burst-${i}`, text })));
  expect(texts.map((_, i) => c.reply(`burst-${i}`)?.reply !== undefined)).toEqual([true, true, true, true]);
  expect(c.reply('burst-1')!.awaiting).toBe('confirmation');
  expect(c.reply('burst-2')!.proposal).toBeUndefined();
  const transcript = c.replay.customStatus.transcript.filter((e: { role: string }) => e.role === 'user').map((e: { text: string }) => e.text);
  expect(transcript).toEqual(texts);
});

test('an unexpected failure inside a turn is an apology, and the conversation lives on', async () => {
  const c = conversationOf();
  await c.begin();
  const broken = await c.send({ text: 42 }); // no client of the HTTP API can send this, but an event can carry anything
  expect(broken.reply).toBe(say('unexpected', 'zh'));
  expect((await c.send({ text: request })).awaiting).toBe('confirmation');
});

test('15 minutes after the proposal its timer expires it; a late yes writes nothing', async () => {
  const c = conversationOf();
  await c.begin();
  await c.send({ text: request });
  const [timer] = c.replay.timers();
  c.replay.now = new Date(timer!.fireAt);
  await c.replay.deliver([c.replay.fired(timer!.id)]);
  expect(c.replay.customStatus.proposal).toBeUndefined();
  expect(c.replay.customStatus.transcript.at(-1).text).toBe(say('expiredNow', 'zh'));
  const late = await c.send({ text: '确认' });
  expect(late.reply).toBe(say('expired', 'zh'));
  expect(c.writes).toEqual([]);
});

test('issue 574: every wait on a pending proposal creates a fresh timer, so task ids stay in step with the history', async () => {
  const c = conversationOf();
  await c.begin();
  await c.send({ messageId: 'book', text: request });
  // Retries of an answered message id are waits that end without a turn: the proposal outlives them.
  for (let i = 0; i < 3; i++) await c.send({ messageId: 'book', text: request });
  const timers = c.replay.timers();
  expect(timers.map((t) => t.id)).toEqual([3, 4, 5, 6]);
  expect(new Set(timers.map((t) => t.fireAt)).size).toBe(1);
  c.replay.now = new Date(timers[0]!.fireAt);
  // The fired timer of the latest wait ends it; an older timer firing later changes nothing.
  const expired = await c.replay.deliver([c.replay.fired(6), c.replay.fired(3)]);
  expect(expired.error).toBeUndefined();
  expect(c.replay.customStatus.proposal).toBeUndefined();
  expect(c.replay.customStatus.transcript.filter((e: { text: string }) => e.text === say('expiredNow', 'zh'))).toHaveLength(1);
});

test('issue 574, the control: re-yielding one timer task re-sends its CreateTimer and the extension sees a different orchestration', async () => {
  const replay = new ExtensionReplay(handlers.get('timer-reused')!, {}, { instanceId: 'reuse', name: 'timer-reused', start });
  await replay.start(null);
  await replay.deliver([replay.raised('message', 1)]);
  // The cumulative actions now name the one timer twice: numbered as DTFx numbers them, a second timer appears.
  expect(replay.timers().map((t) => t.id)).toEqual([0, 1]);
});

test('after turnsPerExecution turns the conversation continues as new with its state, and answers on', async () => {
  const c = conversationOf();
  await c.begin();
  for (let i = 0; i < module.turnsPerExecution - 1; i++) await c.send({ text: '你好' });
  const proposed = await c.send({ messageId: 'last', text: request });
  const continued = c.replay.customStatus;
  expect(continued.turn).toBe(module.turnsPerExecution);
  // The episode that answered the last turn ended the execution with continue-as-new; the extension starts the next one with its input.
  const input = (await c.replay.replayOnly()).continuedAsNew as { state: { turn: number; proposal: Proposal; replies: unknown[]; transcript: unknown[] } };
  expect(input.state).toMatchObject({ turn: module.turnsPerExecution, proposal: proposed.proposal });
  expect(input.state.transcript).toHaveLength(2 * module.turnsPerExecution);
  await c.replay.start(input);
  expect(c.replay.history.filter((e) => e.EventType === 4)).toHaveLength(2); // a fresh history: tools/list again
  const again = await c.send({ messageId: 'last', text: 'anything' });
  expect(again).toEqual(proposed);
  const booked = await c.send({ text: '确认' });
  expect(booked.reply).toContain('ABC234');
  expect(c.writes).toHaveLength(1);
});
