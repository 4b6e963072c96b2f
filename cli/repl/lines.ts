import type readline from 'node:readline/promises';
import type { Prompter } from '../context';

/**
 * Answers from a readline interface, queued so that lines piped in ahead of a question are not lost.
 * Without a terminal the question and the answer are echoed, so a piped session reads like a typed one.
 */
export class LineReader implements Prompter {
  private readonly queue: string[] = [];
  private waiting: ((line: string | undefined) => void) | undefined;
  private closed = false;

  constructor(
    private readonly rl: readline.Interface,
    private readonly terminal: boolean,
    private readonly output: NodeJS.WritableStream,
  ) {
    rl.on('line', (line) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (waiting) waiting(line);
      else this.queue.push(line);
    });
    rl.on('close', () => {
      this.closed = true;
      this.waiting?.(undefined);
    });
  }

  async ask(question: string): Promise<string | undefined> {
    const line = await this.next(question);
    if (!this.terminal) this.output.write(line === undefined ? `${question}\n` : `${question}${line}\n`);
    return line;
  }

  private next(question: string): Promise<string | undefined> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.closed) return Promise.resolve(undefined);
    if (this.terminal) {
      this.rl.setPrompt(question);
      this.rl.prompt();
    }
    return new Promise((resolve) => (this.waiting = resolve));
  }
}
