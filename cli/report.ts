import { CommanderError } from 'commander';
import { CliError } from './errors';
import { paint } from './style';

/** Prints an error as one line on stderr (never a stack trace) and gives the exit code it calls for. */
export function reportError(error: unknown): number {
  if (error instanceof CommanderError) return ['commander.helpDisplayed', 'commander.version'].includes(error.code) ? 0 : 2;
  const message = error instanceof Error ? error.message : String(error);
  const prefix = error instanceof CliError ? 'error' : 'unexpected error';
  process.stderr.write(`${paint('red', `${prefix}:`, process.stderr)} ${message.split('\n')[0]}\n`);
  return error instanceof CliError ? error.exitCode : 1;
}
