/**
 * The fares and shapes of a booking the offline planner proposes: passengers with their types (a child pays
 * half, an infant a tenth) and, for a round trip or multi-city trip, one booking with a segment per flight.
 */
import { passengerFareCents } from '../../domain/fares';
import type { FlightOption, Language } from '../conversation';
import { cabinNames } from '../../domain/aircraft';

export type PassengerType = 'adult' | 'child' | 'infant';
export interface Passenger {
  name: string;
  type: PassengerType;
}

/** The names to book, each with the type the traveller's words gave (an adult when nothing did). */
export function passengersOf(names: string[], typed: Passenger[] | undefined): Passenger[] {
  return names.map((name) => ({ name, type: typed?.find((p) => p.name === name)?.type ?? 'adult' }));
}

/** What the party pays for these flights, CNY, computed per passenger as the booking service does. */
export function priceOf(chosen: FlightOption[], passengers: Passenger[]): number {
  const cents = chosen.reduce((sum, option) => sum + passengers.reduce((s, p) => s + passengerFareCents(Math.round(option.fare_per_passenger * 100), p.type), 0), 0);
  return cents / 100;
}

const typeNames: Record<PassengerType, Record<Language, string>> = {
  adult: { zh: '成人', en: 'adult' },
  child: { zh: '儿童', en: 'child' },
  infant: { zh: '婴儿', en: 'infant' },
};

/** 张三（成人）、张小宝（儿童） / Sarah Turner (adult), Leo Turner (child). */
export function partyText(passengers: Passenger[], language: Language): string {
  return passengers.map((p) => (language === 'zh' ? `${p.name}（${typeNames[p.type].zh}）` : `${p.name} (${typeNames[p.type].en})`)).join(language === 'zh' ? '、' : ', ');
}

/** The proposal of a booking of one or more flights. */
export function bookingSummary(chosen: FlightOption[], passengers: Passenger[], price: number, language: Language): string {
  const flights = chosen.map((o, i) => `${chosen.length > 1 ? `${i + 1}) ` : ''}${o.flight_number} ${o.date} ${o.departure_time} ${o.departure_airport}→${o.arrival_airport} ${cabinNames[o.cabin as keyof typeof cabinNames]?.[language] ?? o.cabin}`);
  return language === 'zh'
    ? `将为 ${partyText(passengers, 'zh')} 预订${chosen.length > 1 ? `${chosen.length} 段航班（同一订单）` : ''}：${flights.join('；')}，共 ¥${price}。`
    : `I will book ${chosen.length > 1 ? `${chosen.length} flights in one booking` : ''}${chosen.length > 1 ? ': ' : ''}${flights.join('; ')} for ${partyText(passengers, 'en')}, CNY ${price} in all.`;
}
