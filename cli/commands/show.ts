import type { Command } from 'commander';
import { printJson } from '../context';
import { bookingDetail } from '../format';
import { findBooking } from '../lookup';
import { lastNameOption } from '../options';
import type { Runner } from './runner';

export function showCommand(program: Command, run: Runner): void {
  program
    .command('show')
    .description('查看预订 show a booking: show <PNR> --last-name 张, or show <id> with the staff key')
    .argument('<booking>', '预订号 PNR or booking id')
    .addOption(lastNameOption())
    .action(
      run(async (ctx, booking: string, options: { lastName?: string }) => {
        const view = await findBooking(ctx, booking, options.lastName);
        if (ctx.json) return printJson(ctx, view);
        ctx.print(bookingDetail(view));
      }),
    );
}
