import net from 'node:net';
import { expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { useHost } from '../support/host';

/** HTTP_MAX_CONNECTIONS: a client opening connections without end cannot exhaust the host's sockets. */
const host = useHost({ env: { HTTP_MAX_CONNECTIONS: '3', SEED_SAMPLE_DATA: 'false' } });

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Resolves true when the server closes the socket before `ms`, false when it stays open. */
function closedWithin(socket: net.Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.on('error', () => undefined);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

it('refuses connections past the configured cap, and serves again once one closes', async () => {
  const port = Number(new URL(host.baseUrl).port);
  const held = await Promise.all([connect(port), connect(port), connect(port)]);
  const surplus = await connect(port);
  expect(await closedWithin(surplus, 2000)).toBe(true);
  expect(await closedWithin(held[0]!, 300)).toBe(false);
  for (const socket of held) socket.destroy();
  const served = await eventually('the host to serve again once the held connections closed', async () => (await host.fetch('/health').catch(() => undefined))?.status === 200);
  expect(served).toBe(true);
});
