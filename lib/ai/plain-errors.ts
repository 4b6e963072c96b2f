/**
 * A tool's failure as a traveller should hear it. Tool errors are written for models and developers
 * ("Invalid request: 2026-11-29 is in the past (today is …)"); a person gets a plain sentence in their
 * language: one that says what to do for the common cases, else one per kind of failure.
 */
import type { Language } from './conversation';
import { errorText } from './results';

type Sentence = Record<Language, string>;

const specific: { pattern: RegExp; sentence: Sentence }[] = [
  {
    pattern: /is in the past|already departed|Sales for flight .* closed/i,
    sentence: { zh: '这个日期已经过了，或者航班已停止售票，请换一个以后的日期。', en: 'That date has passed or the flight is no longer on sale; please choose a later date.' },
  },
  { pattern: /does not operate on/i, sentence: { zh: '这个航班那天不飞，请换一个日期或航班。', en: 'That flight does not fly on that day; please choose another day or flight.' } },
  { pattern: /same city/i, sentence: { zh: '出发地和目的地在同一个城市，请换一个目的地。', en: 'The departure and destination are in the same city; please choose another destination.' } },
  { pattern: /Unknown airport or city/i, sentence: { zh: '我不认识这个城市或机场，请换个说法，例如“北京”或“PEK”。', en: 'I do not know that city or airport; try another name, e.g. "Beijing" or "PEK".' } },
  { pattern: /Seat .* is already taken/i, sentence: { zh: '这个座位已经有人了，请换一个座位。', en: 'That seat is already taken; please choose another one.' } },
  { pattern: /exit row/i, sentence: { zh: '紧急出口排只能安排成年乘客，请换一个座位。', en: 'Exit-row seats are for adults only; please choose another seat.' } },
  { pattern: /Seat .* does not exist/i, sentence: { zh: '这个航班上没有这个座位号，请换一个座位。', en: 'There is no such seat on this flight; please choose another one.' } },
  { pattern: /hold on .* expired/i, sentence: { zh: '座位保留已经过期，请重新预订。', en: 'The hold on these seats has expired; please book again.' } },
  { pattern: /is (already )?cancelled/i, sentence: { zh: '这个预订或航班已经取消，无法再办理。', en: 'That booking or flight has been cancelled, so this cannot be done.' } },
  { pattern: /at least one adult/i, sentence: { zh: '每个预订至少需要一位成人乘客。', en: 'Every booking needs at least one adult passenger.' } },
];

/** By the kind label the MCP tools put first ("Not found: …"); see agents/shared/tool.ts. */
const byKind: Record<string, Sentence> = {
  'Invalid request': { zh: '有些信息不符合要求，请检查日期、航班和姓名后再试。', en: 'Some details were not accepted; please check the date, flight and names and try again.' },
  'Not found': { zh: '没有找到对应的航班或预订，请核对后再试。', en: 'I could not find that flight or booking; please check and try again.' },
  'Sold out': { zh: '这个航班所选舱位已经售完，请换一个航班、日期或舱位。', en: 'That flight is sold out in this cabin; please choose another flight, date or cabin.' },
  Conflict: { zh: '预订当前的状态不允许这项操作，请先查看预订。', en: 'The booking as it stands does not allow that; please look at the booking first.' },
  'Changed meanwhile': { zh: '预订刚刚被修改过，请重新查看后再试。', en: 'The booking was just changed; please look at it again and retry.' },
  'Not allowed': { zh: '这项操作不被允许。', en: 'That is not allowed.' },
  'Too many': { zh: '您保留的座位已经太多了，请先确认或取消已有的保留。', en: 'You are holding too many bookings; please confirm or cancel some first.' },
};

const otherwise: Sentence = { zh: '系统暂时无法完成这项操作，请稍后再试。', en: 'The system could not do that just now; please try again shortly.' };

export function plainError(result: unknown, language: Language): string {
  const text = errorText(result);
  const sentence = specific.find(({ pattern }) => pattern.test(text))?.sentence ?? byKind[text.split(':')[0]!.trim()] ?? otherwise;
  return sentence[language];
}
