/** The agent desk's assistant routes: keyed, and a conversation belongs to the routes that started it. */
import { describe, expect, test } from 'vitest';
import { useHost } from '../support/host';
import { newConversation, send } from './talk';

const host = useHost();

describe('assistant: agent desk routes', () => {
  test('need the function key (401 without it)', async () => {
    const routes: [method: string, path: string, json?: unknown][] = [
      ['POST', '/assistant/desk/conversations'],
      ['GET', `/assistant/desk/conversations/${'0'.repeat(32)}`],
      ['POST', `/assistant/desk/conversations/${'0'.repeat(32)}/messages`, { text: '查找李先生的所有预订' }],
      ['POST', `/assistant/desk/conversations/${'0'.repeat(32)}/confirm`, { accept: true }],
      ['POST', '/assistant/desk/chat', { text: '查找李先生的所有预订' }],
    ];
    for (const [method, path, json] of routes) expect((await host.fetch(path, { method, json })).status, `${method} ${path}`).toBe(401);
  });

  test('a desk conversation is 404 on the anonymous routes, and a traveller\'s is 404 on the desk routes', async () => {
    const desk = await newConversation(host, true);
    const traveller = await newConversation(host);
    for (const [id, asDesk] of [[desk, false], [traveller, true]] as const) {
      const base = asDesk ? '/assistant/desk' : '/assistant';
      expect((await host.fetch(`${base}/conversations/${id}`, { staff: asDesk })).status).toBe(404);
      expect((await send(host, id, '查找李先生下个月的所有预订', asDesk)).status).toBe(404);
      expect((await host.fetch(`${base}/conversations/${id}/confirm`, { method: 'POST', json: { accept: true }, staff: asDesk })).status).toBe(404);
      expect((await host.fetch(`${base}/chat`, { method: 'POST', json: { text: 'hello', conversation_id: id }, staff: asDesk })).status).toBe(404);
    }
    expect((await host.fetch(`/assistant/desk/conversations/${desk}`, { staff: true })).status).toBe(200);
    expect((await host.fetch(`/assistant/conversations/${traveller}`)).status).toBe(200);
  });

  test('the same request finds bookings on the desk and is refused anonymously', async () => {
    const request = { text: 'find all bookings for Mr Li next month' };
    const desk = await (await host.fetch('/assistant/desk/chat', { method: 'POST', json: request, staff: true })).json();
    expect(desk).toMatchObject({ awaiting: null, actions: [{ agent: 'booking', tool: 'find_bookings', arguments: { passenger_name: 'Li' }, isError: false }] });
    const anonymous = await (await host.fetch('/assistant/chat', { method: 'POST', json: request })).json();
    expect(anonymous).toMatchObject({ awaiting: 'input', actions: [] });
  });
});
