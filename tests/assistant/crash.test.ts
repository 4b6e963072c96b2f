import { expect, test } from 'vitest';
import { startHost } from '../support/host';
import { bookingCount, newConversation, send } from './talk';

test('a host killed after the proposal books exactly once when the yes reaches a new host', async () => {
  const first = await startHost();
  let id: string;
  try {
    id = await newConversation(first);
    const proposed = await send(first, id, '帮我预订明天早上从北京到上海的航班，乘客张三');
    expect(proposed.awaiting).toBe('confirmation');
    expect(await bookingCount(first)).toBe(0);
    // Azurite (LokiJS) saves its tables to disk every few seconds; a kill inside that window loses the latest writes.
    await new Promise((resolve) => setTimeout(resolve, 6000));
  } finally {
    await first.stop('SIGKILL');
  }
  const second = await startHost({ dataDir: first.dataDir });
  try {
    const booked = await send(second, id, '确认');
    expect(booked.status, JSON.stringify(booked)).toBe(200);
    expect(booked.actions.map((a) => [a.tool, a.isError])).toEqual([['create_booking', false]]);
    const again = await send(second, id, '确认');
    expect(again.actions).toEqual([]);
    expect(await bookingCount(second)).toBe(1);
    const status = (await (await second.fetch(`/assistant/conversations/${id}`)).json()) as { transcript: unknown[]; proposal: unknown };
    expect(status.proposal).toBeNull();
    expect(status.transcript.length).toBe(6);
  } finally {
    await second.stop();
  }
}, 120_000);
