import type { AssistantReply } from './assistant';
import { confirm, printJson, type Context } from './context';
import { keyValues } from './format';
import { paint } from './style';

/** A proposal as one readable line: its own summary when it has one, else its simple fields. */
function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  const record = value as Record<string, unknown>;
  for (const field of ['summary', 'label', 'title', 'text', 'description']) {
    if (typeof record[field] === 'string') return record[field];
  }
  return Object.entries(record)
    .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
}

function show(ctx: Context, reply: AssistantReply): void {
  if (ctx.json) return printJson(ctx, reply);
  ctx.print(`${paint('cyan', '🤖 AI助手:')} ${reply.reply}`);
  const proposal = reply.awaiting === 'confirmation' && reply.proposal !== undefined ? describe(reply.proposal) : '';
  if (proposal && !reply.reply.includes(proposal)) ctx.print(keyValues([['  提议 Proposal', proposal]]));
}

/**
 * Sends one sentence to the assistant and shows the answer (its text already lists any options; --json has
 * them structured); a proposal is confirmed or declined here.
 */
export async function converse(ctx: Context, text: string, assumeYes = false): Promise<AssistantReply> {
  let reply = await ctx.assistant.send(text);
  show(ctx, reply);
  while (reply.awaiting === 'confirmation') {
    const accept = assumeYes || (await confirm(ctx, '确认/confirm?'));
    reply = await ctx.assistant.confirm(accept);
    show(ctx, reply);
    if (!accept) break;
  }
  return reply;
}
