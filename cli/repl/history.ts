import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const kept = 500;

/** $FLIGHTBOOK_HOME/history, else $XDG_CONFIG_HOME/flightbook/history, else ~/.config/flightbook/history. */
export function historyFile(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.FLIGHTBOOK_HOME || path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'flightbook');
  return path.join(home, 'history');
}

/** Earlier sessions' command lines, newest first (readline's order). */
export function loadHistory(file: string): string[] {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(-kept).reverse();
  } catch {
    return [];
  }
}

/** Appends one line; history is a convenience, so a read-only config folder is silently skipped. */
export function appendHistory(file: string, line: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, `${line.replace(/\n/g, ' ')}\n`);
  } catch {
    // not writable: the session still works without history
  }
}
