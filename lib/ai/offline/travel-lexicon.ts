/**
 * Phrase tables for what travellers say beyond the core lexicon (lexicon.ts): clock times, parties
 * with relations and ages, round trips, questions about the rules and requests the assistant does not
 * serve. Text is simplified Chinese (script.ts converts traditional first) and lower-case Latin.
 */
import type { ClockConstraints } from './clock';

export const zhDigits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** A period before a Chinese clock time: 下午三点 is 15:00. */
export const clockPeriods: { zh: Record<string, 'am' | 'pm'> } = {
  zh: { 凌晨: 'am', 早上: 'am', 上午: 'am', 清晨: 'am', 早晨: 'am', 中午: 'pm', 下午: 'pm', 傍晚: 'pm', 晚上: 'pm', 晚: 'pm', 夜里: 'pm' },
};

export const clockBounds = {
  zhAfter: ['以后', '之后', '以後', '后', '过后', '起'],
  zhBefore: ['以前', '之前', '前'],
  enAfter: ['after', 'not before', 'later than', 'from', 'no earlier than'],
  enBefore: ['before', 'by', 'no later than', 'not after', 'until', 'till'],
  /** Words that make a bound about the arrival: 中午前到, be in Beijing before noon, arrive by 12. */
  arrival: ['到', '落地', '抵达', '到达', 'arrive', 'land', 'be in', 'be at', 'get to', 'get there'],
};

/** Bounds named without a clock time. */
export const clockHalves: { phrase: string; bounds: ClockConstraints }[] = [
  { phrase: '中午前要到', bounds: { arriveBefore: '12:00' } },
  { phrase: '中午前到', bounds: { arriveBefore: '12:00' } },
  { phrase: '中午以前到', bounds: { arriveBefore: '12:00' } },
  { phrase: '中午之前到', bounds: { arriveBefore: '12:00' } },
  { phrase: '中午前', bounds: { departBefore: '12:00' } },
  { phrase: '中午以后', bounds: { departAfter: '12:00' } },
  { phrase: '中午之后', bounds: { departAfter: '12:00' } },
];

/** Words before a co-traveller's name; `type` when the word alone decides it (宝宝, baby). */
export const companionWords: { phrase: string; type?: 'adult' | 'child' | 'infant' }[] = [
  ...['老公', '丈夫', '老婆', '妻子', '太太', '爱人', '老伴儿', '老伴', '妈妈', '母亲', '爸爸', '父亲', '儿子', '女儿', '孩子', '孙子', '孙女', '外孙', '外孙女',
    '同事', '朋友', '同学', '哥哥', '姐姐', '弟弟', '妹妹', '她叫', '他叫', '还有', '带着', '带', '我是', '我叫', '叫', '：', ':', '、', '和', '跟', '与', '及', '，'].map((phrase) => ({ phrase })),
  // The fare category said as a word: 大人张三，小孩张小明 (an age next to the name still decides).
  ...['大人', '成人', '成年人', '老人'].map((phrase) => ({ phrase, type: 'adult' as const })),
  ...['小孩', '儿童', '小朋友'].map((phrase) => ({ phrase, type: 'child' as const })),
  ...['宝宝', '婴儿', '小宝宝'].map((phrase) => ({ phrase, type: 'infant' as const })),
  ...['wife', 'husband', 'son', 'daughter', 'kids', 'kid', 'grandson', 'granddaughter', 'friend', 'colleague', 'mother', 'father', 'mum', 'mom', 'dad',
    'me,', 'me (', 'i am', "i'm", 'and', ',', ':', '(', 'plus'].map((phrase) => ({ phrase })),
  ...['adult', 'adults'].map((phrase) => ({ phrase, type: 'adult' as const })),
  ...['child', 'children'].map((phrase) => ({ phrase, type: 'child' as const })),
  ...['baby', 'infant', 'newborn'].map((phrase) => ({ phrase, type: 'infant' as const })),
];

/** Ages in years below which a passenger pays the child or infant fare (CAAC: under 2 infant, under 12 child). */
export const infantUnderYears = 2;
export const childUnderYears = 12;

export type RulesTopic = 'cancellation' | 'change' | 'baggage' | 'check_in';

/** What a question about the rules is about; asked without a booking, it is answered from the rules themselves. */
export const rulesTopics: [phrase: string, topic: RulesTopic][] = [
  ...['退票', '退款', '取消', '手续费', '退钱', '扣多少', '扣钱', 'refund', 'cancel', 'cancellation', 'money back', 'lose'].map((p): [string, RulesTopic] => [p, 'cancellation']),
  ...['改签', '改期', '改日期', '改时间', '改航班', 'change my flight', 'change the date', 'change fee', 'change a flight', 'change my booking', 'reschedule'].map((p): [string, RulesTopic] => [p, 'change']),
  ...['行李', '托运', '手提', '随身', 'baggage', 'luggage', 'carry-on', 'carry on', 'suitcase', 'bags'].map((p): [string, RulesTopic] => [p, 'baggage']),
  ...['值机', '登机口', '提前多久', '提前多长', '到机场', 'check in', 'check-in', 'checkin', 'boarding gate', 'get to the airport', 'arrive at the airport'].map((p): [string, RulesTopic] => [p, 'check_in']),
];

/** A question rather than a request: 吗, 多少, how much, can I… (a request such as 我要退票 has none). */
export const questionMarkers = ['吗', '?', '多少', '怎么', '如何', '是否', '能不能', '可不可以', '多久', '多长', '什么', '规定', '政策', '限制', '额度',
  'how', 'what', 'when', 'can i', 'is there', 'do i', 'does', 'policy', 'rules', 'allowance', 'if i'];

/** Requests the assistant does not serve: hotels, cars, trains, visas… (politely declined, nothing searched). */
export const outOfScope = [
  '酒店', '宾馆', '饭店', '住宿', '民宿', '租车', '租辆车', '租一辆车', '出租车', '打车', '叫车', '网约车', '签证', '护照办理', '高铁', '火车', '动车', '门票', '演唱会', '保险', '餐厅', '订餐', '订座位吃饭',
  'hotel', 'hostel', 'airbnb', 'rental car', 'car rental', 'rent a car', 'hire a car', 'taxi', 'cab', 'uber', 'visa', 'train', 'insurance', 'restaurant', 'table for', 'dinner', 'concert', 'tickets for',
];

/** Where one leg of a trip ends and the next begins. */
export const legBreaks = /[，,;；。]|(?=\b(?:then|and back|and come back|and return|returning|back on)\b)|(?=再|然后)/;
/** A leg that goes back: 周五回北京, back on Friday, returning Friday. */
export const returnWords = /回|返回|\bback\b|\breturn(?:ing)?\b(?! ticket)/;
/** A whole trip there and back: 往返, 来回, round trip, return ticket. */
export const roundTripWords = /往返|来回|round[- ]?trip|return ticket|return flight/;
/** Two days in one clause: 明天和后天, Monday next week to Thursday next week. */
export const dateJoiners = /和|至|\band\b|\bto\b/;

/**
 * Moving a booking by days: 提前一天, 晚一天, a day earlier, push back by one day; the count is the first group,
 * one when there is none (the day after, 第二天: said of a booking, the day after its date).
 */
export const dayShiftPatterns: [pattern: RegExp, sign: 1 | -1][] = [
  [/后一天|第二天|次日|隔天|\bthe (?:next|following) day\b|\bthe day after\b(?! tomorrow)/, 1],
  [/前一天|\bthe (?:previous|preceding) day\b|\bthe day before\b(?! yesterday)/, -1],
  [/(?:提前|早)(\d|[一二两三四五六七])天/, -1],
  [/(?:推迟|延后|延期|推后|晚)(\d|[一二两三四五六七])天/, 1],
  [/\b(a|one|two|three|four|five|\d)\s+days?\s+(?:earlier|sooner|before)\b/, -1],
  [/\b(a|one|two|three|four|five|\d)\s+days?\s+later\b/, 1],
  [/\bback by\s+(a|one|two|three|\d)\s+days?\b/, 1],
  [/\bforward by\s+(a|one|two|three|\d)\s+days?\b/, -1],
];
export const countWords: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7 };

/** Taking the flight just recommended: 就要这班, I'll take that one (a bare yes with nothing proposed is not a pick). */
export const thisOne = ['就订这个', '就这个', '就它了', '就这班', '就要这班', '要这班', '这班吧', '就要这个', 'that one', 'this one', 'that flight', 'this flight'];

/** What people call cities besides their names: 帝都, 魔都, Peking. */
export const placeNicknames: [nickname: string, city: string][] = [
  ['帝都', 'Beijing'], ['京城', 'Beijing'], ['首都北京', 'Beijing'], ['pekin', 'Beijing'], ['peking', 'Beijing'],
  ['魔都', 'Shanghai'], ['申城', 'Shanghai'], ['沪', 'Shanghai'], ['羊城', 'Guangzhou'], ['花城', 'Guangzhou'], ['鹏城', 'Shenzhen'],
  ['蓉城', 'Chengdu'], ['山城', 'Chongqing'], ['雾都', 'Chongqing'], ['春城', 'Kunming'], ['星城', 'Changsha'], ['江城', 'Wuhan'],
  ['泉城', 'Jinan'], ['冰城', 'Harbin'], ['鹭岛', 'Xiamen'], ['榕城', 'Fuzhou'], ['金陵', 'Nanjing'], ['鹿城', 'Sanya'],
];

/**
 * Places travellers name that the network does not serve (no airport, or no flights in the sample
 * schedule), with the nearest served cities by English city name.
 */
export const unservedPlaces: { names: string[]; near: string[] }[] = [
  { names: ['苏州', 'suzhou'], near: ['Shanghai', 'Wuxi'] },
  { names: ['常州', 'changzhou'], near: ['Wuxi', 'Nanjing', 'Shanghai'] },
  { names: ['昆山', 'kunshan'], near: ['Shanghai', 'Wuxi'] },
  { names: ['嘉兴', 'jiaxing', '绍兴', 'shaoxing'], near: ['Hangzhou', 'Shanghai'] },
  { names: ['扬州', 'yangzhou', '镇江', 'zhenjiang'], near: ['Nanjing', 'Wuxi'] },
  { names: ['佛山', 'foshan'], near: ['Guangzhou', 'Shenzhen'] },
  { names: ['东莞', 'dongguan'], near: ['Shenzhen', 'Guangzhou'] },
  { names: ['天津', 'tianjin'], near: ['Beijing'] },
  { names: ['名古屋', 'nagoya'], near: ['Osaka', 'Tokyo'] },
  { names: ['札幌', 'sapporo'], near: ['Tokyo'] },
  { names: ['釜山', 'busan'], near: ['Seoul'] },
  { names: ['济州', '济州岛', 'jeju'], near: ['Seoul', 'Shanghai'] },
  { names: ['普吉', '普吉岛', 'phuket'], near: ['Bangkok'] },
  { names: ['雅加达', 'jakarta', '巴厘岛', 'bali'], near: ['Singapore', 'Kuala Lumpur'] },
  { names: ['胡志明市', 'ho chi minh city', 'saigon'], near: ['Hanoi', 'Bangkok'] },
  { names: ['德里', '新德里', 'delhi', 'new delhi', '孟买', 'mumbai'], near: ['Dubai'] },
  { names: ['多哈', 'doha'], near: ['Dubai'] },
  { names: ['伊斯坦布尔', 'istanbul', '莫斯科', 'moscow', '赫尔辛基', 'helsinki'], near: ['Frankfurt', 'London'] },
  { names: ['慕尼黑', 'munich', '阿姆斯特丹', 'amsterdam'], near: ['Frankfurt', 'Paris'] },
  { names: ['罗马', 'rome', '马德里', 'madrid'], near: ['Paris', 'Frankfurt'] },
  { names: ['芝加哥', 'chicago'], near: ['New York'] },
  { names: ['西雅图', 'seattle', '温哥华', 'vancouver'], near: ['San Francisco', 'Los Angeles'] },
  { names: ['墨尔本', 'melbourne', '奥克兰', 'auckland'], near: ['Sydney'] },
];
