import type { Command } from 'commander';
import { bookCommand } from './book';
import { bookingsCommand } from './bookings';
import { cancelCommand } from './cancel';
import { chatCommand } from './chat';
import type { Runner } from './runner';
import { searchCommand } from './search';
import { seatCommand } from './seat';
import { showCommand } from './show';
import { statsCommand } from './stats';

/** The commands both the shell (one-shot) and the interactive sessions offer. */
export function commonCommands(program: Command, run: Runner): void {
  for (const add of [searchCommand, bookCommand, bookingsCommand, showCommand, cancelCommand, seatCommand, statsCommand, chatCommand]) add(program, run);
}
