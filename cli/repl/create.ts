import { PassengerName, SeatNumber } from '../../lib/domain/booking-schemas';
import { confirm, type Context } from '../context';
import { parseDate } from '../dates';
import { CliError } from '../errors';
import { bookingDetail, fareLine, itineraryTable } from '../format';
import { choosePlace } from '../places';
import type { BookingView, Itinerary, SeatMap } from '../types';

type Check<T> = { ok: true; value: T } | { ok: false; message: string };

/** Asks until the answer passes `check`; an empty answer means `fallback`. Ctrl-D stops the whole form. */
async function field<T>(ctx: Context, label: string, fallback: string, check: (answer: string) => Check<T> | Promise<Check<T>>): Promise<T> {
  for (;;) {
    const answer = await ctx.prompter.ask(`${label}${fallback ? ` [${fallback}]` : ''}: `);
    if (answer === undefined) throw new CliError('已放弃 Booking abandoned');
    const result = await check(answer.trim() || fallback);
    if (result.ok) return result.value;
    ctx.print(`  ✗ ${result.message}`);
  }
}

const cabins: Record<string, string> = { economy: 'economy', 经济: 'economy', 经济舱: 'economy', business: 'business', 商务: 'business', 商务舱: 'business', first: 'first', 头等: 'first', 头等舱: 'first' };

function pickItinerary(answer: string, itineraries: Itinerary[]): Check<Itinerary> {
  const byNumber = itineraries.find((it) => it.flight_number.toUpperCase() === answer.toUpperCase());
  const byIndex = /^\d+$/.test(answer) ? itineraries[Number(answer) - 1] : undefined;
  const chosen = byNumber ?? byIndex;
  return chosen ? { ok: true, value: chosen } : { ok: false, message: `Choose 1–${itineraries.length} or a flight number from the list` };
}

async function pickSeat(ctx: Context, itinerary: Itinerary): Promise<string | undefined> {
  const segment = itinerary.segments[0]!;
  const map = await ctx.api.json<SeatMap>(`/flights/${segment.flight_id}/seats`, { query: { date: segment.date, cabin: itinerary.cabin }, label: 'Loading seats…' });
  const free = map.rows.flatMap((row) => row.seats).filter((seat) => seat.available);
  const sample = (position: string) => free.filter((s) => s.position === position).slice(0, 6).map((s) => s.seat).join(' ');
  ctx.print(`  可选座位 Free seats: 靠窗 window ${sample('window')} | 过道 aisle ${sample('aisle')} … (${free.length} free)`);
  const seat = await field(ctx, '座位 Seat', 'auto', (answer): Check<string | undefined> => {
    if (/^(auto|自动)$/i.test(answer)) return { ok: true, value: undefined };
    const parsed = SeatNumber.safeParse(answer);
    if (!parsed.success) return { ok: false, message: 'A seat such as 11A, or Enter for any seat' };
    return free.some((s) => s.seat === parsed.data) ? { ok: true, value: parsed.data } : { ok: false, message: `${parsed.data} is taken or not in ${itinerary.cabin}` };
  });
  return seat;
}

const shown = 12;

/** Direct flights when there are any, else one-stop connections; the first dozen. */
async function offers(ctx: Context, from: string, to: string, date: string, cabin: string): Promise<Itinerary[]> {
  const path = `/flights/search/${encodeURIComponent(from)}/${encodeURIComponent(to)}`;
  const search = (max_stops: number) => ctx.api.json<Itinerary[]>(path, { query: { date, cabin, max_stops }, label: 'Searching flights…' });
  const direct = await search(0);
  return (direct.length ? direct : await search(1)).slice(0, shown);
}

/** The legacy system's `create`: origin, destination, date and cabin, a flight from the search, the passenger and seat, then confirm. */
export async function createBooking(ctx: Context): Promise<void> {
  ctx.print('📝 创建新预订 New booking — Enter takes the [default], Ctrl-D stops');
  const place = (answer: string) => choosePlace(ctx.api, answer).then((c): Check<string> => (c.ok ? { ok: true, value: c.value } : c));
  const from = await field(ctx, '出发地 From', 'PEK', place);
  const to = await field(ctx, '目的地 To', 'SHA', place);
  const date = await field(ctx, '日期 Date', '明天', (answer): Check<string> => {
    const parsed = parseDate(answer);
    return parsed ? { ok: true, value: parsed } : { ok: false, message: 'Not a date: 2026-12-01, 明天, tomorrow, 下周三' };
  });
  const cabin = await field(ctx, '舱位 Cabin (economy/business/first)', 'economy', (answer): Check<string> => {
    const value = cabins[answer.toLowerCase()];
    return value ? { ok: true, value } : { ok: false, message: 'economy, business or first (经济/商务/头等)' };
  });
  const itineraries = await offers(ctx, from, to, date, cabin);
  if (!itineraries.length) throw new CliError(`没有找到航班 No ${cabin} flights ${from} → ${to} on ${date}`);
  ctx.print(itineraryTable(itineraries));
  const itinerary = await field(ctx, '选择航班 Flight (# or number)', '1', (answer) => pickItinerary(answer, itineraries));
  const name = await field(ctx, '乘客姓名 Passenger name', '', (answer): Check<string> => {
    const parsed = PassengerName.safeParse(answer);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: 'A name as on the ID: 张三, Zhang San, SMITH/JOHN' };
  });
  const seat = itinerary.stops === 0 ? await pickSeat(ctx, itinerary) : undefined;
  ctx.print(`  ${fareLine(itinerary)}; ${name}, seat ${seat ?? 'auto'}`);
  if (!(await confirm(ctx, '确认预订/Confirm booking?', true))) throw new CliError('未预订 Not booked');
  const booking = await ctx.api.json<BookingView>('/bookings', {
    method: 'POST',
    label: 'Booking…',
    body: {
      passengers: [{ name }],
      segments: itinerary.segments.map((s, i) => ({ flight_number: s.flight_number, date: s.date, cabin, ...(i === 0 && seat ? { seats: [seat] } : {}) })),
    },
  });
  ctx.print(`✅ 预订创建成功！预订号 PNR: ${booking.reference} (ID ${booking.id})`);
  ctx.print(bookingDetail(booking));
}
