/**
 * The phrase book: everything the assistant says, in zh and en. Fixed sentences are entries with
 * {blanks} filled by say(); the formatters below turn flights, bookings and quotes into text.
 */
import { cabinNames } from '../domain/aircraft';
import { proposalTtlMs, type FlightOption, type Language } from './conversation';
import { isRow, num, str, type Row } from './results';

const cabinName = (cabin: string, language: Language) => cabinNames[cabin as keyof typeof cabinNames]?.[language] ?? cabin;
const yuan = (amount: number, language: Language) => (language === 'zh' ? `¥${amount}` : `CNY ${amount}`);

const phrases = {
  askOrigin: { zh: '请问从哪里出发？', en: 'Where are you flying from?' },
  askDestination: { zh: '请问要飞往哪里？', en: 'Where would you like to fly to?' },
  askDate: { zh: '请问哪天出发？', en: 'Which day would you like to fly?' },
  askPassengerName: { zh: '请问乘客的全名？', en: "What is the passenger's full name?" },
  askGivenName: { zh: '请问乘客的名字（不含姓）？', en: "What is the passenger's given name?" },
  askReference: { zh: '请提供预订编号（6 位，例如 ABC234）。', en: 'What is the booking reference? It has six characters, e.g. ABC234.' },
  askSurname: { zh: '为了核实身份，请问乘客姓什么？', en: "To confirm it's you, what is the passenger's surname?" },
  askWhichOption: { zh: '请问要选第几个？', en: 'Which option would you like?' },
  askSeat: { zh: '想换到哪个座位？可以说座位号（如 12A），或者靠窗 / 靠过道。', en: 'Which seat would you like? Give a seat number such as 12A, or say window or aisle.' },
  confirmBooking: { zh: '确认预订吗？回复“确认”或“不要了”。', en: 'Shall I book it? Reply "confirm" or "no".' },
  confirmHold: {
    zh: '这是占座：座位先为您保留，未付款，到期未确认将自动释放。要保留吗？回复“确认”或“不要了”。',
    en: 'This is a hold: the seats are kept for you unpaid and released if not confirmed in time. Shall I hold them? Reply "yes" or "no".',
  },
  held: {
    zh: '座位已保留，编号 {reference}。{booking}',
    en: 'Seats held, reference {reference}. {booking}',
  },
  confirmCancel: { zh: '确认取消这个预订吗？', en: 'Do you want to cancel this booking?' },
  declined: { zh: '好的，已取消这次操作。还有什么可以帮您？', en: "OK, I won't go ahead. Anything else I can help with?" },
  noFlights: { zh: '没有找到符合条件的航班，换个日期或时间段试试？', en: 'No flights match. Would another day or time of day work?' },
  greeting: { zh: '您好！我可以帮您查询、预订、改签、选座和取消机票。', en: 'Hello! I can search, book, change, choose seats for and cancel flights.' },
  help: {
    zh: '我可以：查询航班（如“明天北京到上海”）、预订、查看预订、改签、换座位、取消和退票报价、查询航班状态。',
    en: 'I can search flights ("Beijing to Shanghai tomorrow"), book, look up a booking, change a flight or seat, cancel, quote a refund, and check a flight.',
  },
  notUnderstood: { zh: '抱歉，我没太明白。可以换个说法吗？例如“明天北京到上海的航班”。', en: 'Sorry, I did not get that. Could you rephrase, e.g. "flights from Beijing to Shanghai tomorrow"?' },
  flightNotBookable: { zh: '{flight} 无法预订：{why}', en: '{flight} cannot be booked: {why}' },
  flightOffRoute: { zh: '{flight} 不飞这条航线（它从 {from} 飞往 {to}）。', en: '{flight} does not fly this route (it flies {from}→{to}).' },
  flightFull: { zh: '{flight} 当天这个舱位只剩 {seats} 个座位，不够。', en: 'Not enough seats left on {flight} in that cabin that day ({seats} left).' },
  noSeatFree: { zh: '这个航班上已经没有空的{side}座位了。', en: 'There is no free {side} seat left on this flight.' },
  offTopic: {
    zh: '抱歉，我只能帮您处理机票相关的事情，也无法查看其他乘客的信息。',
    en: "Sorry, I can only help with flights and your own bookings, and I can't share other passengers' details.",
  },
  pickToBook: { zh: '要预订哪一个？可以说“第二个”或航班号，并告诉我乘客姓名。', en: 'Which one shall I book? Say "the second one" or a flight number, and give the passenger name.' },
  recommended: { zh: '推荐第 {index} 个：{flight}。', en: 'I recommend option {index}: {flight}.' },
  leg: { zh: '第 {n} 段', en: 'Flight {n}' },
  contentFiltered: {
    zh: '抱歉，这条消息触发了内容安全策略，我无法处理。我可以帮您查询、预订、改签或取消机票。',
    en: "Sorry, that message was stopped by the content policy and I can't handle it. I can search, book, change or cancel flights for you.",
  },
  unservedPlace: { zh: '抱歉，我们的航线不到{place}。离它最近的通航城市是：{near}。要改飞那里吗？', en: "Sorry, we don't fly to or from {place}. The nearest cities we serve are {near}. Shall I look there?" },
  noEarlierFlight: { zh: '当天没有更早的航班了。', en: 'There is no earlier flight that day.' },
  noLaterFlight: { zh: '当天没有更晚的航班了。', en: 'There is no later flight that day.' },
  nothingToConfirm: { zh: '目前没有等待确认的操作。', en: 'There is nothing waiting for confirmation.' },
  expired: { zh: '上一个待确认的操作已超过 {ttlMinutes} 分钟而失效，请重新发起。', en: 'The last proposal expired after {ttlMinutes} minutes; please start again.' },
  expiredNow: { zh: '待确认的操作已超过 {ttlMinutes} 分钟，已自动失效，没有做任何更改。', en: 'The proposal was not confirmed within {ttlMinutes} minutes and has expired; nothing was changed.' },
  privacy: {
    zh: '为保护隐私，我不能按姓名列出预订。请提供预订编号和乘客姓氏，我来帮您查询。',
    en: "To protect privacy I can't list bookings by name. Give me the booking reference and the passenger's surname and I'll look it up.",
  },
  failed: { zh: '操作没有成功：{why}', en: 'That did not work: {why}' },
  notFound: { zh: '没有找到与该编号和姓氏匹配的预订，请核对。', en: 'No booking matches that reference and surname; please check them.' },
  offline: { zh: '（AI 服务暂不可用，当前为离线模式。）', en: '(The AI service is unavailable; I am in offline mode.)' },
  noSuchOption: { zh: '没有这个选项。', en: 'There is no such option.' },
  unexpected: { zh: '抱歉，处理这条消息时出了问题，没有做任何更改。请再说一次。', en: 'Sorry, something went wrong with that message and nothing was changed. Please say it again.' },
  /** What a write did, for a tool that declares no sentence of its own. */
  done: { zh: '已完成（{tool}）。{booking}', en: 'Done ({tool}). {booking}' },
} satisfies Record<string, Record<Language, string>>;

export type PhraseKey = keyof typeof phrases;

/** Blanks every phrase may use without the caller passing them. */
const standing = { ttlMinutes: proposalTtlMs / 60_000 };

/** A phrase in the traveller's language, its {blanks} filled. */
export function say(key: PhraseKey, language: Language, blanks: Record<string, string | number> = {}): string {
  return fill(phrases[key][language], blanks);
}

function fill(text: string, blanks: Record<string, string | number>): string {
  const values: Record<string, string | number> = { ...standing, ...blanks };
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** Days after the departure day the option lands (+1 for an overnight flight), from its departure and duration. */
function arrivalDayOffset(option: FlightOption): number {
  const departs = Number(option.departure_time.slice(0, 2)) * 60 + Number(option.departure_time.slice(3, 5));
  return Math.floor((departs + option.duration_minutes) / 1440);
}

/** 2h15m / 2小时15分. */
function durationText(minutes: number, language: Language): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return language === 'zh' ? `${h}小时${m ? `${m}分` : ''}` : `${h}h${m ? `${m}m` : ''}`;
}

export function optionLine(option: FlightOption, language: Language): string {
  const stops = option.stops ? (language === 'zh' ? `，经停${option.stops}次` : `, ${option.stops} stop`) : '';
  const route = `${option.departure_airport}→${option.arrival_airport}`;
  const days = arrivalDayOffset(option);
  const times = `${option.departure_time}-${option.arrival_time}${days ? `+${days}` : ''}`;
  const duration = option.duration_minutes ? (language === 'zh' ? `（${durationText(option.duration_minutes, 'zh')}）` : ` (${durationText(option.duration_minutes, 'en')})`) : '';
  return language === 'zh'
    ? `${option.index}. ${option.flight_number} ${option.date} ${times}${duration} ${route}${stops}，${cabinName(option.cabin, 'zh')} ${yuan(option.fare_per_passenger, 'zh')}/人，余${option.seats_left}座`
    : `${option.index}. ${option.flight_number} ${option.date} ${times}${duration} ${route}${stops}, ${cabinName(option.cabin, 'en')} ${yuan(option.fare_per_passenger, 'en')} per person, ${option.seats_left} seats left`;
}

export function optionList(options: FlightOption[], language: Language): string {
  const head = language === 'zh' ? `找到 ${options.length} 个航班：` : `I found ${options.length} flights:`;
  return [head, ...options.map((option) => optionLine(option, language))].join('\n');
}

/** An instant as Beijing time, minutes precision: 2026-12-01 13:20. */
function shanghaiTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
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
  const reference = str(booking.reference);
  const until = typeof booking.hold_expires_at === 'string' && status === 'pending' ? shanghaiTime(booking.hold_expires_at) : undefined;
  return language === 'zh'
    ? `预订 ${reference}（${status}）：${passengers.join('、')}；${legs.join('；')}；总价 ${yuan(num(booking.total_price ?? booking.price), 'zh')}。` +
        (until ? `保留至 ${until}（北京时间），之前回复“确认订单 ${reference}”即可确认。` : '')
    : `Booking ${reference} (${status}): ${passengers.join(', ')}; ${legs.join('; ')}; total ${yuan(num(booking.total_price ?? booking.price), 'en')}.` +
        (until ? ` Held until ${until} (Beijing time); say "confirm booking ${reference}" before then to keep it.` : '');
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
  confirm_booking: {
    zh: (reference: string, price: number) => `将确认保留中的预订 ${reference}，总价 ${yuan(price, 'zh')}。`,
    en: (reference: string, price: number) => `I will confirm held booking ${reference}, ${yuan(price, 'en')} in all.`,
  },
  change_flight: {
    zh: (reference: string, o: FlightOption, difference: number) => `将把预订 ${reference} 改签到 ${o.flight_number}（${o.date} ${o.departure_time}），差价 ${yuan(difference, 'zh')}。`,
    en: (reference: string, o: FlightOption, difference: number) => `I will move booking ${reference} to ${o.flight_number} (${o.date} ${o.departure_time}); fare difference ${yuan(difference, 'en')}.`,
  },
  confirmChange: { zh: '确认吗？回复“确认”或“不要了”。', en: 'Shall I go ahead? Reply "yes" or "no".' },
} as const;

/**
 * What a write did: the sentence the tool declares (its `_meta`, see lib/mcp/tools.ts) with {reference},
 * {booking} (the booking as a paragraph) and {tool} filled in.
 */
export function doneText(declared: Record<Language, string> | undefined, tool: string, booking: Row | undefined, language: Language): string {
  const blanks = { tool, reference: str(booking?.reference ?? ''), booking: booking ? bookingText(booking, language) : '' };
  // A booking made as a hold is not booked yet, whatever the tool declares for a booking made outright.
  if (tool === 'create_booking' && booking?.status === 'pending') return say('held', language, blanks).trim();
  return (declared ? fill(declared[language], blanks) : say('done', language, blanks)).trim();
}
