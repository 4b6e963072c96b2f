/** What the offline planner says, in the traveller's language. The dialogue policy picks the key and fills the {blanks}. */
import type { Language } from './types';

const catalogue = {
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
} satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof catalogue;

export function message(key: MessageKey, language: Language, blanks: Record<string, string | number> = {}): string {
  return catalogue[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(blanks[name] ?? ''));
}
