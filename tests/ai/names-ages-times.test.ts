/**
 * General mechanisms behind the held-out misses, each tried on sentences of its own (not the corpus's):
 * an age next to any passenger name, a bare clock hour, next week + a weekday, a name said in halves,
 * and capitalised unknown words (names) that say nothing about the reply language.
 */
import { describe, expect, it } from 'vitest';
import { replyLanguage } from '../../lib/ai/offline/language';
import { understand } from '../../lib/ai/offline/understanding';

/** Tuesday 2026-11-24, 09:00 in Shanghai. */
const now = new Date('2026-11-24T09:00:00+08:00');
const read = (text: string) => understand(text, { now });

describe('an age next to a passenger name decides the type, however the name was found', () => {
  it.each([
    ['Guangzhou to Xiamen tomorrow for Peter Stone and Ella Stone aged 7', [['Peter Stone', 'adult'], ['Ella Stone', 'child']]],
    ['明天杭州到西安，乘客马丽，还有她10个月大的儿子马小虎', [['马丽', 'adult'], ['马小虎', 'infant']]],
    ['后天北京飞昆明，乘客陈刚、林芳，还有5岁的陈乐', [['陈刚', 'adult'], ['林芳', 'adult'], ['陈乐', 'child']]],
    ['Beijing to Wuhan on Friday for Nora Price and her 9-month-old Finn Price', [['Nora Price', 'adult'], ['Finn Price', 'infant']]],
  ])('%s', (text, expected) => {
    expect(read(text).passengers?.map((p) => [p.name, p.type])).toEqual(expected);
  });

  it('names found by a marker and by a relation are one list, not one replacing the other', () => {
    expect(read('乘客孙强和他的女儿孙悦悦，3岁，明天去上海').passengerNames).toEqual(['孙强', '孙悦悦']);
  });
});

describe('a clock hour without am/pm or a period word', () => {
  it.each([
    ['明天成都到北京，两点半以后', '14:30'],
    ['after 3:15 tomorrow, Shanghai to Xiamen', '15:15'],
    ['明天上午的，九点以后', '09:00'],
    ['明天晚上的，八点以后', '20:00'],
  ])('%s departs after %s', (text, from) => {
    expect(read(text).timeWindow?.from).toBe(from);
  });

  it('凌晨 keeps a small hour in the night', () => {
    expect(read('凌晨两点以后').timeWindow?.from).toBe('02:00');
  });
});

describe('next week before a weekday', () => {
  it.each([
    ['Shanghai to Dalian next week Tuesday', '2026-12-01'],
    ['下周的周三从深圳去杭州', '2026-12-02'],
    ['Shanghai to Dalian on Thursday', '2026-11-26'],
  ])('%s is %s', (text, date) => {
    expect(read(text).date).toBe(date);
  });
});

describe('a name said in halves: surname, then given name', () => {
  it.each([
    ['乘客姓 Garcia，名字 Luis', 'Luis Garcia', 'Garcia'],
    ['姓 Schmidt，名字叫 Hannah', 'Hannah Schmidt', 'Schmidt'],
    ['我姓刘，名叫晓东', '刘晓东', '刘'],
    ['last name Novak, given name Petra', 'Petra Novak', 'Novak'],
  ])('%s → %s', (text, name, surname) => {
    const u = read(text);
    expect(u.passengerNames).toEqual([name]);
    expect(u.surname).toBe(surname);
  });

  it('姓名 is not a surname marker followed by a given name', () => {
    expect(read('乘客姓名：郑爽').passengerNames).toEqual(['郑爽']);
  });
});

describe('reply language', () => {
  const inChinese = { language: 'zh' as const, turn: 3 };
  it.each(['Garcia', 'Hannah Schmidt'])('a bare capitalised name (%s) keeps a Chinese conversation Chinese', (text) => {
    expect(replyLanguage(text, read(text), inChinese)).toBe('zh');
  });

  it('English words still switch it', () => {
    expect(replyLanguage('Thanks, book it', read('Thanks, book it'), inChinese)).toBe('en');
  });
});
