import { Command } from 'commander';
import { commonCommands } from '../commands';
import { listCommands } from '../commands/bookings';
import { runner } from '../commands/runner';
import type { Context } from '../context';
import { createBooking } from './create';

/** The commands one session line can run: the shell's commands plus create, list and find. */
export function sessionProgram(ctx: Context): Command {
  const program = new Command()
    .configureHelp({ commandUsage: () => '<command> [arguments] — or any sentence for the AI assistant' })
    .exitOverride()
    .option('--json', '机器可读 machine-readable output')
    .addHelpText('after', '\n  exit | quit                 退出 leave the session\n  <a sentence>                问AI助手 e.g. 帮我查找张三的所有预订');
  const run = runner((command) => ({ ...ctx, json: Boolean(command.optsWithGlobals().json) }));
  program.command('create').description('创建新预订 new booking, step by step').action(run(createBooking));
  listCommands(program, run);
  commonCommands(program, run);
  return program;
}

/** Command words the session understands (for dispatch and tab completion). */
export function sessionCommandNames(program: Command): string[] {
  return [...program.commands.flatMap((c) => [c.name(), ...c.aliases()]), 'help', 'exit', 'quit'].sort();
}
