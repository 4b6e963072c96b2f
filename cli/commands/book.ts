import type { Command } from 'commander';
import { printJson } from '../context';
import { bookingDetail } from '../format';
import { cabinOption, collect, dateArgument } from '../options';
import type { BookingView } from '../types';
import type { Runner } from './runner';

interface BookOptions {
  date: string;
  passenger: string[];
  seat?: string;
  cabin: string;
  hold?: boolean;
  email?: string;
  phone?: string;
}

export function bookCommand(program: Command, run: Runner): void {
  program
    .command('book')
    .description('预订航班 book a flight: book CA1001 --date 明天 --passenger 张三 [--seat 11A] [--hold]')
    .argument('<flight>', '航班号 flight number, e.g. CA1001')
    .requiredOption('-d, --date <date>', '日期 date: 2026-12-01, 明天, tomorrow', dateArgument)
    .requiredOption('-n, --passenger <name>', '乘客姓名 passenger name (repeat for more passengers)', collect)
    .option('-s, --seat <seat>', '座位 seat for the first passenger, e.g. 11A')
    .addOption(cabinOption().default('economy'))
    .option('--hold', '只占座 hold the seats as a pending booking instead of confirming')
    .option('--email <email>', '联系邮箱 contact email')
    .option('--phone <phone>', '联系电话 contact phone')
    .action(
      run(async (ctx, flight: string, options: BookOptions) => {
        const contact = options.email || options.phone ? { email: options.email, phone: options.phone } : undefined;
        const booking = await ctx.api.json<BookingView>('/bookings', {
          method: 'POST',
          label: 'Booking…',
          body: {
            passengers: options.passenger.map((name) => ({ name })),
            segments: [{ flight_number: flight, date: options.date, cabin: options.cabin, ...(options.seat ? { seats: [options.seat] } : {}) }],
            contact,
            hold: Boolean(options.hold),
          },
        });
        if (ctx.json) return printJson(ctx, booking);
        ctx.print(`✅ 预订成功 Booked: ${booking.reference} (ID ${booking.id})`);
        ctx.print(bookingDetail(booking));
      }),
    );
}
