import { describe, expect, it } from 'vitest';
import { useHost } from '../support/host';
import { newConversation, send } from './talk';

const host = useHost();
/** What a person must never read: tool error labels, field names, ISO dates, stack-like details. */
const internal = /Invalid request|Not found:|Conflict:|Sold out:|is in the past|today is|\d{4}-\d{2}-\d{2}|[a-z]+_[a-z]+/;

describe('a tool error reaches the traveller in plain words, in their language', () => {
  it.each([
    ['zh', '查一下昨天北京到上海的航班', '日期已经过了'],
    ['en', 'flights from Beijing to Shanghai yesterday', 'date has passed'],
  ])('%s: a trip on a date that has passed', async (_, message, plain) => {
    const reply = await send(host, await newConversation(host), message);
    expect(reply.status).toBe(200);
    expect(reply.actions.some((action) => action.isError)).toBe(true);
    expect(reply.reply).not.toMatch(internal);
    expect(reply.reply).toContain(plain);
  });
});
