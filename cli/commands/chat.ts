import type { Command } from 'commander';
import { converse } from '../converse';
import type { Runner } from './runner';

export function chatCommand(program: Command, run: Runner): void {
  program
    .command('chat')
    .description('问AI助手 ask the assistant one sentence: chat "帮我订明天北京到上海的机票"')
    .argument('<text...>', '一句话 what you want, in Chinese or English')
    .option('-y, --yes', '自动确认 accept the assistant’s proposal without asking')
    .action(
      run(async (ctx, text: string[], options: { yes?: boolean }) => {
        await converse(ctx, text.join(' '), options.yes);
      }),
    );
}
