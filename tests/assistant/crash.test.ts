import net from 'node:net';
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
  } finally {
    await first.stop('SIGKILL');
  }
  // The killed host's Azurite notices its parent is gone, saves and exits; the next host must not share its data while it lives.
  await portClosed(Number(/Azurite tables on port (\d+)/.exec(first.output())![1]));
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

async function portClosed(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (!open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Azurite on port ${port} is still running`);
}
