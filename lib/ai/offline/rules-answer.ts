/** Answers to questions about the rules, asked without a booking: from the policy modules, never invented. */
import { feeBands, freeCancellationHours } from '../../domain/refund-policy';
import { arriveBeforeMinutes, cabinBagCm, cabinBagKg, changeFeeCents, checkedBaggageKg, checkInClosesMinutes } from '../../domain/travel-rules';
import type { Language } from './types';

type Topic = 'cancellation' | 'change' | 'baggage' | 'check_in';

function cancellation(language: Language): string {
  const bands = feeBands.map((band) =>
    language === 'zh'
      ? `${band.label.zh}：经济舱 ${band.feePercent.economy}%，商务舱 ${band.feePercent.business}%，头等舱 ${band.feePercent.first}%`
      : `${band.label.en}: economy ${band.feePercent.economy}%, business ${band.feePercent.business}%, first ${band.feePercent.first}%`,
  );
  return language === 'zh'
    ? [`预订后 ${freeCancellationHours} 小时内（起飞前）免费取消。之后按离起飞的时间和舱位收取手续费：`, ...bands, '起飞后不予退款。给我预订编号和姓氏，我可以算出您的预订能退多少。'].join('\n')
    : [`Cancelling is free within ${freeCancellationHours} hours of booking (before departure). After that a fee is kept, by time left and cabin:`, ...bands, 'After departure nothing is refunded. Give me your booking reference and surname and I can quote your refund.'].join('\n');
}

function change(language: Language): string {
  const fee = changeFeeCents / 100;
  return language === 'zh'
    ? `改签（同一航线换航班或日期）手续费 ¥${fee}，只需补交或退还票价差额。告诉我预订编号和姓氏即可帮您改。`
    : `Changing to another flight or date on the same route costs a CNY ${fee} fee; you only pay (or get back) the fare difference. Give me your booking reference and surname to change it.`;
}

function baggage(language: Language): string {
  const { economy, business, first } = checkedBaggageKg;
  return language === 'zh'
    ? `免费托运行李：经济舱 ${economy} 公斤，商务舱 ${business} 公斤，头等舱 ${first} 公斤；手提行李 1 件，不超过 ${cabinBagKg} 公斤、${cabinBagCm} 厘米。`
    : `Free checked baggage: economy ${economy} kg, business ${business} kg, first ${first} kg; one cabin bag up to ${cabinBagKg} kg and ${cabinBagCm} cm.`;
}

function checkIn(language: Language): string {
  return language === 'zh'
    ? `国内航班起飞前 ${checkInClosesMinutes.domestic} 分钟停止值机，建议提前 ${arriveBeforeMinutes.domestic / 60} 小时到机场；国际航班起飞前 ${checkInClosesMinutes.international} 分钟停止值机，建议提前 ${arriveBeforeMinutes.international / 60} 小时到达。`
    : `Check-in closes ${checkInClosesMinutes.domestic} minutes before domestic flights (be at the airport ${arriveBeforeMinutes.domestic / 60} hours before) and ${checkInClosesMinutes.international} minutes before international ones (${arriveBeforeMinutes.international / 60} hours).`;
}

const answers: Record<Topic, (language: Language) => string> = { cancellation, change, baggage, check_in: checkIn };

export function rulesAnswer(topic: Topic, language: Language): string {
  return answers[topic](language);
}
