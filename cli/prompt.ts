import readline from 'node:readline/promises';
import type { Prompter } from './context';

/** One question at a time on stdin, for one-shot commands (cancel without --yes, chat confirmations). */
export const stdinPrompter: Prompter = {
  async ask(question) {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: Boolean(process.stdin.isTTY) });
    const closed = new Promise<undefined>((resolve) => rl.once('close', () => resolve(undefined)));
    try {
      return await Promise.race([rl.question(question), closed]);
    } finally {
      rl.close();
    }
  },
};
