import type { Command } from 'commander';
import { printJson } from '../context';
import { bookingDetail } from '../format';
import { findBooking } from '../lookup';
import { countArgument, lastNameOption } from '../options';
import type { BookingView } from '../types';
import type { Runner } from './runner';

interface SeatOptions {
  lastName?: string;
  passenger: number;
  segment: number;
}

export function seatCommand(program: Command, run: Runner): void {
  program
    .command('seat')
    .description('选座 change a seat (staff key): seat <PNR> 12C --last-name 张')
    .argument('<booking>', '预订号 PNR or booking id')
    .argument('<seat>', '座位 seat, e.g. 12C')
    .addOption(lastNameOption())
    .option('--passenger <n>', '第几位乘客 passenger position', countArgument, 1)
    .option('--segment <n>', '第几段 segment position', countArgument, 1)
    .action(
      run(async (ctx, reference: string, seat: string, options: SeatOptions) => {
        const booking = await findBooking(ctx, reference, options.lastName);
        const body = { seats: [{ segment: options.segment, passenger: options.passenger, seat }] };
        const updated = await ctx.api.json<BookingView>(`/bookings/${booking.id}`, { method: 'PUT', body, staff: true, label: 'Changing seat…' });
        if (ctx.json) return printJson(ctx, updated);
        ctx.print(`✅ 座位已更新 Seat changed to ${seat.toUpperCase()}`);
        ctx.print(bookingDetail(updated));
      }),
    );
}
