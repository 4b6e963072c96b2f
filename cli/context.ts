import type { Api } from './api';
import type { Assistant } from './assistant';

/** Asks the person at the keyboard; undefined when input has ended (Ctrl-D, end of a pipe). */
export interface Prompter {
  ask(question: string): Promise<string | undefined>;
}

/** What every command runs with: the API, the output mode, a way to ask, and the session's assistant conversation. */
export interface Context {
  api: Api;
  json: boolean;
  prompter: Prompter;
  assistant: Assistant;
  print(text: string): void;
}

export function printJson(ctx: Context, value: unknown): void {
  ctx.print(JSON.stringify(value, null, 2));
}

/** A yes/no question; only an explicit yes (y, yes, 是, 确认…) counts, or Enter when `fallback` is true. */
export async function confirm(ctx: Context, question: string, fallback = false): Promise<boolean> {
  const answer = (await ctx.prompter.ask(`${question} ${fallback ? '[Y/n]' : '[y/N]'} `))?.trim().toLowerCase();
  if (answer === undefined) return false;
  if (answer === '') return fallback;
  return /^(y|yes|ok|是|好|对|确认|确定)$/.test(answer);
}
