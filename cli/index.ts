#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { Api } from './api';
import { Assistant } from './assistant';
import { commonCommands } from './commands';
import { runner } from './commands/runner';
import { stdinPrompter } from './prompt';
import { runSession, type SessionKind } from './repl/session';
import { reportError } from './report';
import { defaultBaseUrl, resolveSettings } from './settings';

interface GlobalOptions {
  baseUrl?: string;
  key?: string;
  json?: boolean;
}

const usage = 'Usage: flightbook [--base-url <url>] [--key <key>] [--json] <command> — flightbook --help lists the commands';

function apiOf(command: Command): Api {
  return new Api(resolveSettings(command.optsWithGlobals<GlobalOptions>()));
}

const program = new Command('flightbook')
  .description('智能机票预订 Smart Flight Booking from the terminal, over the HTTP API')
  .exitOverride()
  .option('--base-url <url>', `API base URL (env FLIGHTBOOK_URL; default ${defaultBaseUrl})`)
  .option('--key <key>', 'staff function key for staff commands (env FLIGHTBOOK_KEY)')
  .option('--json', '机器可读 machine-readable output');

const session = (kind: SessionKind) => async (_options: unknown, command: Command) => runSession(kind, apiOf(command));
program.command('booking').description('预订管理助手 interactive booking assistant (the seed’s booking_agent.py)').action(session('booking'));
program.command('airline').description('航班查询助手 interactive flight search assistant (the seed’s airline_agent.py)').action(session('airline'));

commonCommands(
  program,
  runner((command) => {
    const api = apiOf(command);
    return { api, json: Boolean(command.optsWithGlobals<GlobalOptions>().json), prompter: stdinPrompter, assistant: new Assistant(api), print: (text) => console.log(text) };
  }),
);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError && ['commander.unknownCommand', 'commander.help'].includes(error.code)) process.stderr.write(`${usage}\n`);
  process.exitCode = reportError(error);
});
