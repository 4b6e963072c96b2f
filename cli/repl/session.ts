import readline from 'node:readline/promises';
import { CommanderError } from 'commander';
import type { Api } from '../api';
import { Assistant } from '../assistant';
import type { Context } from '../context';
import { converse } from '../converse';
import { reportError } from '../report';
import { paint } from '../style';
import { appendHistory, historyFile, loadHistory } from './history';
import { LineReader } from './lines';
import { sessionCommandNames, sessionProgram } from './program';

export type SessionKind = 'booking' | 'airline';

const banners: Record<SessionKind, string> = {
  booking: '🎫 智能预订管理助手 Booking assistant',
  airline: '✈️ 智能航班查询助手 Flight search assistant',
};

const hints: Record<SessionKind, string> = {
  booking: 'create · list · show <PNR> · find <name> · seat <PNR> <seat> · cancel <PNR> · stats · help · exit — or ask: 帮我查找张三的所有预订',
  airline: 'search PEK SHA [date] · show <PNR> · stats · help · exit — or ask: 推荐一些从北京到上海的便宜航班',
};

/** Splits a line into words; "quoted words" stay together. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The legacy system's interactive assistants: commands run through the same parser as the shell, sentences go to the assistant. */
export async function runSession(kind: SessionKind, api: Api): Promise<void> {
  const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const file = historyFile();
  const names = sessionCommandNames(sessionProgram({} as Context));
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal,
    history: loadHistory(file),
    historySize: 500,
    removeHistoryDuplicates: true,
    completer: (line: string): [string[], string] => {
      const hits = line.includes(' ') ? [] : names.filter((name) => name.startsWith(line));
      return [hits, line];
    },
  });
  rl.on('SIGINT', () => rl.close());
  const reader = new LineReader(rl, terminal, process.stdout);
  const ctx: Context = { api, json: false, prompter: reader, assistant: new Assistant(api), print: (text) => console.log(text) };

  console.log(`${paint('bold', banners[kind])}\n${'='.repeat(60)}\n${paint('dim', hints[kind])}\n`);
  for (;;) {
    const line = (await reader.ask('请输入命令或询问: '))?.trim();
    if (line === undefined || /^(exit|quit|q|退出)$/i.test(line)) break;
    if (!line) continue;
    appendHistory(file, line);
    const args = words(line);
    try {
      if (names.includes(args[0]!.toLowerCase())) await sessionProgram(ctx).parseAsync([args[0]!.toLowerCase(), ...args.slice(1)], { from: 'user' });
      else await converse(ctx, line);
    } catch (error) {
      if (!(error instanceof CommanderError)) reportError(error);
    }
    console.log();
  }
  rl.close();
  console.log('再见 Bye');
}
