/**
 * A SIGKILL of the host's whole process group (a container or OOM kill, a closed terminal) at any moment
 * after a reply was sent loses nothing that reply told the traveller (issue 15): the host restarts on the
 * same data folder and the conversation is there with that turn; an acknowledged booking is neither lost
 * nor repeated.
 */
import { expect, test } from 'vitest';
import { startHost, type TestHost } from '../support/host';
import { bookingCount, bookingReferences, confirm, conversation, newConversation, send } from './talk';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function killAndRestart(host: TestHost): Promise<TestHost> {
  await pause(300);
  await host.killGroup();
  return startHost({ dataDir: host.dataDir });
}

test('killed 0.3 s after a proposal and again after an acknowledged booking, the host comes back with both', async () => {
  let host = await startHost();
  try {
    const id = await newConversation(host);
    const proposed = await send(host, id, '帮我预订明天早上从北京到上海的航班，乘客张三');
    expect(proposed.awaiting, JSON.stringify(proposed)).toBe('confirmation');

    host = await killAndRestart(host);
    const afterProposal = await conversation(host, id);
    expect(afterProposal.status, JSON.stringify(afterProposal.body)).toBe(200);
    expect(afterProposal.body.proposal).not.toBeNull();
    expect(afterProposal.body.transcript.map((entry) => entry.text)).toContain(proposed.reply);

    const booked = await confirm(host, id, true);
    expect(booked.status, JSON.stringify(booked)).toBe(200);
    const [reference] = await bookingReferences(host);
    expect(booked.reply).toContain(reference);

    host = await killAndRestart(host);
    const afterBooking = await conversation(host, id);
    expect(afterBooking.status, JSON.stringify(afterBooking.body)).toBe(200);
    expect(afterBooking.body.proposal).toBeNull();
    expect(afterBooking.body.transcript.map((entry) => entry.text)).toContain(booked.reply);

    // The acknowledged confirmation is not repeated by a retry, a typed yes or the next request.
    expect((await confirm(host, id, true)).status).toBeLessThan(500);
    expect((await send(host, id, '确认')).status).toBe(200);
    expect(await bookingReferences(host)).toEqual([reference]);
    expect(await bookingCount(host)).toBe(1);
    expect((await send(host, id, '查询明天北京到广州的航班')).status).toBe(200);
  } finally {
    await host.stop();
  }
}, 180_000);
