/**
 * The travellers' corpus, held-out half: written with the seen half, then set aside and run once at the end
 * of the work on issue 16 (97.8 % of checks); nothing was tuned against it. Part of npm test since.
 */
import { yes, type After, type ClassName, type Conversation, type Existing, type Expect, type Script, type Turn } from './kinds';

const t = (say: string, expect: Expect = {}): Turn => ({ say, expect });
const c = (cls: ClassName, script: Script, story: string, turns: Turn[], after?: After, existing?: Existing): Conversation => ({
  class: cls, script, story, turns, ...(after && { after }), ...(existing && { existing }),
});
const booked = (passengers: { name: string; type?: 'adult' | 'child' | 'infant' }[], legs: After extends infer A ? (A extends { booked: { legs: infer L } } ? L : never) : never): After => ({ booked: { passengers, legs } });
const couple = (a: string, b: string, flight = 'CA1501'): Existing => ({ passengers: [{ name: a }, { name: b }], flight, days: 3 });
const lei: Existing = { passengers: [{ name: '李雷' }], flight: 'CA1501', days: 3 };
const leiEn: Existing = { passengers: [{ name: 'Li Lei' }], flight: 'CA1501', days: 3 };

const timeWindows: Conversation[] = [
  c('time-window', 'zh', 'a morning flight to Shenzhen', [
    t('明天上海飞深圳，上午的', { offers: { from: 'Shanghai', to: 'Shenzhen', date: 1, departBefore: '12:00' } }),
  ]),
  c('time-window', 'en', 'leaving after the school run', [
    t('Beijing to Shanghai the day after tomorrow, not before 10am, for Chloe Adams', {
      proposes: { tool: 'create_booking', passengers: [{ name: 'Chloe Adams' }], legs: [{ from: 'Beijing', to: 'Shanghai', date: 2, departAfter: '10:00' }] },
    }),
    yes('en'),
  ], booked([{ name: 'Chloe Adams' }], [{ date: 2, departAfter: '10:00' }])),
  c('time-window', 'zh', 'must land in Beijing before 3 pm', [
    t('明天从广州回北京，下午三点前要落地，乘客邓超', {
      proposes: { tool: 'create_booking', passengers: [{ name: '邓超' }], legs: [{ from: 'Guangzhou', to: 'Beijing', date: 1, arriveBefore: '15:00' }] },
    }),
    yes('zh'),
  ], booked([{ name: '邓超' }], [{ from: 'Guangzhou', to: 'Beijing', date: 1, arriveBefore: '15:00' }])),
  c('time-window', 'en', 'an evening flight to Guangzhou', [
    t('any evening flights from Shanghai to Guangzhou tomorrow?', { offers: { from: 'Shanghai', to: 'Guangzhou', date: 1, departAfter: '18:00' } }),
  ]),
  c('time-window', 'zh-Hant', 'an early flight from Shanghai', [
    t('後天上海到北京，早上九點以前的班機', { offers: { from: 'Shanghai', to: 'Beijing', date: 2, departBefore: '09:00' } }),
  ]),
  c('time-window', 'zh', 'after lunch to Guangzhou', [
    t('后天北京到广州，下午走，乘客孟飞', {
      proposes: { tool: 'create_booking', passengers: [{ name: '孟飞' }], legs: [{ from: 'Beijing', to: 'Guangzhou', date: 2, departAfter: '12:00' }] },
    }),
    yes('zh'),
  ], booked([{ name: '孟飞' }], [{ date: 2, departAfter: '12:00' }])),
  c('time-window', 'en', 'before 9am from Shenzhen', [
    t('Shenzhen to Shanghai tomorrow, I have to leave before 9 in the morning', { offers: { from: 'Shenzhen', to: 'Shanghai', date: 1, departBefore: '09:00' } }),
  ]),
  c('time-window', 'zh', 'a late flight after 8 pm', [
    t('明天北京飞上海，晚上8点以后的航班，乘客秦岚', {
      proposes: { tool: 'create_booking', passengers: [{ name: '秦岚' }], legs: [{ from: 'Beijing', to: 'Shanghai', date: 1, departAfter: '20:00' }] },
    }),
    yes('zh'),
  ], booked([{ name: '秦岚' }], [{ date: 1, departAfter: '20:00' }])),
  c('time-window', 'en', 'arriving in Chengdu by noon', [
    t('Beijing to Chengdu tomorrow, I must arrive by 12 noon. Passenger Sam Turner', {
      proposes: { tool: 'create_booking', passengers: [{ name: 'Sam Turner' }], legs: [{ from: 'Beijing', to: 'Chengdu', date: 1, arriveBefore: '12:00' }] },
    }),
    yes('en'),
  ], booked([{ name: 'Sam Turner' }], [{ date: 1, arriveBefore: '12:00' }])),
];

const parties: Conversation[] = [
  c('party', 'zh', 'grandparents and a grandchild', [
    t('明天上海去北京，我和老伴儿带孙子：我叫钱国强，老伴儿叫孙美华，孙子钱多多3岁', {
      proposes: { tool: 'create_booking', passengers: [{ name: '钱国强', type: 'adult' }, { name: '孙美华', type: 'adult' }, { name: '钱多多', type: 'child' }] },
    }),
    yes('zh'),
  ], booked([{ name: '钱国强', type: 'adult' }, { name: '孙美华', type: 'adult' }, { name: '钱多多', type: 'child' }], [{ from: 'Shanghai', to: 'Beijing', date: 1 }])),
  c('party', 'en', 'a father and his toddler', [
    t('Flights from Shenzhen to Shanghai tomorrow for Ben Carter and his son Max Carter, age 3', {
      proposes: { tool: 'create_booking', passengers: [{ name: 'Ben Carter', type: 'adult' }, { name: 'Max Carter', type: 'child' }] },
    }),
    yes('en'),
  ], booked([{ name: 'Ben Carter', type: 'adult' }, { name: 'Max Carter', type: 'child' }], [{ from: 'Shenzhen', to: 'Shanghai', date: 1 }])),
  c('party', 'zh', 'a mother with a baby in arms', [
    t('后天北京飞三亚，我叫周婷，带着8个月大的宝宝周一一', {
      proposes: { tool: 'create_booking', passengers: [{ name: '周婷', type: 'adult' }, { name: '周一一', type: 'infant' }] },
    }),
    yes('zh'),
  ], booked([{ name: '周婷', type: 'adult' }, { name: '周一一', type: 'infant' }], [{ from: 'Beijing', to: 'Sanya', date: 2 }])),
  c('party', 'en', 'two friends', [
    t('two tickets Beijing to Guangzhou tomorrow for Oliver Stone and Harry Potts', { proposes: { tool: 'create_booking', passengers: [{ name: 'Oliver Stone' }, { name: 'Harry Potts' }] } }),
    yes('en'),
  ], booked([{ name: 'Oliver Stone' }, { name: 'Harry Potts' }], [{ from: 'Beijing', to: 'Guangzhou', date: 1 }])),
  c('party', 'zh-Hant', 'a father with two children', [
    t('明天上海飛北京，我叫吳建國，帶兩個孩子：吳小美10歲、吳小強6歲', {
      proposes: { tool: 'create_booking', passengers: [{ name: '吴建国', type: 'adult' }, { name: '吴小美', type: 'child' }, { name: '吴小强', type: 'child' }] },
    }),
    yes('zh-Hant'),
  ], booked([{ name: '吴建国', type: 'adult' }, { name: '吴小美', type: 'child' }, { name: '吴小强', type: 'child' }], [{ from: 'Shanghai', to: 'Beijing', date: 1 }])),
  c('party', 'en', 'a couple with a newborn', [
    t('Book Shanghai to Beijing tomorrow for Mr and Mrs Evans, Paul Evans and Kate Evans, plus our 4-month-old daughter Ruby Evans', {
      proposes: { tool: 'create_booking', passengers: [{ name: 'Paul Evans', type: 'adult' }, { name: 'Kate Evans', type: 'adult' }, { name: 'Ruby Evans', type: 'infant' }] },
    }),
    yes('en'),
  ], booked([{ name: 'Paul Evans', type: 'adult' }, { name: 'Kate Evans', type: 'adult' }, { name: 'Ruby Evans', type: 'infant' }], [{ from: 'Shanghai', to: 'Beijing', date: 1 }])),
  c('party', 'zh', 'two colleagues to Shenzhen', [
    t('帮我和同事订后天北京到深圳的机票，我是胡军，同事叫谢娜', { proposes: { tool: 'create_booking', passengers: [{ name: '胡军' }, { name: '谢娜' }] } }),
    yes('zh'),
  ], booked([{ name: '胡军' }, { name: '谢娜' }], [{ from: 'Beijing', to: 'Shenzhen', date: 2 }])),
  c('party', 'en', 'a teenager of 14 flies at the adult fare', [
    t('me (Laura Hill) and my daughter Zoe Hill who is 14, Beijing to Shanghai tomorrow', {
      proposes: { tool: 'create_booking', passengers: [{ name: 'Laura Hill', type: 'adult' }, { name: 'Zoe Hill', type: 'adult' }] },
    }),
    yes('en'),
  ], booked([{ name: 'Laura Hill', type: 'adult' }, { name: 'Zoe Hill', type: 'adult' }], [{ from: 'Beijing', to: 'Shanghai', date: 1 }])),
  c('party', 'zh', 'a wife joins her husband', [
    t('明天广州到上海，我和我老婆，我叫杨光，她叫林静', { proposes: { tool: 'create_booking', passengers: [{ name: '杨光' }, { name: '林静' }] } }),
    yes('zh'),
  ], booked([{ name: '杨光' }, { name: '林静' }], [{ from: 'Guangzhou', to: 'Shanghai', date: 1 }])),
];

const shownOptions: Conversation[] = [
  c('shown-option', 'zh', 'the first flight on the list', [
    t('后天北京到成都的航班有哪些', { offers: { from: 'Beijing', to: 'Chengdu', date: 2 } }),
    t('第一班吧，乘客唐宁', { proposes: { tool: 'create_booking', passengers: [{ name: '唐宁' }], legs: [{ option: 1 }] } }),
    yes('zh'),
  ], booked([{ name: '唐宁' }], [{ from: 'Beijing', to: 'Chengdu', date: 2 }])),
  c('shown-option', 'en', 'that one', [
    t('recommend a flight from Shanghai to Beijing tomorrow', { offers: { from: 'Shanghai', to: 'Beijing', date: 1 } }),
    t("I'll take that one, passenger Hannah Scott", { proposes: { tool: 'create_booking', passengers: [{ name: 'Hannah Scott' }], legs: [{ from: 'Shanghai', to: 'Beijing', date: 1 }] } }),
    yes('en'),
  ], booked([{ name: 'Hannah Scott' }], [{ from: 'Shanghai', to: 'Beijing', date: 1 }])),
  c('shown-option', 'zh', 'the 10 am flight', [
    t('明天北京到广州', { offers: { from: 'Beijing', to: 'Guangzhou', date: 1 } }),
    t('要上午十点那个，乘客邱雨', { proposes: { tool: 'create_booking', passengers: [{ name: '邱雨' }], legs: [{ flight: '10:00' }] } }),
    yes('zh'),
  ], booked([{ name: '邱雨' }], [{ date: 1, departAfter: '10:00', departBefore: '10:00' }])),
  c('shown-option', 'en', 'option number four', [
    t('what flights are there from Shanghai to Beijing the day after tomorrow', { offers: { from: 'Shanghai', to: 'Beijing', date: 2 } }),
    t('number 4 please, for Jacob Young', { proposes: { tool: 'create_booking', passengers: [{ name: 'Jacob Young' }], legs: [{ option: 4 }] } }),
    yes('en'),
  ], booked([{ name: 'Jacob Young' }], [{ from: 'Shanghai', to: 'Beijing', date: 2 }])),
  c('shown-option', 'zh-Hant', 'the first one, traditional script', [
    t('明天廣州飛上海有哪些班機', { offers: { from: 'Guangzhou', to: 'Shanghai', date: 1 } }),
    t('第一個，乘客鄭美華', { proposes: { tool: 'create_booking', passengers: [{ name: '郑美华' }], legs: [{ option: 1 }] } }),
    yes('zh-Hant'),
  ], booked([{ name: '郑美华' }], [{ from: 'Guangzhou', to: 'Shanghai', date: 1 }])),
  c('shown-option', 'en', 'the 6:30 pm flight', [
    t('Beijing to Shenzhen tomorrow', { offers: { from: 'Beijing', to: 'Shenzhen', date: 1 } }),
    t('the 18:30 flight, passenger Ethan Ward', { proposes: { tool: 'create_booking', passengers: [{ name: 'Ethan Ward' }], legs: [{ flight: '18:30' }] } }),
    yes('en'),
  ], booked([{ name: 'Ethan Ward' }], [{ date: 1, departAfter: '18:30', departBefore: '18:30' }])),
  c('shown-option', 'zh', 'this one after browsing', [
    t('查一下大后天上海到广州的航班', { offers: { from: 'Shanghai', to: 'Guangzhou', date: 3 } }),
    t('订第二个，乘客罗斌', { proposes: { tool: 'create_booking', passengers: [{ name: '罗斌' }], legs: [{ option: 2 }] } }),
    yes('zh'),
  ], booked([{ name: '罗斌' }], [{ from: 'Shanghai', to: 'Guangzhou', date: 3 }])),
  c('shown-option', 'en', 'the third option', [
    t('Guangzhou to Beijing flights tomorrow', { offers: { from: 'Guangzhou', to: 'Beijing', date: 1 } }),
    t('go with the third option for Mia Wong', { proposes: { tool: 'create_booking', passengers: [{ name: 'Mia Wong' }], legs: [{ option: 3 }] } }),
    yes('en'),
  ], booked([{ name: 'Mia Wong' }], [{ from: 'Guangzhou', to: 'Beijing', date: 1 }])),
  c('shown-option', 'zh', 'the half past one flight', [
    t('明天上海飞北京的航班', { offers: { from: 'Shanghai', to: 'Beijing', date: 1 } }),
    t('一点半那班，乘客苏畅', { proposes: { tool: 'create_booking', passengers: [{ name: '苏畅' }], legs: [{ flight: '13:30' }] } }),
    yes('zh'),
  ], booked([{ name: '苏畅' }], [{ date: 1, departAfter: '13:30', departBefore: '13:30' }])),
];

const traditional: Conversation[] = [
  c('traditional', 'zh-Hant', 'Beijing to Shanghai the day after tomorrow', [
    t('我想訂後天北京到上海的機票，乘客劉德華', { proposes: { tool: 'create_booking', passengers: [{ name: '刘德华' }], legs: [{ from: 'Beijing', to: 'Shanghai', date: 2 }] } }),
    yes('zh-Hant'),
  ], booked([{ name: '刘德华' }], [{ from: 'Beijing', to: 'Shanghai', date: 2 }])),
  c('traditional', 'zh-Hant', 'browsing Shanghai–Shenzhen', [t('明天上海到深圳有什麼航班', { offers: { from: 'Shanghai', to: 'Shenzhen', date: 1 } })]),
  c('traditional', 'zh-Hant', 'a refund quote', [t('訂位 {ref} 退票能退多少錢？姓李', { answers: {} })], { unchanged: true }, lei),
  c('traditional', 'zh-Hant', 'a window seat', [
    t('訂位 {ref}，姓李，我想換靠窗的座位', { proposes: { tool: 'change_seat' } }),
    yes('zh-Hant'),
  ], { seat: { passenger: '李雷', position: 'window' } }, lei),
  c('traditional', 'zh-Hant', 'Guangzhou to Chengdu', [
    t('請幫我訂明天廣州飛成都的機票，乘客楊麗萍', { proposes: { tool: 'create_booking', passengers: [{ name: '杨丽萍' }], legs: [{ from: 'Guangzhou', to: 'Chengdu', date: 1 }] } }),
    yes('zh-Hant'),
  ], booked([{ name: '杨丽萍' }], [{ from: 'Guangzhou', to: 'Chengdu', date: 1 }])),
  c('traditional', 'zh-Hant', 'step by step', [
    t('我要訂機票', { asks: true }),
    t('從北京出發，到廣州', { asks: true }),
    t('明天', { offers: { from: 'Beijing', to: 'Guangzhou', date: 1 } }),
    t('乘客謝霆鋒', { proposes: { tool: 'create_booking', passengers: [{ name: '谢霆锋' }] } }),
    yes('zh-Hant'),
  ], booked([{ name: '谢霆锋' }], [{ from: 'Beijing', to: 'Guangzhou', date: 1 }])),
  c('traditional', 'zh-Hant', 'business class', [
    t('明天北京飛上海商務艙，乘客何潤東', { proposes: { tool: 'create_booking', passengers: [{ name: '何润东' }], legs: [{ from: 'Beijing', to: 'Shanghai', date: 1 }] } }),
    yes('zh-Hant'),
  ], booked([{ name: '何润东' }], [{ from: 'Beijing', to: 'Shanghai', date: 1 }])),
  c('traditional', 'zh-Hant', 'cancel a booking', [
    t('取消訂單 {ref}，乘客姓李', { proposes: { tool: 'cancel_booking' } }),
    yes('zh-Hant'),
  ], { cancelled: true }, lei),
  c('traditional', 'zh-Hant', 'evening from Chengdu', [t('後天成都飛上海，晚上的班機', { offers: { from: 'Chengdu', to: 'Shanghai', date: 2, departAfter: '18:00' } })]),
];

const places: Conversation[] = [
  c('places', 'en', 'Canton, the old name', [t('flights from Canton to Shanghai tomorrow', { offers: { from: 'Guangzhou', to: 'Shanghai', date: 1 } })]),
  c('places', 'en', 'Shanghai misspelt', [
    t('Beijing to Shangai tomorrow for Lucas Gray', { proposes: { tool: 'create_booking', passengers: [{ name: 'Lucas Gray' }], legs: [{ from: 'Beijing', to: 'Shanghai', date: 1 }] } }),
    yes('en'),
  ], booked([{ name: 'Lucas Gray' }], [{ from: 'Beijing', to: 'Shanghai', date: 1 }])),
  c('places', 'zh', 'from Daxing airport', [t('明天从大兴机场飞广州', { offers: { from: 'PKX', to: 'Guangzhou', date: 1 } })]),
  c('places', 'zh', 'pinyin city names', [t('明天 beijing 到 chengdu 的航班', { offers: { from: 'Beijing', to: 'Chengdu', date: 1 } })]),
  c('places', 'zh', 'Suzhou has no airport', [t('后天上海到苏州的机票', { suggests: ['Shanghai', 'Wuxi', 'Nanjing'] })], { unchanged: true }),
  c('places', 'en', 'Jeju is not served', [t('book a flight from Shanghai to Jeju tomorrow', { suggests: ['Seoul', 'Shanghai'] })], { unchanged: true }),
  c('places', 'zh', 'to Hongqiao', [t('明天北京飞虹桥机场', { offers: { from: 'Beijing', to: 'SHA', date: 1 } })]),
  c('places', 'en', 'Chengdo typo', [t('Shanghai to Chengdo the day after tomorrow', { offers: { from: 'Shanghai', to: 'Chengdu', date: 2 } })]),
  c('places', 'zh', 'the magic capital to the south', [
    t('明天魔都飞广州，乘客田甜', { proposes: { tool: 'create_booking', passengers: [{ name: '田甜' }], legs: [{ from: 'Shanghai', to: 'Guangzhou', date: 1 }] } }),
    yes('zh'),
  ], booked([{ name: '田甜' }], [{ from: 'Shanghai', to: 'Guangzhou', date: 1 }])),
  c('places', 'en', 'a lone destination first', [
    t('I want to go to Shenzhen', { asks: true }),
    t('from Beijing, tomorrow', { offers: { from: 'Beijing', to: 'Shenzhen', date: 1 } }),
  ]),
];

const onePassenger: Conversation[] = [
  c('one-passenger', 'zh', 'the husband wants the aisle', [
    t('订单{ref}，姓李，帮张伟换个靠过道的位子', { proposes: { tool: 'change_seat', passenger: '张伟' } }),
    yes('zh'),
  ], { seat: { passenger: '张伟', position: 'aisle' } }, couple('李雷', '张伟')),
  c('one-passenger', 'en', 'the second traveller to a seat number', [
    t('booking {ref}, surname Li: please put Sophie Li in 37A', { proposes: { tool: 'change_seat', passenger: 'Sophie Li' } }),
    yes('en'),
  ], { seat: { passenger: 'Sophie Li', seat: '37A' } }, couple('Li Lei', 'Sophie Li')),
  c('one-passenger', 'zh', 'verifying with the second surname', [
    t('{ref} 姓刘，刘洋想坐窗边', { proposes: { tool: 'change_seat', passenger: '刘洋' } }),
    yes('zh'),
  ], { seat: { passenger: '刘洋', position: 'window' } }, couple('李雷', '刘洋')),
  c('one-passenger', 'en', 'the third passenger by name', [
    t('For booking {ref} (surname Li), move Tom Li to an aisle seat', { proposes: { tool: 'change_seat', passenger: 'Tom Li' } }),
    yes('en'),
  ], { seat: { passenger: 'Tom Li', position: 'aisle' } }, { passengers: [{ name: 'Li Lei' }, { name: 'Anna Li' }, { name: 'Tom Li' }], flight: 'CA1501', days: 3 }),
  c('one-passenger', 'zh-Hant', 'window seat for the second passenger', [
    t('訂位{ref}，姓李，幫陳靜換靠窗座位', { proposes: { tool: 'change_seat', passenger: '陈静' } }),
    yes('zh-Hant'),
  ], { seat: { passenger: '陈静', position: 'window' } }, couple('李雷', '陈静')),
  c('one-passenger', 'zh', 'a seat number for the wife', [
    t('{ref}，姓李，给我太太王芳换到33C', { proposes: { tool: 'change_seat', passenger: '王芳' } }),
    yes('zh'),
  ], { seat: { passenger: '王芳', seat: '33C' } }, couple('李雷', '王芳')),
  c('one-passenger', 'en', 'the second passenger by position', [
    t('on {ref}, surname Li, give the second passenger a window seat', { proposes: { tool: 'change_seat', passenger: 'Mark Green' } }),
    yes('en'),
  ], { seat: { passenger: 'Mark Green', position: 'window' } }, couple('Li Lei', 'Mark Green')),
  c('one-passenger', 'zh', 'the child by the window', [
    t('预订{ref}，姓李，让李小龙坐靠窗', { proposes: { tool: 'change_seat', passenger: '李小龙' } }),
    yes('zh'),
  ], { seat: { passenger: '李小龙', position: 'window' } }, couple('李雷', '李小龙')),
  c('one-passenger', 'en', 'a seat number for the colleague', [
    t('please change Wang Fang’s seat to 34A, booking {ref}, surname Li', { proposes: { tool: 'change_seat', passenger: 'Wang Fang' } }),
    yes('en'),
  ], { seat: { passenger: 'Wang Fang', seat: '34A' } }, couple('Li Lei', 'Wang Fang')),
];

const dateChanges: Conversation[] = [
  c('date-change', 'zh', 'the meeting moved to tomorrow', [
    t('会议提前了，帮我把{ref}改到明天，姓李', { proposes: { tool: 'change_flight', legs: [{ date: 1 }] } }),
    yes('zh'),
  ], { moved: { date: 1, sameFlight: true } }, lei),
  c('date-change', 'en', 'the day after tomorrow instead', [
    t('please change {ref} to the day after tomorrow, same flight, surname Li', { proposes: { tool: 'change_flight', legs: [{ date: 2 }] } }),
    yes('en'),
  ], { moved: { date: 2, sameFlight: true } }, leiEn),
  c('date-change', 'zh', 'a week later', [
    t('{ref} 姓李，推迟到下周四', { proposes: { tool: 'change_flight', legs: [{ date: { nextWeek: 4 } }] } }),
    yes('zh'),
  ], { moved: { date: { nextWeek: 4 }, sameFlight: true } }, lei),
  c('date-change', 'en', 'Saturday next week', [
    t('reschedule {ref} to Saturday next week, surname Li', { proposes: { tool: 'change_flight', legs: [{ date: { nextWeek: 6 } }] } }),
    yes('en'),
  ], { moved: { date: { nextWeek: 6 }, sameFlight: true } }, leiEn),
  c('date-change', 'zh', 'tomorrow evening instead', [
    t('把{ref}改成明天晚上的航班，姓李', { proposes: { tool: 'change_flight', legs: [{ date: 1, departAfter: '18:00' }] } }),
    yes('zh'),
  ], { moved: { date: 1, departAfter: '18:00' } }, lei),
  c('date-change', 'en', 'tomorrow afternoon', [
    t('move booking {ref} to tomorrow afternoon, surname Li', { proposes: { tool: 'change_flight', legs: [{ date: 1, departAfter: '12:00' }] } }),
    yes('en'),
  ], { moved: { date: 1, departAfter: '12:00' } }, leiEn),
  c('date-change', 'zh-Hant', 'next Monday, traditional script', [
    t('訂位 {ref}，姓李，改到下週一', { proposes: { tool: 'change_flight', legs: [{ date: { nextWeek: 1 } }] } }),
    yes('zh-Hant'),
  ], { moved: { date: { nextWeek: 1 }, sameFlight: true } }, lei),
  c('date-change', 'zh', 'a day later', [
    t('{ref}，姓李，晚一天走', { proposes: { tool: 'change_flight', legs: [{ date: 4 }] } }),
    yes('zh'),
  ], { moved: { date: 4, sameFlight: true } }, lei),
  c('date-change', 'en', 'two days later', [
    t('I want to leave two days later than booked, {ref}, surname Li', { proposes: { tool: 'change_flight', legs: [{ date: 5 }] } }),
    yes('en'),
  ], { moved: { date: 5, sameFlight: true } }, leiEn),
];

const roundTrips: Conversation[] = [
  c('round-trip', 'zh', 'a weekend in Shanghai', [
    t('下周五北京飞上海，下周日回来，乘客袁泉', {
      proposes: { tool: 'create_booking', passengers: [{ name: '袁泉' }], legs: [{ from: 'Beijing', to: 'Shanghai', date: { nextWeek: 5 } }, { from: 'Shanghai', to: 'Beijing', date: { nextWeek: 7 } }] },
    }),
    yes('zh'),
  ], booked([{ name: '袁泉' }], [{ from: 'Beijing', to: 'Shanghai', date: { nextWeek: 5 } }, { from: 'Shanghai', to: 'Beijing', date: { nextWeek: 7 } }])),
  c('round-trip', 'en', 'there and back in two days', [
    t('I need to go from Shanghai to Beijing tomorrow and come back in 3 days. Passenger Grace Kelly', {
      proposes: { tool: 'create_booking', passengers: [{ name: 'Grace Kelly' }], legs: [{ from: 'Shanghai', to: 'Beijing', date: 1 }, { from: 'Beijing', to: 'Shanghai', date: 3 }] },
    }),
    yes('en'),
  ], booked([{ name: 'Grace Kelly' }], [{ from: 'Shanghai', to: 'Beijing', date: 1 }, { from: 'Beijing', to: 'Shanghai', date: 3 }])),
  c('round-trip', 'zh', 'a return to Shenzhen', [
    t('订往返机票，北京到深圳，明天去，后天回，乘客曹操', {
      proposes: { tool: 'create_booking', passengers: [{ name: '曹操' }], legs: [{ from: 'Beijing', to: 'Shenzhen', date: 1 }, { from: 'Shenzhen', to: 'Beijing', date: 2 }] },
    }),
    yes('zh'),
  ], booked([{ name: '曹操' }], [{ from: 'Beijing', to: 'Shenzhen', date: 1 }, { from: 'Shenzhen', to: 'Beijing', date: 2 }])),
  c('round-trip', 'en', 'Guangzhou then Chengdu', [
    t('multi-city: Shanghai to Guangzhou tomorrow, then Guangzhou to Chengdu the day after tomorrow, for Ava Reed', {
      proposes: { tool: 'create_booking', passengers: [{ name: 'Ava Reed' }], legs: [{ from: 'Shanghai', to: 'Guangzhou', date: 1 }, { from: 'Guangzhou', to: 'Chengdu', date: 2 }] },
    }),
    yes('en'),
  ], booked([{ name: 'Ava Reed' }], [{ from: 'Shanghai', to: 'Guangzhou', date: 1 }, { from: 'Guangzhou', to: 'Chengdu', date: 2 }])),
  c('round-trip', 'zh-Hant', 'Shanghai and back, traditional script', [
    t('來回機票：北京到上海，明天去，大後天回來，乘客張惠妹', {
      proposes: { tool: 'create_booking', passengers: [{ name: '张惠妹' }], legs: [{ from: 'Beijing', to: 'Shanghai', date: 1 }, { from: 'Shanghai', to: 'Beijing', date: 3 }] },
    }),
    yes('zh-Hant'),
  ], booked([{ name: '张惠妹' }], [{ from: 'Beijing', to: 'Shanghai', date: 1 }, { from: 'Shanghai', to: 'Beijing', date: 3 }])),
  c('round-trip', 'zh', 'Guangzhou out, Shanghai back', [
    t('明天从上海去广州，下周二从广州回上海，乘客蒋欣', {
      proposes: { tool: 'create_booking', passengers: [{ name: '蒋欣' }], legs: [{ from: 'Shanghai', to: 'Guangzhou', date: 1 }, { from: 'Guangzhou', to: 'Shanghai', date: { nextWeek: 2 } }] },
    }),
    yes('zh'),
  ], booked([{ name: '蒋欣' }], [{ from: 'Shanghai', to: 'Guangzhou', date: 1 }, { from: 'Guangzhou', to: 'Shanghai', date: { nextWeek: 2 } }])),
  c('round-trip', 'en', 'Chengdu for the week', [
    t('round trip from Beijing to Chengdu, Monday next week to Thursday next week, passenger Leo King', {
      proposes: { tool: 'create_booking', passengers: [{ name: 'Leo King' }], legs: [{ from: 'Beijing', to: 'Chengdu', date: { nextWeek: 1 } }, { from: 'Chengdu', to: 'Beijing', date: { nextWeek: 4 } }] },
    }),
    yes('en'),
  ], booked([{ name: 'Leo King' }], [{ from: 'Beijing', to: 'Chengdu', date: { nextWeek: 1 } }, { from: 'Chengdu', to: 'Beijing', date: { nextWeek: 4 } }])),
  c('round-trip', 'zh', 'Beijing, Guangzhou, Shanghai', [
    t('明天北京飞广州，大后天广州飞上海，乘客韩寒', {
      proposes: { tool: 'create_booking', passengers: [{ name: '韩寒' }], legs: [{ from: 'Beijing', to: 'Guangzhou', date: 1 }, { from: 'Guangzhou', to: 'Shanghai', date: 3 }] },
    }),
    yes('zh'),
  ], booked([{ name: '韩寒' }], [{ from: 'Beijing', to: 'Guangzhou', date: 1 }, { from: 'Guangzhou', to: 'Shanghai', date: 3 }])),
  c('round-trip', 'en', 'there tomorrow, back next Friday', [
    t('Shenzhen to Shanghai tomorrow and return on Friday next week, passenger Ella Price', {
      proposes: { tool: 'create_booking', passengers: [{ name: 'Ella Price' }], legs: [{ from: 'Shenzhen', to: 'Shanghai', date: 1 }, { from: 'Shanghai', to: 'Shenzhen', date: { nextWeek: 5 } }] },
    }),
    yes('en'),
  ], booked([{ name: 'Ella Price' }], [{ from: 'Shenzhen', to: 'Shanghai', date: 1 }, { from: 'Shanghai', to: 'Shenzhen', date: { nextWeek: 5 } }])),
];

const policy: Conversation[] = [
  c('policy', 'zh', 'what is kept on a refund', [t('如果我退票，要扣多少钱？', { answers: { mentions: ['%'] }, noTools: true })]),
  c('policy', 'en', 'baggage limit', [t("what's the baggage allowance?", { answers: { mentions: ['kg'] }, noTools: true })]),
  c('policy', 'zh', 'free cancellation', [t('订完多久内可以免费取消？', { answers: { mentions: ['24'] }, noTools: true })]),
  c('policy', 'en', 'when check-in closes', [t('when does check-in close?', { answers: { mentions: ['minutes', 'hour'] }, noTools: true })]),
  c('policy', 'zh-Hant', 'change fees, traditional script', [t('改簽要收費嗎？', { answers: {}, noTools: true })]),
  c('policy', 'zh', 'carry-on bags', [t('手提行李有什么限制', { answers: { mentions: ['kg', '公斤'] }, noTools: true })]),
  c('policy', 'en', 'refund rules', [t("what's your refund policy?", { answers: { mentions: ['%'] }, noTools: true })]),
  c('policy', 'zh', 'check-in for a domestic flight', [t('国内航班要提前多长时间值机？', { answers: { mentions: ['分钟', '小时'] }, noTools: true })]),
  c('policy', 'en', 'cancel a day before', [t('If I cancel the day before the flight, do I get my money back?', { answers: { mentions: ['%'] }, noTools: true })]),
];

const outOfScope: Conversation[] = [
  c('out-of-scope', 'zh', 'renting a car in Sanya', [t('三亚能帮我租辆车吗', { answers: {}, noTools: true })], { unchanged: true }),
  c('out-of-scope', 'en', 'a hotel near the airport', [t('find me a hotel near Pudong airport for tonight', { answers: {}, noTools: true })], { unchanged: true }),
  c('out-of-scope', 'zh', 'a visa for the US', [t('美国签证怎么办理？', { answers: {}, noTools: true })], { unchanged: true }),
  c('out-of-scope', 'en', 'a train ticket', [t('can you get me a train ticket from Beijing to Tianjin?', { answers: {}, noTools: true })], { unchanged: true }),
  c('out-of-scope', 'zh-Hant', 'a car rental, traditional script', [t('我想租車，可以幫忙嗎？', { answers: {}, noTools: true })], { unchanged: true }),
  c('out-of-scope', 'zh', 'a hotel in Chengdu', [t('成都春熙路附近有什么好酒店？', { answers: {}, noTools: true })], { unchanged: true }),
  c('out-of-scope', 'en', 'travel insurance', [t('sell me travel insurance for my trip', { answers: {}, noTools: true })], { unchanged: true }),
  c('out-of-scope', 'zh', 'concert tickets', [t('帮我买两张周杰伦演唱会的门票', { answers: {}, noTools: true })], { unchanged: true }),
  c('out-of-scope', 'en', 'a Schengen visa', [t('how do I apply for a Schengen visa?', { answers: {}, noTools: true })], { unchanged: true }),
];

const mixed: Conversation[] = [
  c('mixed-language', 'zh', 'a Latin surname with 姓', [
    t('订后天上海飞北京的票，乘客姓 Miller，名字 Tom', { proposes: { tool: 'create_booking', passengers: [{ name: 'Tom Miller' }] }, language: 'zh' }),
    yes('zh'),
  ], booked([{ name: 'Tom Miller' }], [{ from: 'Shanghai', to: 'Beijing', date: 2 }])),
  c('mixed-language', 'zh', 'a bare Latin name as the answer', [
    t('帮我订明天北京到上海的机票', { offers: { from: 'Beijing', to: 'Shanghai', date: 1 } }),
    t('Smith', { language: 'zh' }),
  ]),
  c('mixed-language', 'en', 'English with a Chinese place', [
    t('flights to 成都 from Shanghai tomorrow', { offers: { from: 'Shanghai', to: 'Chengdu', date: 1 }, language: 'en' }),
  ]),
  c('mixed-language', 'zh', 'Chinese with English places', [
    t('明天从 Guangzhou 飞 Beijing 的航班', { offers: { from: 'Guangzhou', to: 'Beijing', date: 1 }, language: 'zh' }),
  ]),
  c('mixed-language', 'en', 'a Chinese name in an English request', [
    t('please book Shanghai to Shenzhen the day after tomorrow for 陈思思', { proposes: { tool: 'create_booking', passengers: [{ name: '陈思思' }] }, language: 'en' }),
    yes('en'),
  ], booked([{ name: '陈思思' }], [{ from: 'Shanghai', to: 'Shenzhen', date: 2 }])),
  c('mixed-language', 'zh-Hant', 'a Latin passenger, traditional script', [
    t('幫我訂明天北京到廣州的機票，乘客 Sarah Connor', { proposes: { tool: 'create_booking', passengers: [{ name: 'Sarah Connor' }] }, language: 'zh' }),
    yes('zh-Hant'),
  ], booked([{ name: 'Sarah Connor' }], [{ from: 'Beijing', to: 'Guangzhou', date: 1 }])),
  c('mixed-language', 'zh', 'Chinese conversation, English name later', [
    t('我要订明天上海到广州的机票', { offers: { from: 'Shanghai', to: 'Guangzhou', date: 1 } }),
    t('乘客 Peter Parker', { proposes: { tool: 'create_booking', passengers: [{ name: 'Peter Parker' }] }, language: 'zh' }),
    yes('zh'),
  ], booked([{ name: 'Peter Parker' }], [{ from: 'Shanghai', to: 'Guangzhou', date: 1 }])),
  c('mixed-language', 'en', 'English conversation with a pinyin answer', [
    t('book a flight from Beijing to Guangzhou tomorrow', { offers: { from: 'Beijing', to: 'Guangzhou', date: 1 } }),
    t('Liu Yang', { proposes: { tool: 'create_booking', passengers: [{ name: 'Liu Yang' }] }, language: 'en' }),
    yes('en'),
  ], booked([{ name: 'Liu Yang' }], [{ from: 'Beijing', to: 'Guangzhou', date: 1 }])),
  c('mixed-language', 'zh', 'a code-switching opener', [
    t('hi，明天Beijing到Shanghai有flight吗', { offers: { from: 'Beijing', to: 'Shanghai', date: 1 }, language: 'zh' }),
  ]),
];

const replies: Conversation[] = [
  c('replies', 'zh', 'a night flight from Urumqi', [t('明天乌鲁木齐飞北京', { offers: { from: 'Urumqi', to: 'Beijing', date: 1 }, marksNextDay: true, showsDuration: true })]),
  c('replies', 'en', 'the red-eye to Sanya', [t('Shanghai to Sanya tomorrow', { offers: { from: 'Shanghai', to: 'Sanya', date: 1 }, marksNextDay: true, showsDuration: true })]),
  c('replies', 'zh', 'duration of a Beijing–Shenzhen flight', [t('后天北京到深圳的航班', { offers: { from: 'Beijing', to: 'Shenzhen', date: 2 }, showsDuration: true })]),
  c('replies', 'en', 'a wrong surname', [t('cancel booking {ref}, surname Wrongname')], { unchanged: true }, leiEn),
  c('replies', 'zh', 'a made-up reference', [t('查询预订 QQQ777，姓王')], { unchanged: true }),
  c('replies', 'en', 'a flight that does not exist', [t('when does XX9999 depart tomorrow?')], { unchanged: true }),
  c('replies', 'zh-Hant', 'Urumqi overnight, traditional script', [t('明天烏魯木齊到北京的航班', { offers: { from: 'Urumqi', to: 'Beijing', date: 1 }, marksNextDay: true })]),
  c('replies', 'en', 'a seat that does not exist', [t('change my seat on {ref} to 99Z, surname Li')], { unchanged: true }, leiEn),
  c('replies', 'zh', 'how long to Guangzhou', [t('明天上海到广州', { offers: { from: 'Shanghai', to: 'Guangzhou', date: 1 }, showsDuration: true })]),
];

export const heldout: Conversation[] = [
  ...timeWindows, ...parties, ...shownOptions, ...traditional, ...places, ...onePassenger,
  ...dateChanges, ...roundTrips, ...policy, ...outOfScope, ...mixed, ...replies,
];
