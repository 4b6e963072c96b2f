import Table from 'cli-table3';
import stringWidth from 'string-width';
import { paint, status } from './style';
import type { BookingView, CancellationQuoteView, Itinerary, Stats } from './types';

function table(head: string[]): Table.Table {
  return new Table({ head: head.map((h) => paint('bold', h)), style: { head: [], border: [], compact: true } });
}

const hhmm = (time: string) => time.slice(0, 5);
const money = (amount: number) => `¥${amount.toLocaleString('en-US')}`;
const duration = (minutes: number) => `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;

/** Label/value lines with the labels padded to one display width (CJK characters count as two columns). */
export function keyValues(pairs: [string, string][]): string {
  const width = Math.max(...pairs.map(([label]) => stringWidth(label)));
  return pairs.map(([label, value]) => `${label}${' '.repeat(width - stringWidth(label))}  ${value}`).join('\n');
}

export function itineraryTable(itineraries: Itinerary[]): string {
  const t = table(['#', '航班 Flight', '航空公司 Airline', '出发 Dep', '到达 Arr', '时长 Time', '经停 Stops', '价格 Fare', '余票 Seats']);
  itineraries.forEach((it, i) => {
    const arrival = it.arrival_date === it.departure_date ? hhmm(it.arrival_time) : `${hhmm(it.arrival_time)}+1`;
    const stops = it.connection ? `${it.connection.airport}${it.connection.change_airport ? `→${it.connection.next_airport}` : ''}` : '直飞 direct';
    t.push([
      String(i + 1),
      it.flight_number,
      it.airline,
      `${hhmm(it.departure_time)} ${it.departure_airport}`,
      `${arrival} ${it.arrival_airport}`,
      duration(it.duration_minutes),
      stops,
      money(it.fare_per_passenger),
      String(it.seats_left),
    ]);
  });
  return t.toString();
}

export function bookingsTable(bookings: BookingView[]): string {
  const t = table(['ID', 'PNR', '状态 Status', '乘客 Passengers', '航班 Flight', '日期 Date', '航线 Route', '座位 Seat', '总价 Total']);
  for (const b of bookings) {
    t.push([
      String(b.id),
      b.reference,
      status(b.status),
      b.passengers.map((p) => p.name).join(', '),
      b.segments.map((s) => s.flight_number).join('/'),
      b.departure_date,
      b.segments.map((s) => s.departure_airport).concat(b.segments.at(-1)?.arrival_airport ?? []).join('→'),
      b.seat_number ?? '-',
      money(b.total_price),
    ]);
  }
  return t.toString();
}

export function bookingDetail(b: BookingView): string {
  const pairs: [string, string][] = [
    ['预订号 PNR', `${paint('bold', b.reference)} (id ${b.id})`],
    ['状态 Status', status(b.status) + (b.hold_expires_at ? ` — held until ${b.hold_expires_at}` : '')],
    ['标题 Title', b.title],
    ['乘客 Passengers', b.passengers.map((p) => `${p.name}${p.type === 'adult' ? '' : ` (${p.type})`}`).join(', ')],
  ];
  for (const s of b.segments) {
    pairs.push([
      `航段 Segment ${s.position}`,
      `${s.flight_number} ${s.airline} ${s.departure_airport}→${s.arrival_airport} ${s.date} ${hhmm(s.departure_time)}–${hhmm(s.arrival_time)} ${s.cabin}, seats ${s.seats.map((x) => x.seat).join(' ') || '-'}`,
    ]);
  }
  pairs.push(['总价 Total', money(b.total_price)]);
  if (b.cancellation) pairs.push(['退款 Refund', `${money(b.cancellation.refund)} (fee ${money(b.cancellation.fee)})`]);
  return keyValues(pairs);
}

export function quoteLine(q: CancellationQuoteView): string {
  return `取消 ${q.reference}: 已付 paid ${money(q.paid)}, 手续费 fee ${money(q.fee)}, 退款 refund ${money(q.refund)} — ${q.rule_zh} / ${q.rule}`;
}

export function fareLine(it: Itinerary): string {
  return `${it.flight_number} ${it.departure_airport}→${it.arrival_airport} ${it.departure_date} ${hhmm(it.departure_time)}, ${it.cabin}: ${money(it.fare_per_passenger)} × ${it.passengers} = ${money(it.total_fare)}`;
}

export function statsText(s: Stats): string {
  const summary = keyValues([
    ['航班 Flights', String(s.total_flights)],
    ['预订 Bookings', String(s.total_bookings)],
    [status('confirmed'), String(s.confirmed_bookings)],
    [status('pending'), String(s.pending_bookings)],
    [status('cancelled'), String(s.cancelled_bookings)],
  ]);
  if (!s.routes.length) return summary;
  const t = table(['航线 Route', '预订 Bookings']);
  for (const r of s.routes) t.push([`${r.departure_airport}→${r.arrival_airport}`, String(r.bookings)]);
  return `${summary}\n${t.toString()}`;
}
