/** The assistant's sentences beyond the offline catalogue (lib/ai/offline/messages.ts), in zh and en. */
import type { FlightOption, Language } from './conversation';
import { isRow, num, str, type Row } from './results';

const cabins: Record<string, Record<Language, string>> = {
  economy: { zh: '经济舱', en: 'economy' },
  business: { zh: '商务舱', en: 'business' },
  first: { zh: '头等舱', en: 'first' },
};
const cabinName = (cabin: string, language: Language) => cabins[cabin]?.[language] ?? cabin;
const yuan = (amount: number, language: Language) => (language === 'zh' ? `¥${amount}` : `CNY ${amount}`);

export function optionLine(option: FlightOption, language: Language): string {
  const stops = option.stops ? (language === 'zh' ? `，经停${option.stops}次` : `, ${option.stops} stop`) : '';
  const route = `${option.departure_airport}→${option.arrival_airport}`;
  return language === 'zh'
    ? `${option.index}. ${option.flight_number} ${option.date} ${option.departure_time}-${option.arrival_time} ${route}${stops}，${cabinName(option.cabin, 'zh')} ${yuan(option.fare_per_passenger, 'zh')}/人，余${option.seats_left}座`
    : `${option.index}. ${option.flight_number} ${option.date} ${option.departure_time}-${option.arrival_time} ${route}${stops}, ${cabinName(option.cabin, 'en')} ${yuan(option.fare_per_passenger, 'en')} per person, ${option.seats_left} seats left`;
}

export function optionList(options: FlightOption[], language: Language): string {
  const head = language === 'zh' ? `找到 ${options.length} 个航班：` : `I found ${options.length} flights:`;
  return [head, ...options.map((option) => optionLine(option, language))].join('\n');
}

const sentences = {
  pickToBook: { zh: '要预订哪一个？可以说“第二个”或航班号，并告诉我乘客姓名。', en: 'Which one shall I book? Say "the second one" or a flight number, and give the passenger name.' },
  recommended: { zh: (o: FlightOption) => `推荐第 ${o.index} 个：${o.flight_number}。`, en: (o: FlightOption) => `I recommend option ${o.index}: ${o.flight_number}.` },
  nothingToConfirm: { zh: '目前没有等待确认的操作。', en: 'There is nothing waiting for confirmation.' },
  expired: { zh: '上一个待确认的操作已超过 15 分钟而失效，请重新发起。', en: 'The last proposal expired after 15 minutes; please start again.' },
  expiredNow: { zh: '待确认的操作已超过 15 分钟，已自动失效，没有做任何更改。', en: 'The proposal was not confirmed within 15 minutes and has expired; nothing was changed.' },
  privacy: {
    zh: '为保护隐私，我不能按姓名列出预订。请提供预订编号和乘客姓氏，我来帮您查询。',
    en: "To protect privacy I can't list bookings by name. Give me the booking reference and the passenger's surname and I'll look it up.",
  },
  failed: { zh: (why: string) => `操作没有成功：${why}`, en: (why: string) => `That did not work: ${why}` },
  notFound: { zh: '没有找到与该编号和姓氏匹配的预订，请核对。', en: 'No booking matches that reference and surname; please check them.' },
  offline: { zh: '（AI 服务暂不可用，当前为离线模式。）', en: '(The AI service is unavailable; I am in offline mode.)' },
  noSuchOption: { zh: '没有这个选项。', en: 'There is no such option.' },
  unexpected: { zh: '抱歉，处理这条消息时出了问题，没有做任何更改。请再说一次。', en: 'Sorry, something went wrong with that message and nothing was changed. Please say it again.' },
} as const;

type Sentences = typeof sentences;

export function say<K extends keyof Sentences>(key: K, language: Language): Sentences[K]['zh'] | Sentences[K]['en'] {
  const entry: Sentences[K] = sentences[key];
  return language === 'zh' ? entry.zh : entry.en;
}

/** A booking as one paragraph. */
export function bookingText(booking: Row, language: Language): string {
  const segments = Array.isArray(booking.segments) ? booking.segments.filter(isRow) : [];
  const passengers = Array.isArray(booking.passengers) ? booking.passengers.filter(isRow).map((p) => str(p.name)) : [str(booking.passenger_name)];
  const legs = segments.map((s) => {
    const seats = Array.isArray(s.seats) ? s.seats.filter(isRow).map((seat) => str(seat.seat)).join('/') : '';
    return `${str(s.flight_number)} ${str(s.date)} ${str(s.departure_time).slice(0, 5)} ${str(s.departure_airport)}→${str(s.arrival_airport)}${seats ? ` ${seats}` : ''}`;
  });
  const status = str(booking.status);
  return language === 'zh'
    ? `预订 ${str(booking.reference)}（${status}）：${passengers.join('、')}；${legs.join('；')}；总价 ${yuan(num(booking.total_price ?? booking.price), 'zh')}。`
    : `Booking ${str(booking.reference)} (${status}): ${passengers.join(', ')}; ${legs.join('; ')}; total ${yuan(num(booking.total_price ?? booking.price), 'en')}.`;
}

/** Bookings found for an agent desk, numbered, in the order given; `total` counts the matches beyond those returned. */
export function bookingList(bookings: Row[], total: number, search: { passenger_name: string; from_date?: string; to_date?: string }, language: Language): string {
  const zh = language === 'zh';
  const period = search.from_date ? (zh ? `（${search.from_date} 至 ${search.to_date}）` : ` (${search.from_date} to ${search.to_date})`) : '';
  const who = zh ? `“${search.passenger_name}”` : `"${search.passenger_name}"`;
  if (!bookings.length) return zh ? `没有找到${who}的预订${period}。` : `No bookings found for ${who}${period}.`;
  const lines = bookings.map((booking, i) => {
    const passengers = Array.isArray(booking.passengers) ? booking.passengers.filter(isRow).map((p) => str(p.name)) : [];
    const flights = Array.isArray(booking.segments) ? booking.segments.filter(isRow).map((s) => str(s.flight_number)) : [];
    const route = `${str(booking.departure_airport)}→${str(booking.arrival_airport)}`;
    const when = `${str(booking.departure_date)} ${str(booking.departure_time).slice(0, 5)}`;
    return `${i + 1}. ${str(booking.reference)} ${passengers.join(zh ? '、' : ', ')} ${flights.join('/')} ${when} ${route} ${str(booking.status)}`;
  });
  const listed = total > bookings.length ? (zh ? `（列出最新的 ${bookings.length} 个）` : ` (the newest ${bookings.length} listed)`) : '';
  const count = zh ? `${total} 个预订${listed}` : `${total} booking${total === 1 ? '' : 's'}${listed}`;
  const head = zh ? `找到${who}的 ${count}${period}，按日期排序：` : `I found ${count} for ${who}${period}, by date:`;
  return [head, ...lines].join('\n');
}

export function quoteText(quote: Row, language: Language): string {
  const [paid, fee, refund] = [num(quote.paid), num(quote.fee), num(quote.refund)];
  return language === 'zh'
    ? `预订 ${str(quote.reference)}：已付 ${yuan(paid, 'zh')}，手续费 ${yuan(fee, 'zh')}，可退 ${yuan(refund, 'zh')}（${str(quote.rule_zh ?? quote.rule)}）。`
    : `Booking ${str(quote.reference)}: paid ${yuan(paid, 'en')}, fee ${yuan(fee, 'en')}, refund ${yuan(refund, 'en')} (${str(quote.rule)}).`;
}

export function flightText(flight: Row, language: Language): string {
  const route = `${str(flight.departure_airport)}→${str(flight.arrival_airport)}`;
  const times = `${str(flight.departure_time).slice(0, 5)}-${str(flight.arrival_time).slice(0, 5)}`;
  const status = str(flight.status);
  return language === 'zh'
    ? `${str(flight.flight_number)} ${route}，计划 ${times}，状态：${status}。`
    : `${str(flight.flight_number)} ${route}, scheduled ${times}, status: ${status}.`;
}

/** What a proposal asks, by tool. */
export const proposalText = {
  create_booking: {
    zh: (o: FlightOption, names: string[], price: number) => `将为 ${names.join('、')} 预订 ${o.flight_number}（${o.date} ${o.departure_time} ${o.departure_airport}→${o.arrival_airport}，${cabinName(o.cabin, 'zh')}），共 ${yuan(price, 'zh')}。`,
    en: (o: FlightOption, names: string[], price: number) => `I will book ${o.flight_number} (${o.date} ${o.departure_time} ${o.departure_airport}→${o.arrival_airport}, ${cabinName(o.cabin, 'en')}) for ${names.join(', ')}, ${yuan(price, 'en')} in all.`,
  },
  cancel_booking: {
    zh: (reference: string, refund: number) => `将取消预订 ${reference}，可退 ${yuan(refund, 'zh')}。`,
    en: (reference: string, refund: number) => `I will cancel booking ${reference}; the refund is ${yuan(refund, 'en')}.`,
  },
  change_seat: {
    zh: (reference: string, seat: string) => `将把预订 ${reference} 的座位换到 ${seat}。`,
    en: (reference: string, seat: string) => `I will move booking ${reference} to seat ${seat}.`,
  },
  change_flight: {
    zh: (reference: string, o: FlightOption, difference: number) => `将把预订 ${reference} 改签到 ${o.flight_number}（${o.date} ${o.departure_time}），差价 ${yuan(difference, 'zh')}。`,
    en: (reference: string, o: FlightOption, difference: number) => `I will move booking ${reference} to ${o.flight_number} (${o.date} ${o.departure_time}); fare difference ${yuan(difference, 'en')}.`,
  },
  confirmChange: { zh: '确认吗？回复“确认”或“不要了”。', en: 'Shall I go ahead? Reply "yes" or "no".' },
} as const;

const doneFallback: Record<Language, string> = { zh: '已完成（{tool}）。{booking}', en: 'Done ({tool}). {booking}' };

/**
 * What a write did: the sentence the tool declares (its `_meta`, see lib/mcp/tools.ts) with {reference},
 * {booking} (the booking as a paragraph) and {tool} filled in.
 */
export function doneText(template: Record<Language, string> | undefined, tool: string, booking: Row | undefined, language: Language): string {
  const fill: Record<string, string> = {
    tool,
    reference: str(booking?.reference ?? ''),
    booking: booking ? bookingText(booking, language) : '',
  };
  return (template ?? doneFallback)[language].replace(/\{(\w+)\}/g, (whole, name: string) => fill[name] ?? whole).trim();
}
