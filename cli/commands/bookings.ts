import { Argument, Option, type Command } from 'commander';
import { printJson, type Context } from '../context';
import { bookingsTable } from '../format';
import { countArgument, dateArgument } from '../options';
import type { BookingView } from '../types';
import type { Runner } from './runner';

interface ListOptions {
  passenger?: string;
  status?: string;
  fromDate?: string;
  toDate?: string;
  limit: number;
  csv?: boolean;
}

function printBookings(ctx: Context, bookings: BookingView[]): void {
  if (ctx.json) return printJson(ctx, bookings);
  ctx.print(bookings.length ? bookingsTable(bookings) : '没有预订 No bookings');
}

async function listBookings(ctx: Context, options: ListOptions): Promise<void> {
  const query = { passenger: options.passenger, status: options.status, from_date: options.fromDate, to_date: options.toDate };
  if (options.csv) {
    const csv = await ctx.api.text('/bookings/export', { query: { ...query, format: 'csv' }, staff: true, label: 'Exporting…' });
    return ctx.print(csv.replace(/\n$/, ''));
  }
  printBookings(ctx, await ctx.api.json<BookingView[]>('/bookings', { query: { ...query, limit: options.limit }, staff: true, label: 'Loading bookings…' }));
}

const statuses = ['pending', 'confirmed', 'cancelled'];
const statusOption = () => new Option('--status <status>', '状态 status').choices(statuses);

/** `bookings` (one-shot, with filters and --csv) and the sessions' `list [status]` and `find <name>`. */
export function bookingsCommand(program: Command, run: Runner): void {
  program
    .command('bookings')
    .description('预订列表 list bookings (staff key): bookings --passenger 张三 [--csv]')
    .option('--passenger <name>', '乘客姓名 passenger name (fuzzy: 张三, zhang san)')
    .addOption(statusOption())
    .option('--from-date <date>', '起始日期 departing on or after', dateArgument)
    .option('--to-date <date>', '截止日期 departing on or before', dateArgument)
    .option('--limit <n>', '最多 at most n bookings', countArgument, 100)
    .option('--csv', '导出 CSV export (the API’s /bookings/export)')
    .action(run(listBookings));
}

export function listCommands(program: Command, run: Runner): void {
  program
    .command('list')
    .description('所有预订 list bookings (staff key): list [pending|confirmed|cancelled]')
    .addArgument(new Argument('[status]', '状态 status').choices(statuses))
    .action(run(async (ctx, status: string | undefined) => listBookings(ctx, { status, limit: 100 })));
  program
    .command('find')
    .description('按姓名查找 find bookings by passenger name (staff key): find 张三')
    .argument('<name...>', '乘客姓名 passenger name')
    .action(
      run(async (ctx, name: string[]) => {
        printBookings(ctx, await ctx.api.json<BookingView[]>(`/bookings/search/${encodeURIComponent(name.join(' '))}`, { staff: true, label: 'Searching…' }));
      }),
    );
}
