/**
 * Retention (issue 15): the conversation-retention timer ends conversations idle beyond
 * CONVERSATION_RETENTION_SECONDS and purges them with their Durable history; a conversation in use stays.
 */
import { expect, test } from 'vitest';
import { useHost } from '../support/host';
import { conversation, newConversation, send } from './talk';

const host = useHost({ env: { CONVERSATION_RETENTION_SECONDS: '10', CONVERSATION_PURGE_SCHEDULE: '* * * * * *' } });

test('a conversation idle beyond the retention is purged (404), one in use is not', async () => {
  const idle = await newConversation(host);
  expect((await send(host, idle, '查询明天北京到上海的航班')).status).toBe(200);
  const live = await newConversation(host);
  let idleStatus = 200;
  for (let second = 0; second < 60 && idleStatus !== 404; second++) {
    expect((await send(host, live, second % 2 ? '查询明天北京到广州的航班' : '查询明天北京到上海的航班')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    idleStatus = (await conversation(host, idle)).status;
  }
  expect(idleStatus).toBe(404);
  expect((await send(host, idle, '你好')).status).toBe(404);
  expect((await send(host, live, '谢谢')).status).toBe(200);
  expect((await conversation(host, live)).status).toBe(200);
}, 120_000);
