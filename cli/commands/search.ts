import { Option, type Command } from 'commander';
import { printJson } from '../context';
import { itineraryTable } from '../format';
import { cabinOption, countArgument, dateArgument } from '../options';
import type { Itinerary } from '../types';
import type { Runner } from './runner';

export function searchCommand(program: Command, run: Runner): void {
  program
    .command('search')
    .description('搜索航班 search flights: search PEK SHA [date]  (codes or cities: 北京 上海, Beijing Shanghai)')
    .argument('<from>', '出发 origin: airport code or city')
    .argument('<to>', '到达 destination: airport code or city')
    .argument('[date]', '日期 date: 2026-12-01, 明天, tomorrow', dateArgument)
    .option('-d, --date <date>', '日期 date: 2026-12-01, 明天, tomorrow', dateArgument)
    .addOption(cabinOption().default('economy'))
    .option('-p, --passengers <n>', '乘客人数 passengers', countArgument, 1)
    .option('--direct', '只看直飞 direct flights only')
    .addOption(new Option('--sort <by>', '排序 sort').choices(['departure_time', 'price', 'duration']).default('departure_time'))
    .action(
      run(async (ctx, from: string, to: string, date: string | undefined, options: { date?: string; cabin: string; passengers: number; direct?: boolean; sort: string }) => {
        const day = options.date ?? date;
        const query = { date: day, cabin: options.cabin, passengers: options.passengers, max_stops: options.direct ? 0 : undefined, sort: options.sort };
        const path = `/flights/search/${encodeURIComponent(from)}/${encodeURIComponent(to)}`;
        const itineraries = await ctx.api.json<Itinerary[]>(path, { query, label: 'Searching flights…' });
        if (ctx.json) return printJson(ctx, itineraries);
        ctx.print(`🔍 搜索航班 ${from} → ${to}${day ? ` ${day}` : ''} (${options.cabin})`);
        ctx.print(itineraries.length ? itineraryTable(itineraries) : '没有找到航班 No flights found');
      }),
    );
}
