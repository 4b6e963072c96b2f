/**
 * The 15-minute proposal timer over the local Durable Task stand-in on a real Azurite, with a hand-moved
 * clock: the compiled app's registrations (through @azure/functions-core, as npm start loads them), the
 * real agent activities over a real SQLite file, tick() instead of waiting.
 */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { ConversationStatus, Inbound } from '../../agents/orchestrator';
import type { TurnResult } from '../../lib/ai/conversation';
import { say } from '../../lib/ai/phrase-book';
import { uniqueHub, useAzurite } from '../support/azurite';
import { manualClock } from '../support/clock';

/** A proposal lives 15 minutes (README), written out rather than read from the code under test. */
const proposalTtlMs = 15 * 60_000;

const azurite = useAzurite();
const request = '帮我预订明天早上从北京到上海的航班，乘客张三';
// The compiled app, loaded with Node's require as the host loads it (its modules load some parts lazily).
const require = createRequire(import.meta.url);
const { DurableClientService } = require('../../dist/host/durable/client') as typeof import('../../host/durable/client');
const { OrchestrationRunner } = require('../../dist/host/durable/runner') as typeof import('../../host/durable/runner');
const { DurableStore } = require('../../dist/host/durable/store') as typeof import('../../host/durable/store');
const { provideFunctionsCore } = require('../../dist/host/worker/functions-core') as typeof import('../../host/worker/functions-core');
let app: typeof import('../../agents/orchestrator');
let bookings: () => Promise<number>;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'expiry-'));
  process.env.DATABASE_URL = `sqlite:${path.join(dir, 'flights.db')}`;
  provideFunctionsCore();
  app = require('../../dist/agents/orchestrator');
  const { services } = require('../../dist/app/services') as typeof import('../../app/services');
  const { BookingListQuery } = require('../../dist/lib/domain/booking-schemas') as typeof import('../../lib/domain/booking-schemas');
  bookings = async () => (await (await services()).bookings.list(BookingListQuery.parse({}))).total;
}, 60_000);

/** A stand-in runner and client over one task hub, as one host process has them. */
async function standIn(hub: string, clock: () => Date) {
  const store = DurableStore.connect({ connectionString: azurite.connectionString }, hub);
  await store.open();
  const runner = new OrchestrationRunner({ store, clock });
  return { runner, client: new DurableClientService(runner, clock) };
}

type StandIn = Awaited<ReturnType<typeof standIn>>;

async function status(host: StandIn, id: string): Promise<ConversationStatus> {
  await host.runner.idle();
  return (await host.client.status(id))!.customStatus as ConversationStatus;
}

/** Raises the message and returns the reply the orchestration published for it. */
async function tell(host: StandIn, id: string, inbound: Omit<Inbound, 'messageId'>): Promise<TurnResult> {
  const messageId = `m-${Math.random()}`;
  await host.client.raise(id, app.messageEvent, { messageId, ...inbound });
  for (let i = 0; i < 400; i++) {
    const reply = (await status(host, id))?.replies.find((entry) => entry.messageId === messageId);
    if (reply) return reply.result;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no reply to ${messageId}`);
}

async function proposed(host: StandIn, id: string) {
  await host.client.start(app.orchestratorName, id, { state: app.initialState() });
  const result = await tell(host, id, { text: request });
  expect(result).toMatchObject({ awaiting: 'confirmation', proposal: { tool: 'create_booking' } });
  return result.proposal!;
}

test('a yes within 15 minutes books', async () => {
  const clock = manualClock(Date.now());
  const host = await standIn(uniqueHub('Expiry'), clock.now);
  const before = await bookings();
  await proposed(host, 'cintime');
  clock.advance(proposalTtlMs - 60_000);
  expect(await host.runner.tick()).toBe(0);
  const booked = await tell(host, 'cintime', { text: '确认' });
  expect(booked.actions.map((a) => [a.tool, a.isError])).toEqual([['create_booking', false]]);
  expect(await bookings()).toBe(before + 1);
}, 60_000);

test('an unanswered proposal expires at 15 minutes; a late yes is told so and books nothing', async () => {
  const clock = manualClock(Date.now());
  const host = await standIn(uniqueHub('Expiry'), clock.now);
  const before = await bookings();
  const proposal = await proposed(host, 'clate');
  expect(proposal.expiresAt).toBe(new Date(clock.now().getTime() + proposalTtlMs).toISOString());

  clock.advance(proposalTtlMs - 1000);
  expect(await host.runner.tick()).toBe(0);
  expect((await status(host, 'clate')).proposal).toEqual(proposal);

  clock.advance(2000);
  expect(await host.runner.tick()).toBe(1);
  const expired = await status(host, 'clate');
  expect(expired.proposal).toBeUndefined();
  expect(expired.transcript.at(-1)).toMatchObject({ role: 'assistant', text: say('expiredNow', 'zh') });

  const lateYes = await tell(host, 'clate', { text: '确认' });
  expect(lateYes).toMatchObject({ reply: say('expired', 'zh'), awaiting: null, actions: [] });
  const lateConfirm = await tell(host, 'clate', { accept: true, proposalId: proposal.id });
  expect(lateConfirm).toMatchObject({ reply: say('expired', 'zh'), actions: [] });
  expect(await bookings()).toBe(before);
}, 60_000);

test('the expiry timer is resumed by another runner that shares only the storage', async () => {
  const clock = manualClock(Date.now());
  const hub = uniqueHub('Expiry');
  await proposed(await standIn(hub, clock.now), 'cfresh');
  clock.advance(proposalTtlMs + 1000);
  const fresh = await standIn(hub, clock.now);
  expect(await fresh.runner.tick()).toBe(1);
  const expired = await status(fresh, 'cfresh');
  expect(expired.proposal).toBeUndefined();
  expect(expired.transcript.at(-1)!.text).toBe(say('expiredNow', 'zh'));
}, 60_000);
