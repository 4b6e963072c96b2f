import type { Command } from 'commander';
import type { Context } from '../context';

/** Wraps a command handler so it receives the Context built from the command's (global) options. */
export type Runner = <A extends unknown[]>(handler: (ctx: Context, ...args: A) => Promise<void>) => (...args: unknown[]) => Promise<void>;

export function runner(contextFor: (command: Command) => Context): Runner {
  return <A extends unknown[]>(handler: (ctx: Context, ...args: A) => Promise<void>) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      await handler(contextFor(command), ...(args.slice(0, -1) as A));
    };
}
