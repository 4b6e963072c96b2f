import type { Command } from 'commander';
import { printJson } from '../context';
import { statsText } from '../format';
import type { Stats } from '../types';
import type { Runner } from './runner';

export function statsCommand(program: Command, run: Runner): void {
  program
    .command('stats')
    .description('统计 booking and flight statistics')
    .action(
      run(async (ctx) => {
        const stats = await ctx.api.json<Stats>('/stats', { label: 'Loading statistics…' });
        if (ctx.json) return printJson(ctx, stats);
        ctx.print(statsText(stats));
      }),
    );
}
