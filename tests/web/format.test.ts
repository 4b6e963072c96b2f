import { describe, expect, it } from 'vitest';
import { arrivalDayOffset, countdown, replyWithoutOptionList, requests, surnameOf } from '../../web/src/format';

describe('web app formatting', () => {
  it('marks an arrival on a later day', () => {
    expect(arrivalDayOffset({ departure_time: '08:00', arrival_time: '10:15', duration_minutes: 135 })).toBe(0);
    expect(arrivalDayOffset({ departure_time: '23:10', arrival_time: '01:30', duration_minutes: 140 })).toBe(1);
    expect(arrivalDayOffset({ departure_time: '22:00', arrival_time: '23:30', duration_minutes: 1530 })).toBe(1);
  });

  it('leaves the numbered list to the cards and counts down in minutes', () => {
    expect(replyWithoutOptionList('I found 2 flights:\n1. CA1501 …\n2. MU5104 …\nWhich one?')).toBe('I found 2 flights:\nWhich one?');
    expect(countdown(272_400)).toBe('4:33');
    expect(countdown(-5)).toBe('0:00');
  });

  it('asks the assistant in the language the surname is written in', () => {
    expect(surnameOf('张三')).toBe('张');
    expect(surnameOf('Chen Qi')).toBe('Chen');
    expect(requests.cancel('ABC123', '张')).toBe('取消预订 ABC123，姓张');
    expect(requests.changeSeat('ABC123', '32C', 'Chen')).toBe('change my seat on ABC123 to 32C, surname Chen');
  });
});
