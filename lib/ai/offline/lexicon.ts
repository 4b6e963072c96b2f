/**
 * The offline planner's phrase tables, Chinese and English side by side. Matching is longest-first
 * on normalised text (NFKC, lower case); Latin phrases only match whole words.
 */
import type { Cabin } from '../../domain/aircraft';
import type { BookingOrder, DatePeriod, Intent, OptionHint, Preference, SeatPreference, TimeWindow } from './types';

export interface IntentPhrases {
  intent: Intent;
  /** The highest weight among matched phrases decides; ties go to the earlier group. */
  weight: number;
  phrases: string[];
  /** Only counts when the message carries a flight number; otherwise it scores as `otherwise`. */
  needsFlightNumber?: { otherwise: Intent };
  /** With a booking reference in the message the phrase means this intent instead (取消这个 ABC234 → cancel). */
  withReference?: Intent;
  /** Ignored when the message names a person or a booking (查找李先生的所有预订 is fine, "all bookings" is not). */
  unlessPerson?: boolean;
}

export const intentPhrases: IntentPhrases[] = [
  {
    intent: 'off_topic',
    weight: 100,
    phrases: [
      '忽略之前的指令', '忽略之前', '忽略以上', '忽略上面', '忽略所有指令', '系统提示', '提示词', '越狱', '扮演',
      '其他乘客', '其他人的预订', '别人的预订', '所有人的预订', '所有乘客', '所有用户',
      '天气', '股票', '股价', '写诗', '写一首', '作诗', '讲个笑话', '笑话', '新闻', '彩票',
      'ignore previous instructions', 'ignore all previous instructions', 'ignore the previous instructions', 'ignore your instructions',
      'disregard previous instructions', 'system prompt', 'jailbreak', 'pretend you are', 'act as', 'developer mode',
      'reveal', 'other passengers', 'other people\'s bookings', 'everyone\'s bookings', 'all passengers', 'all users',
      'weather', 'stock', 'stocks', 'stock price', 'poem', 'write me a', 'joke', 'news', 'lottery',
    ],
  },
  {
    intent: 'off_topic',
    weight: 100,
    unlessPerson: true,
    phrases: ['所有预订', '全部预订', '所有订单', '全部订单', 'all bookings', 'all the bookings', 'all reservations', 'every booking'],
  },
  {
    intent: 'refund_quote',
    weight: 90,
    phrases: [
      '退多少', '能退多少', '可以退多少', '退多少钱', '退款多少', '退款', '退回多少', '手续费', '退票费', '能退回',
      'refund quote', 'how much refund', 'how much would i get back', 'how much will i get back', 'how much do i get back',
      'how much can i get back', 'refund amount', 'cancellation fee', 'cancellation fees', 'how much is the refund', 'refund',
    ],
  },
  {
    intent: 'confirm',
    weight: 90,
    phrases: [
      '确认', '确定', '确认预订', '订吧', '就订这个', '就这个', '就它了', '就这班', '没问题', '好的订吧', '可以订',
      'book it', 'confirm', 'confirmed', 'go ahead', 'proceed', 'do it', 'sounds good', 'that\'s fine', 'yes please',
    ],
  },
  {
    intent: 'decline',
    weight: 88,
    withReference: 'cancel',
    phrases: [
      '不要了', '算了', '不用了', '不订了', '先不订', '先不要', '取消这个', '不要这个', '不需要了', '再说吧',
      'cancel that', 'cancel it', 'never mind', 'nevermind', 'forget it', 'not now', 'don\'t book', 'do not book', 'no thanks', 'no thank you',
    ],
  },
  {
    intent: 'change_seat',
    weight: 85,
    phrases: [
      '换座', '换座位', '改座', '改座位', '选座', '换个座位', '座位改', '座位换', '换到靠窗', '换到靠过道', '换成靠窗', '换成靠过道', '换个靠窗', '换个靠过道', '选个座位', '选座位',
      'change seat', 'change my seat', 'change the seat', 'switch seat', 'switch my seat', 'move me to', 'switch me to', 'seat change', 'move my seat', 'choose a seat', 'pick a seat', 'select a seat',
    ],
  },
  {
    intent: 'cancel',
    weight: 80,
    phrases: [
      '取消预订', '取消订单', '取消我的预订', '取消机票', '退票', '退掉', '退订', '不想去了',
      'cancel my booking', 'cancel the booking', 'cancel booking', 'cancel my reservation', 'cancel my flight', 'cancel my ticket',
    ],
  },
  { intent: 'cancel', weight: 60, phrases: ['取消', 'cancel', 'cancellation'] },
  {
    intent: 'change_flight',
    weight: 80,
    phrases: [
      '改签', '改到', '改成', '改为', '改期', '改日期', '改时间', '换航班', '换成', '换到', '改一下航班', '改航班', '延期', '提前到',
      'change flight', 'change my flight', 'change the flight', 'change my booking', 'move my booking', 'move my flight',
      'change booking', 'change the booking', 'move booking', 'move the booking', 'move it to', 'move the flight',
      'reschedule', 'rebook', 'switch to', 'change it to', 'change to', 'change the date', 'change date', 'change the time',
    ],
  },
  {
    intent: 'flight_status',
    weight: 75,
    needsFlightNumber: { otherwise: 'search' },
    phrases: [
      '航班状态', '状态', '还有座位', '有座位吗', '还有位子', '余票', '还有票', '有票吗', '准点', '延误', '晚点', '起飞了吗', '几点起飞',
      'flight status', 'status', 'available', 'availability', 'seats left', 'on time', 'delayed', 'any seats',
    ],
  },
  {
    intent: 'booking_details',
    weight: 72,
    phrases: [
      '预订详情', '订单详情', '详情', '查看预订', '预订信息', '订单信息', '行程单',
      'booking details', 'details', 'show booking', 'show my booking', 'look up booking', 'booking info', 'booking information',
    ],
  },
  {
    intent: 'find_bookings',
    weight: 70,
    phrases: [
      '我的预订', '我的订单', '我的机票', '我的行程', '的预订', '的订单', '的所有预订', '的全部预订', '查找预订', '查预订', '找预订',
      'my bookings', 'my booking', 'my reservations', 'my reservation', 'my trips', 'find bookings', 'find my bookings',
      'bookings for', 'bookings under', 'reservations for', 'look up bookings', 'find booking', '\'s bookings', '\'s booking', '\'s reservations',
      'all bookings for', 'all the bookings for', 'all reservations for', 'every booking for', 'all bookings under',
    ],
  },
  {
    intent: 'recommend',
    weight: 65,
    phrases: ['推荐', '建议', '哪个好', '哪班好', '最好的', '最合适', 'recommend', 'recomend', 'reccomend', 'suggest', 'suggestion', 'best', 'which one should'],
  },
  {
    intent: 'book',
    weight: 60,
    phrases: [
      '预订', '预定', '订票', '订机票', '订一张', '订个', '订', '买票', '买机票', '买一张', '出票', '帮我订', '我要订', '我想订',
      'book', 'booking a flight', 'reserve', 'buy a ticket', 'buy tickets', 'purchase', 'i want to fly', 'i\'d like to fly', 'get me a ticket',
    ],
  },
  {
    intent: 'help',
    weight: 50,
    phrases: ['帮助', '你能做什么', '能做什么', '怎么用', '你会什么', '有什么功能', '使用说明', '你是谁', 'help', 'who are you', 'what can you do', 'how does this work', 'what do you do'],
  },
  {
    intent: 'search',
    weight: 45,
    phrases: [
      '查', '查询', '查一下', '搜索', '搜', '有没有', '有哪些', '找', '找一下', '看看', '航班', '机票', '飞机',
      'search', 'find flights', 'find a flight', 'show me flights', 'show flights', 'any flights', 'look for', 'looking for',
      'flights', 'flight', 'fly', 'options', 'what flights', 'are there',
    ],
  },
  {
    intent: 'greeting',
    weight: 20,
    phrases: ['你好', '您好', '嗨', '哈喽', '早上好', '晚上好', 'hi', 'hello', 'hey', 'good morning', 'good evening', 'good afternoon'],
  },
];

/** Short replies that only count when they are a whole clause of the message ("是" inside 我是张三 is not a yes). */
export const replyClauses: { intent: Intent; weight: number; phrases: string[] }[] = [
  {
    intent: 'confirm',
    weight: 25,
    phrases: ['好', '好的', '好啊', '行', '可以', '是', '是的', '对', '对的', '嗯', '嗯嗯', '要', 'ok', 'okay', 'yes', 'yep', 'yeah', 'sure', 'fine', 'right', 'correct', 'y'],
  },
  { intent: 'decline', weight: 25, phrases: ['不', '不要', '不行', '不用', '不了', '否', '不对', 'no', 'nope', 'nah', 'don\'t', 'n'] },
];

/** Trailing words that do not change a short reply: 好的吧, yes please. */
export const replyFillers = ['吧', '啊', '呀', '了', '呢', '嘛', '哈', 'please', 'thanks', 'thank you'];

/** Relative days: offset from today. Checked before chrono, whose 明天 is off by one around midnight. */
export const relativeDays: [phrase: string, offset: number][] = [
  ['今天', 0], ['今日', 0], ['今晚', 0], ['明天', 1], ['明日', 1], ['明早', 1], ['明晚', 1], ['后天', 2], ['後天', 2], ['大后天', 3], ['大後天', 3],
  // Spoken northern forms: 明儿个, 后儿.
  ['今儿个', 0], ['今儿', 0], ['明儿个', 1], ['明儿', 1], ['后儿个', 2], ['后儿', 2],
  ['today', 0], ['tonight', 0], ['tomorrow', 1], ['tomorow', 1], ['tommorow', 1], ['tommorrow', 1], ['tmrw', 1], ['tmr', 1],
  ['day after tomorrow', 2], ['the day after tomorrow', 2], ['day after tomorow', 2],
];

/**
 * Weeks and months named as a whole (Monday-based weeks), for finding bookings in a period. chrono turns some of them
 * into a day ("next week" → today + 7, "last week" → today - 7); as dates they are ignored.
 */
export const datePeriods: [phrase: string, period: DatePeriod][] = (
  [
    [['上个月', '上月', 'last month', 'previous month'], { unit: 'month', offset: -1 }],
    [['这个月', '这月', '本月', 'this month'], { unit: 'month', offset: 0 }],
    [['下个月', '下月', 'next month'], { unit: 'month', offset: 1 }],
    [['上周', '上个周', '上星期', '上个星期', '上礼拜', '上个礼拜', 'last week', 'previous week'], { unit: 'week', offset: -1 }],
    [['这周', '本周', '这星期', '这个星期', '这礼拜', '这个礼拜', 'this week'], { unit: 'week', offset: 0 }],
    [['下周', '下个周', '下星期', '下个星期', '下礼拜', '下个礼拜', 'next week'], { unit: 'week', offset: 1 }],
  ] as [string[], DatePeriod][]
).flatMap(([phrases, period]) => phrases.map((phrase): [string, DatePeriod] => [phrase, period]));

/** How a list of bookings is ordered: 按日期排序, sorted by date (by date is the default anyway). */
export const bookingOrders: [phrase: string, order: BookingOrder][] = [
  ['按日期排序', 'date'], ['按日期', 'date'], ['按时间排序', 'date'], ['按时间顺序', 'date'], ['按出发日期', 'date'], ['日期排序', 'date'],
  ['sorted by date', 'date'], ['sort by date', 'date'], ['sort them by date', 'date'], ['by date', 'date'], ['in date order', 'date'], ['date order', 'date'],
];

/** Before a weekday: the week after this one (Monday-based weeks). */
export const nextWeekMarkers = ['下周', '下个周', '下星期', '下个星期', '下礼拜', '下个礼拜', 'next'];

/** 5号出发 / on the 5th: a day of the month with nothing else. */
export const dayOfMonthFollowers = ['出发', '走', '飞', '的航班', '的机票', '的票', '去', '回', '那天'];

export const timeWindows: [phrase: string, window: TimeWindow][] = (
  [
    [['凌晨', '清晨', '一大早', '红眼', 'early morning', 'red-eye', 'red eye', 'redeye'], { label: 'early_morning', from: '00:00', to: '08:00' }],
    [['早上', '上午', '早晨', '明早', '早班', 'morning', 'in the morning', 'a.m.'], { label: 'morning', from: '06:00', to: '12:00' }],
    [['中午', '午间', 'noon', 'midday', 'lunchtime', 'around noon'], { label: 'noon', from: '11:00', to: '14:00' }],
    [['下午', '午后', 'afternoon', 'in the afternoon', 'p.m.'], { label: 'afternoon', from: '12:00', to: '18:00' }],
    [['晚上', '傍晚', '今晚', '明晚', '晚间', 'evening', 'in the evening', 'tonight'], { label: 'evening', from: '18:00', to: '23:59' }],
    [['深夜', '半夜', '夜里', '夜间', '午夜', 'late night', 'night', 'at night', 'midnight'], { label: 'night', from: '21:00', to: '23:59' }],
  ] as [string[], TimeWindow][]
).flatMap(([phrases, window]) => phrases.map((phrase): [string, TimeWindow] => [phrase, window]));

/** Greetings that contain a time of day but name none: 早上好, good morning. */
export const notTimeWindows = ['早上好', '上午好', '中午好', '下午好', '晚上好', '晚安', 'good morning', 'good afternoon', 'good evening', 'good night'];

export const cabins: [phrase: string, cabin: Cabin][] = [
  ['经济舱', 'economy'], ['经济', 'economy'], ['普通舱', 'economy'], ['economy', 'economy'], ['economy class', 'economy'], ['coach', 'economy'],
  ['商务舱', 'business'], ['商务座', 'business'], ['公务舱', 'business'], ['business class', 'business'], ['business cabin', 'business'], ['fly business', 'business'], ['in business', 'business'],
  ['头等舱', 'first'], ['头等', 'first'], ['first class', 'first'], ['fly first', 'first'],
];

export const preferences: [phrase: string, preference: Preference][] = [
  ['最便宜', 'cheapest'], ['便宜点', 'cheapest'], ['便宜一点', 'cheapest'], ['便宜的', 'cheapest'], ['最低价', 'cheapest'], ['价格最低', 'cheapest'], ['省钱', 'cheapest'],
  ['cheapest', 'cheapest'], ['cheap', 'cheapest'], ['lowest price', 'cheapest'], ['lowest fare', 'cheapest'], ['budget', 'cheapest'],
  ['最快', 'fastest'], ['时间最短', 'fastest'], ['用时最短', 'fastest'], ['fastest', 'fastest'], ['quickest', 'fastest'], ['shortest', 'fastest'],
  ['最早', 'earliest'], ['早一点', 'earliest'], ['头班', 'earliest'], ['earliest', 'earliest'], ['first flight', 'earliest'],
  ['最晚', 'latest'], ['晚一点', 'latest'], ['末班', 'latest'], ['latest', 'latest'], ['last flight', 'latest'],
  ['直飞', 'direct_only'], ['不转机', 'direct_only'], ['不要转机', 'direct_only'], ['不中转', 'direct_only'],
  ['nonstop', 'direct_only'], ['non-stop', 'direct_only'], ['direct', 'direct_only'], ['direct flight', 'direct_only'], ['no stops', 'direct_only'],
];

/** Maximum stops; direct_only preferences imply 0 as well. */
export const stopLimits: [phrase: string, stops: 0 | 1][] = [
  ['转机也行', 1], ['转机也可以', 1], ['可以转机', 1], ['中转也行', 1], ['经停也行', 1], ['一次转机', 1],
  ['one stop', 1], ['1 stop', 1], ['one stop is fine', 1], ['stops are fine', 1], ['connection is fine', 1], ['connecting is fine', 1],
];

/** "Which one" by quality: resolved by the policy against the options shown last. */
export const optionHints: [phrase: string, hint: OptionHint][] = [
  ['那个便宜的', 'cheapest'], ['便宜的那个', 'cheapest'], ['便宜那个', 'cheapest'], ['最便宜的那个', 'cheapest'], ['最便宜的那班', 'cheapest'], ['便宜点的那个', 'cheapest'], ['便宜的那班', 'cheapest'], ['那班便宜的', 'cheapest'],
  ['the cheaper one', 'cheapest'], ['the cheapest one', 'cheapest'], ['cheaper one', 'cheapest'], ['cheapest one', 'cheapest'], ['the cheap one', 'cheapest'],
  ['快的那个', 'fastest'], ['那个快的', 'fastest'], ['最快的那个', 'fastest'], ['最快的那班', 'fastest'], ['the faster one', 'fastest'], ['the fastest one', 'fastest'], ['the quicker one', 'fastest'],
  ['早的那个', 'earliest'], ['早的那班', 'earliest'], ['早一点的那个', 'earliest'], ['那个早的', 'earliest'], ['最早的那个', 'earliest'], ['最早的那班', 'earliest'], ['the earlier one', 'earliest'], ['the earliest one', 'earliest'], ['earlier one', 'earliest'],
  ['晚的那个', 'latest'], ['晚的那班', 'latest'], ['晚一点的那个', 'latest'], ['那个晚的', 'latest'], ['最晚的那个', 'latest'], ['最晚的那班', 'latest'], ['the later one', 'latest'], ['the latest one', 'latest'], ['later one', 'latest'],
];

export const seatPreferences: [phrase: string, preference: SeatPreference][] = [
  ['靠窗', 'window'], ['窗口', 'window'], ['窗边', 'window'], ['window', 'window'], ['window seat', 'window'],
  ['靠过道', 'aisle'], ['过道', 'aisle'], ['走道', 'aisle'], ['靠走廊', 'aisle'], ['aisle', 'aisle'], ['aisle seat', 'aisle'],
];

export const zhDigits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export const enNumbers: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

export const enOrdinals: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, '6th': 6, '7th': 7, '8th': 8, '9th': 9, '10th': 10,
};

/** Units after a count of travellers: 两个人, 三位, 2 adults. */
export const partyUnits = {
  zh: ['个人', '个大人', '个成人', '位乘客', '名乘客', '个乘客', '位旅客', '名旅客', '位成人', '张票', '张机票', '张', '位', '人', '口人'],
  en: ['adults', 'adult', 'people', 'persons', 'person', 'passengers', 'passenger', 'travellers', 'traveller', 'travelers', 'traveler', 'pax', 'tickets', 'ticket', 'of us'],
};

/** Whole phrases that state the party size. */
export const partyPhrases: [phrase: string, size: number][] = [
  ['一家三口', 3], ['一家四口', 4], ['一家五口', 5], ['我们俩', 2], ['咱俩', 2], ['我们两个', 2], ['俩人', 2], ['就我一个', 1], ['我自己', 1], ['一个人', 1],
  ['just me', 1], ['only me', 1], ['myself', 1], ['a couple', 2], ['the two of us', 2], ['both of us', 2],
];

/** Counted nouns after 第N: 第二个, 第3班. */
export const zhOrdinalCounters = ['个', '班', '趟', '种', '项', '条', '架', '选项'];
/** Nouns after an English ordinal or before a number: the second one, option 3. */
export const enOptionNouns = ['one', 'option', 'choice', 'result'];
export const enOptionPrefixes = ['option', 'choice', 'number', 'no.', 'result', '#'];

export const honorifics = {
  zh: ['先生', '女士', '小姐', '太太', '夫人'],
  en: ['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'mister', 'madam', 'dr', 'dr.'],
};

/** Words after which a Chinese name follows: 乘客张三, 给张三和李四订. */
export const zhNameMarkers = ['乘客是', '乘客叫', '乘客名字是', '乘客姓名是', '乘机人是', '旅客是', '乘客', '旅客', '乘机人', '姓名是', '姓名', '名字是', '名字叫', '我叫', '叫', '给', '帮', '为', '替'];
/**
 * Stop words that are also common given names (钱一, 陈一, 李飞): right after a surname one of them is the name
 * when a word boundary follows (乘客钱一, 给李飞订), not a count (王一个人, 给张一张票).
 */
export const zhGivenNameStops = ['一', '飞'];
/** Joins several names: 张三和李四. */
export const zhNameJoiners = ['和', '跟', '与', '及', '、', ',', '，'];
/** Where a Chinese given name stops: the next word is not part of the name. */
export const zhNameStops = [
  '的', '和', '跟', '与', '及', '订', '预', '买', '购', '查', '改', '换', '取', '退', '从', '到', '去', '飞', '坐', '乘', '在', '是', '要', '想', '也', '都',
  '还', '了', '吧', '呢', '吗', '啊', '们', '我', '你', '他', '她', '看', '找', '选', '不', '一', '两', '个', '号', '这', '那', '今天', '明天', '后天', '大后天',
  '先生', '女士', '小姐', '太太', '夫人', '出发', '航班', '机票', '订单', '座位', '舱', '经济', '商务', '头等', '早上', '上午', '中午', '下午', '晚上', '周', '星期', '礼拜', '下周',
];
/** Words in front of "<name>的预订" that are not part of the name: 查找张三的预订. */
export const zhNameLeadIns = ['查找', '查询', '查看', '查一下', '查', '找一下', '找', '看看', '看一下', '看', '帮我', '给我', '我要', '我想', '一下', '请', '麻烦', '所有', '全部'];
/** Nouns that make "<name>的…" a booking lookup. */
export const zhBookingNouns = ['预订', '订单', '机票', '行程', '所有预订', '全部预订', '所有订单', '全部订单'];

/** Words after which a Latin name follows: passenger John Smith, for Zhang San. */
export const enNameMarkers = [
  'the passenger is', 'passenger is', 'passengers are', 'the passengers are', 'passenger name is', 'passenger\'s name is', 'the traveller is', 'traveller is',
  'the traveler is', 'traveler is', 'passengers', 'passenger', 'travellers', 'traveller', 'travelers', 'traveler', 'my name is', 'name is', 'name', 'named', 'under the name', 'under', 'for', 'i am', 'i\'m'];
export const enNameJoiners = ['and', '&', ','];
export const enSurnameMarkers = ['surname', 'surname is', 'last name', 'last name is', 'family name', 'family name is'];
export const zhSurnameMarkers = ['姓'];
/** The given name said apart from the surname: 姓王，名芳 / 姓 Miller，名字叫 Tom / surname Miller, first name Tom. */
export const zhGivenNameMarkers = ['名字叫', '名字是', '名字', '名叫', '名是', '名'];
export const enGivenNameMarkers = ['first name is', 'first name', 'given name is', 'given name', 'forename is', 'forename'];

/** Words that introduce a cancellation reason. */
export const reasonMarkers = ['因为', '原因是', '原因：', '原因:', 'because', 'since', 'reason:', 'reason is', 'due to'];

/** A booking reference follows these words, so an all-letter code is taken as one (booking QWERTY). */
export const referenceCues = ['booking', 'reference', 'ref', 'pnr', 'confirmation', 'code', '预订', '订单', '编号', '预订号', '订单号', '确认号'];

/** Another flight the same day as the booked one: 改到当天晚一点的航班, an earlier flight. */
export const retimePhrases: [phrase: string, direction: 'earlier' | 'later'][] = [
  ...['晚一点的航班', '晚点的航班', '晚一些的航班', '更晚的航班', '晚一点的飞机', '晚一点的班次', '晚一班', '下一班', '后面的航班', 'later flight', 'later one', 'later plane', 'next flight']
    .map((phrase): [string, 'later'] => [phrase, 'later']),
  ...['早一点的航班', '早点的航班', '早一些的航班', '更早的航班', '早一点的飞机', '早一点的班次', '早一班', '上一班', '前面的航班', 'earlier flight', 'earlier one', 'earlier plane']
    .map((phrase): [string, 'earlier'] => [phrase, 'earlier']),
];

/** Keeping seats without paying yet: the booking is made as a hold, confirmed later (确认订单 ABC234). */
export const holdPhrases = [
  '先占座', '占个座', '占座', '先留位', '留个位', '留位', '先保留', '保留座位', '先别付款', '先不付款', '稍后付款', '晚点付款', '晚点再付', '先订不付',
  'hold a seat', 'hold seats', 'hold the seat', 'hold the seats', 'hold it', 'hold them', 'put it on hold', 'on hold', 'pay later', "i'll pay later",
  'without paying', 'reserve without', 'hold a booking', 'hold the flight',
];

/** IATA codes of airlines, so CA1501 is a flight and not a booking reference. */
export const airlineCodes = [
  'CA', 'MU', 'CZ', 'HU', 'FM', 'MF', 'ZH', '3U', 'SC', 'HO', '9C', 'KN', 'GS', 'JD', '8L', 'EU', 'TV', 'G5', 'PN', 'NS', 'DR', 'BK', 'KY', 'QW', 'Y8',
  'GJ', 'DZ', 'A6', 'GX', 'UQ', 'CX', 'KA', 'HX', 'UO', 'NX', 'BR', 'CI', 'SQ', 'TR', 'MH', 'AK', 'TG', 'VN', 'JL', 'NH', 'KE', 'OZ', 'PR', 'GA',
  'UA', 'AA', 'DL', 'AC', 'BA', 'LH', 'AF', 'KL', 'EK', 'QR', 'EY', 'TK', 'QF', 'NZ', 'SU', 'AY', 'LX', 'OS', 'IB', 'AZ',
];

/** Markers that give a place mentioned right after them its role. */
export const placeMarkers = {
  originBefore: ['从', '由', '自', 'from', 'departing from', 'leaving from', 'out of', 'departing', 'leaving'],
  originAfter: ['出发', '起飞', '始发', '走', 'departure', 'departures'],
  destinationBefore: ['到', '去', '飞', '飞往', '飞到', '至', '往', '前往', '抵达', '到达', '回', 'to', 'into', 'arriving in', 'arriving at', '→', '->', '-', '—', '~', '～'],
};

/** Latin words that are never names, besides every word of the tables above: "for two", "for economy". */
export const enNotNames = [
  'a', 'an', 'the', 'me', 'my', 'mine', 'us', 'our', 'we', 'you', 'your', 'him', 'her', 'his', 'them', 'their', 'this', 'that', 'these', 'those', 'it', 'its',
  'on', 'at', 'in', 'to', 'from', 'of', 'with', 'and', 'or', 'by', 'via', 'about', 'please', 'thanks', 'thank', 'is', 'are', 'was', 'be', 'can', 'could',
  'would', 'will', 'should', 'want', 'need', 'like', 'get', 'how', 'what', 'when', 'which', 'who', 'why', 'where', 'all', 'any', 'some', 'both', 'each',
  'seat', 'seats', 'ticket', 'tickets', 'trip', 'trips', 'return', 'one', 'way', 'round', 'day', 'days', 'week', 'weeks', 'month', 'next', 'last', 'same',
  'ok', 'okay', 'yes', 'no', 'hi', 'hello',
  // Pronouns and their contractions after a comma: for Amy Chen, I'll pay later.
  'i', "i'll", "i'm", "i'd", "i've", 'he', 'she', 'they', "we'll", "we're", "he's", "she's", "they're", "it's", "let's",
];

/**
 * Days and months: never a name alone ("for Friday", "for May 5"), but the first word of one when a name word follows
 * (Sun Qi, May Wang, June Li).
 */
export const enCalendarWords = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
];

/** Words that start with a surname character but are not names: 周五, 高铁, 金额. */
export const zhNotNames = [
  '周一', '周二', '周三', '周四', '周五', '周六', '周日', '周天', '周末', '明天', '明早', '明晚', '明年', '高铁', '高价', '高端', '金额', '成人', '谢谢', '方便', '安排', '安全', '安检',
  '时间', '时候', '文件', '经济', '单程', '单人', '全部', '全价', '白天', '黄金', '万一', '于是', '余票', '任何', '程序', '包括', '孙子', '关于', '江湖', '毛病', '宁可',
];
