import type { Cabin } from '../../domain/aircraft';

export type Language = 'zh' | 'en';

export type Intent =
  | 'search'
  | 'recommend'
  | 'book'
  | 'select' // picks one of the options shown last: 第二个, the cheaper one
  | 'find_bookings'
  | 'booking_details'
  | 'change_seat'
  | 'change_flight'
  | 'cancel'
  | 'refund_quote'
  | 'confirm_booking' // confirms a held booking: 确认订单 ABC234
  | 'flight_status'
  | 'help'
  | 'greeting'
  | 'confirm'
  | 'decline'
  | 'inform' // only supplies details (两个人，商务舱 / 明天 / 张三), e.g. answering a question
  | 'off_topic'
  | 'rules' // a question about the rules (fees, baggage, check-in), asked without a booking
  | 'unknown';

export type TimeWindowLabel = 'early_morning' | 'morning' | 'noon' | 'afternoon' | 'evening' | 'night';

export interface TimeWindow {
  label: TimeWindowLabel;
  from: string; // 'HH:MM'
  to: string; // 'HH:MM'
}

export type Preference = 'cheapest' | 'fastest' | 'earliest' | 'latest' | 'direct_only';
export type OptionHint = 'cheapest' | 'fastest' | 'earliest' | 'latest';
export type SeatPreference = 'window' | 'aisle';
export type BookingOrder = 'date';

/** A week or a month relative to the current one: 上个月 is { unit: 'month', offset: -1 }. */
export interface DatePeriod {
  unit: 'week' | 'month';
  offset: -1 | 0 | 1;
}

/** Days from–to, both included, 'YYYY-MM-DD'. */
export interface DateRange {
  from: string;
  to: string;
}

export interface Understanding {
  language: Language;
  intent: Intent;
  /** IATA codes of the airports the traveller may mean, e.g. 北京 → ['PEK', 'PKX']. */
  origin?: string[];
  destination?: string[];
  /** 'YYYY-MM-DD' in the context's time zone. */
  date?: string;
  /** A period named as a whole (上个月, next week) when the message names no single day. */
  dateRange?: DateRange;
  /** How to order a list of bookings (按日期排序). */
  sortBy?: BookingOrder;
  timeWindow?: TimeWindow;
  cabin?: Cabin;
  partySize?: number;
  preference?: Preference;
  /** Full names as written: 张三, 'Zhang San'. */
  passengerNames?: string[];
  /** 'Li' from "surname Li", 姓李, 李先生, Mr Li, or a lone Latin name after "for". */
  surname?: string;
  /** A surname given with an honorific only (李先生, Mr Li): the given name is still unknown. */
  honorificOnly?: boolean;
  /** Booking reference (PNR), upper-cased. */
  reference?: string;
  /** 'MU5101'. */
  flightNumber?: string;
  /** '12A'. */
  seat?: string;
  seatPreference?: SeatPreference;
  /** 1-based position in the options shown last. */
  optionIndex?: number;
  optionHint?: OptionHint;
  maxStops?: 0 | 1;
  /** Everyone travelling with their passenger type, when the message lists them (ages decide the type). */
  passengers?: { name: string; type: 'adult' | 'child' | 'infant' }[];
  /** Latest arrival, 'HH:MM' (中午前到, arrive by noon). */
  arriveBefore?: string;
  /** A departure time named alone (the 12:00 one): picks among the options shown. */
  clockTime?: string;
  /** Every flight of a round trip or multi-city trip, in order (two or more). */
  legs?: { origin: string[]; destination: string[]; date: string }[];
  /** Days to move a booking by (晚一天 +1, a day earlier -1). */
  dayShift?: number;
  /** A place the network does not serve (苏州, Munich), with the nearest served cities (English names). */
  unserved?: { name: string; near: string[] };
  /** What a rules question is about. */
  topic?: 'cancellation' | 'change' | 'baggage' | 'check_in';
  /** Another flight the same day as the booked one, earlier or later (改到当天晚一点的航班). */
  retime?: 'earlier' | 'later';
  /** Book as a hold, to be confirmed later (先占座, hold a seat). */
  hold?: true;
  /** Cancellation reason, when one is given. */
  reason?: string;
}

export interface UnderstandContext {
  now: Date;
  /** IANA time zone for dates; Asia/Shanghai by default. */
  timeZone?: string;
}
