import type { Command } from 'commander';
import { confirm, printJson } from '../context';
import { CliError } from '../errors';
import { bookingDetail, quoteLine } from '../format';
import { findBooking } from '../lookup';
import { lastNameOption } from '../options';
import type { BookingView, CancellationQuoteView } from '../types';
import type { Runner } from './runner';

interface CancelOptions {
  lastName?: string;
  reason?: string;
  yes?: boolean;
}

export function cancelCommand(program: Command, run: Runner): void {
  program
    .command('cancel')
    .description('取消预订 cancel a booking (staff key): cancel <PNR> --last-name 张 [--yes]; shows the refund first')
    .argument('<booking>', '预订号 PNR or booking id')
    .addOption(lastNameOption())
    .option('-r, --reason <text>', '原因 reason')
    .option('-y, --yes', '不再确认 cancel without asking')
    .action(
      run(async (ctx, reference: string, options: CancelOptions) => {
        const booking = await findBooking(ctx, reference, options.lastName);
        const quote = await ctx.api.json<CancellationQuoteView>(`/bookings/${booking.id}/cancellation-quote`, { staff: true, label: 'Quoting…' });
        if (!ctx.json) ctx.print(quoteLine(quote));
        if (!options.yes && !(await confirm(ctx, '确认取消/Cancel this booking?'))) throw new CliError('未取消 Not cancelled');
        const body = options.reason ? { reason: options.reason } : {};
        const cancelled = await ctx.api.json<BookingView>(`/bookings/${booking.id}/cancel`, { method: 'POST', body, staff: true, label: 'Cancelling…' });
        if (ctx.json) return printJson(ctx, cancelled);
        ctx.print(`✅ 已取消 Cancelled ${cancelled.reference}`);
        ctx.print(bookingDetail(cancelled));
      }),
    );
}
