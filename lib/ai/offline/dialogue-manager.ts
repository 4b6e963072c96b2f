/**
 * The offline planner's dialogue manager: merges what a message says into the task, asks for the
 * first missing detail, calls the agents' read tools and turns a write into a proposal. The
 * knowledge (which intent needs which detail, which question asks for it) is in ./dialogue-task.
 */
import { toolsFor } from '../../mcp/tools';
import type { ConversationState, FlightOption, Language, DialogueTask } from '../conversation';
import type { Plan, PlanContext, Planner, Step } from '../planner';
import { bookingList, bookingText, flightText, optionList, proposalText, quoteText, say } from '../phrase-book';
import { allAirports } from '../../domain/airports';
import { plainError } from '../plain-errors';
import { errorText, isRow, num, optionsOf, recordOf, rowsOf, str, type Row } from '../results';
import { findArguments, placeArgument, searchArguments, surnameOf } from './arguments';
import { namedFlight } from './named-flight';
import { freeSeat, sideNames } from './seat-map';
import type { Understanding } from './types';
import { understand } from './understanding';
import { bookingSummary, passengersOf, priceOf } from './itinerary';
import { replyLanguage } from './language';
import { rulesAnswer } from './rules-answer';
import { thisOne } from './travel-lexicon';
import { toSimplified } from './script';
import { mayNameSomeone, passengerPosition } from './one-passenger';
import { canned, familyOf, hasWords, missing, nextTask, questions } from './dialogue-task';
import { bookingOrders, pick, recommend, sameFlight } from './option-choice';

/** Options listed in a reply; a flight named by number may come from further down the results. */
const optionsShown = 5;

/** The flight leaving closest after (later) or before (earlier) the booked one, on the day searched. */
function nextInTime(options: FlightOption[], segment: Row, direction: 'earlier' | 'later'): FlightOption | undefined {
  const booked = str(segment.departure_time).slice(0, 5);
  const others = options.filter((o) => o.flight_number !== str(segment.flight_number) && (direction === 'later' ? o.departure_time > booked : o.departure_time < booked));
  const byTime = [...others].sort((a, b) => a.departure_time.localeCompare(b.departure_time));
  return direction === 'later' ? byTime[0] : byTime.at(-1);
}

const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** 苏州 is not served: say so, naming the nearest served cities in the traveller's language. */
function unservedAnswer(place: { name: string; near: string[] }, language: Language): string {
  const cityName = (city: string) => {
    const airport = allAirports.find((a) => a.city_en === city);
    return language === 'zh' ? airport?.city_zh ?? city : city;
  };
  const name = place.name.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  return say('unservedPlace', language, { place: name, near: place.near.map(cityName).join(language === 'zh' ? '、' : ', ') });
}

export const offlinePlanner: Planner = function* (state, text, context) {
  const u = understand(text, { now: context.now });
  const language = hasWords(text, u) ? replyLanguage(text, u, state) : state.language;
  const reply = (text: string, rest: Partial<Plan> = {}): Plan => ({
    language,
    reply: text,
    awaiting: 'input',
    planner: 'offline',
    options: state.options,
    task: state.task,
    ...rest,
  });

  // 就要这班 / the first one looks good, book it for …: with options shown and nothing to confirm, a pick.
  const picks = u.optionIndex !== undefined || u.clockTime !== undefined || u.passengerNames !== undefined || thisOne.some((phrase) => toSimplified(text).toLowerCase().includes(phrase));
  const picksShown = picks && u.intent === 'confirm' && !state.proposal && !state.expired && state.options.length > 0 && state.task && familyOf(state.task.intent) === 'trip';
  if (picksShown) u.intent = 'select';
  if (u.intent === 'rules') return reply(rulesAnswer(u.topic!, language), { awaiting: null });
  if (u.unserved && familyOf(u.intent) !== 'manage') return reply(unservedAnswer(u.unserved, language));
  // 确认订单 ABC234 with nothing proposed: confirm that held booking (it is proposed first, like every write).
  if (u.intent === 'confirm' && u.reference && !state.proposal) u.intent = 'confirm_booking';
  if (u.intent === 'confirm' || u.intent === 'decline') {
    if (u.intent === 'decline') return reply(say('declined', language), { awaiting: null, task: undefined });
    return reply(state.expired ? say('expired', language) : say('nothingToConfirm', language), { awaiting: null });
  }
  const cannedKey = canned[u.intent];
  if (cannedKey && !(u.intent === 'unknown' && state.task?.asked)) return reply(say(cannedKey, language), { awaiting: u.intent === 'off_topic' && state.task ? 'input' : null });
  if (u.intent === 'find_bookings' && !toolsFor(context.tools, state.role).some((tool) => tool.name === 'find_bookings')) {
    return reply(say('privacy', language), { task: { intent: 'booking_details', surname: u.surname ?? surnameOf(u.passengerNames?.[0]), asked: 'reference' } });
  }

  const task = nextTask(state.task, u, text);
  if (!task) return reply(say(u.intent === 'select' ? 'askWhichOption' : 'notUnderstood', language), { awaiting: null });
  const slot = missing(task);
  if (slot) return reply(say(questions[slot], language), { task: { ...task, asked: slot } });
  const turn = new Turn(state, task, u, language, context, text);
  return yield* turn.run();
};

/** One turn of a task whose details are complete: the agent calls and the answer. */
class Turn {
  constructor(
    private readonly state: ConversationState,
    private task: DialogueTask,
    private readonly u: Understanding,
    private readonly language: Language,
    private readonly context: PlanContext,
    private readonly text: string,
  ) {}

  *run(): Step<Plan> {
    switch (this.task.intent) {
      case 'search':
      case 'recommend':
        return yield* this.search();
      case 'book':
        return yield* this.book();
      case 'flight_status':
        return yield* this.flightStatus();
      case 'find_bookings':
        return yield* this.findBookings();
      case 'change_seat':
        return yield* this.changeSeat();
      case 'change_flight':
        return yield* this.changeFlight();
      case 'confirm_booking':
        return yield* this.confirmHeld();
      default:
        return yield* this.manage();
    }
  }

  private plan(reply: string, rest: Partial<Plan> = {}): Plan {
    return { language: this.language, reply, awaiting: 'input', options: this.state.options, task: this.task, planner: 'offline', ...rest };
  }

  private failed(result: unknown): Plan {
    return this.plan(say('failed', this.language, { why: plainError(result, this.language) }), { awaiting: null });
  }

  /** The options to show, and all the search found (the options shown last when the search is unchanged). */
  private *options(): Step<{ options: FlightOption[]; results: FlightOption[]; failure?: unknown }> {
    const args = searchArguments(this.task);
    const searchKey = JSON.stringify(args);
    if (searchKey === this.task.searchKey && this.state.options.length) return { options: this.state.options, results: this.state.options };
    const { isError, result } =
      this.task.intent === 'recommend'
        ? yield* this.context.call('airline', 'recommend_flights', {
            origin: args.origin, destination: args.destination, date: args.date, preference: this.task.preference ?? 'cheapest',
          })
        : yield* this.context.call('airline', 'search_flights', args);
    if (isError) return { options: [], results: [], failure: result };
    this.task = { ...this.task, searchKey, chosen: undefined };
    const arriveBy = this.task.arriveBefore;
    const results = optionsOf(result, this.task.partySize ?? 1).filter((o) => !arriveBy || (o.arrival_time >= o.departure_time && o.arrival_time <= arriveBy));
    return { options: results.slice(0, optionsShown), results };
  }

  private *search(): Step<Plan> {
    const { options, failure } = yield* this.options();
    if (failure) return this.failed(failure);
    if (!options.length) return this.plan(say('noFlights', this.language), { options });
    const best = recommend(options, this.task);
    this.task = { ...this.task, chosen: best };
    return this.plan([optionList(options, this.language), say('recommended', this.language, { index: best.index, flight: best.flight_number }), say('pickToBook', this.language)].join('\n'), { options });
  }

  private *book(): Step<Plan> {
    if (this.task.legs && this.task.legs.length > 1) return yield* this.bookLegs();
    if (!this.task.origin || !this.task.destination) {
      const routed = yield* this.routeOfFlight();
      if (routed) return routed;
    }
    const search = yield* this.options();
    if (search.failure) return this.failed(search.failure);
    const { flightNumber } = this.u;
    const named = flightNumber && this.u.optionIndex === undefined
      ? yield* namedFlight(flightNumber, search.options, search.results, this.task, this.context.call, this.language)
      : undefined;
    if (named && 'why' in named) {
      const list = search.options.length ? optionList(search.options, this.language) : say('noFlights', this.language);
      return this.plan(`${named.why}\n${list}`, { options: search.options });
    }
    const options = named?.options ?? search.options;
    if (!options.length) return this.plan(say('noFlights', this.language), { options });
    const selected = named?.chosen ?? pick(options, this.u);
    if (!selected && this.u.optionIndex !== undefined) {
      return this.plan(`${say('noSuchOption', this.language)}\n${optionList(options, this.language)}`, { options });
    }
    const previous = this.task.chosen && options.find((option) => option.flight_number === this.task.chosen!.flight_number);
    const chosen = selected ?? previous ?? recommend(options, this.task);
    this.task = { ...this.task, chosen };
    const shown = `${optionList(options, this.language)}\n${say('recommended', this.language, { index: chosen.index, flight: chosen.flight_number })}`;
    const names = this.task.passengerNames ?? [];
    if (this.task.honorificOnly && this.task.surname && !names.length) {
      this.task.asked = 'givenName';
      return this.plan(`${shown}\n${say('askGivenName', this.language)}`, { options });
    }
    if (!names.length || names.length < (this.task.partySize ?? 1)) {
      this.task.asked = 'passengerNames';
      return this.plan(`${shown}\n${say('askPassengerName', this.language)}`, { options });
    }
    const passengers = passengersOf(names, this.task.passengers);
    const price = priceOf([chosen], passengers);
    const args = {
      passengers,
      segments: chosen.segments.map((segment) => ({
        flight_number: segment.flight_number,
        date: segment.date,
        cabin: chosen.cabin,
        ...(this.task.seat && chosen.segments.length === 1 ? { seats: [this.task.seat] } : {}),
        ...(this.task.seatPreference ? { seat_preference: this.task.seatPreference } : {}),
      })),
      hold: this.task.hold === true,
    };
    const summary = bookingSummary([chosen], passengers, price, this.language);
    return this.propose('booking', 'create_booking', args, summary, {
      price, options, lead: shown, confirm: say(this.task.hold ? 'confirmHold' : 'confirmBooking', this.language), seats: this.task.seat ? [this.task.seat] : undefined,
    });
  }

  /** A round trip or multi-city trip: every leg searched, the best of each proposed together as one booking. */
  private *bookLegs(): Step<Plan> {
    const legs = this.task.legs!;
    const chosen: FlightOption[] = [];
    const lists: string[] = [];
    for (const [i, leg] of legs.entries()) {
      const args = searchArguments({ ...this.task, origin: leg.origin, destination: leg.destination, date: leg.date, timeWindow: undefined });
      const { isError, result } = yield* this.context.call('airline', 'search_flights', args);
      if (isError) return this.failed(result);
      const options = optionsOf(result, this.task.partySize ?? 1).slice(0, optionsShown);
      const heading = say('leg', this.language, { n: i + 1 });
      if (!options.length) return this.plan(`${heading}: ${say('noFlights', this.language)}`, { options: [] });
      const best = recommend(options, this.task);
      chosen.push(best);
      lists.push(`${heading} — ${optionList(options, this.language)}\n${say('recommended', this.language, { index: best.index, flight: best.flight_number })}`);
    }
    const shown = lists.join('\n');
    const names = this.task.passengerNames ?? [];
    if (!names.length || names.length < (this.task.partySize ?? 1)) {
      this.task = { ...this.task, asked: 'passengerNames' };
      return this.plan(`${shown}\n${say('askPassengerName', this.language)}`, { options: chosen });
    }
    const passengers = passengersOf(names, this.task.passengers);
    const price = priceOf(chosen, passengers);
    const args = {
      passengers,
      segments: chosen.flatMap((option) => option.segments.map((segment) => ({ ...segment, cabin: option.cabin }))),
      hold: this.task.hold === true,
    };
    return this.propose('booking', 'create_booking', args, bookingSummary(chosen, passengers, price, this.language), {
      price, options: chosen, lead: shown, confirm: say(this.task.hold ? 'confirmHold' : 'confirmBooking', this.language),
    });
  }

  private propose(
    agent: 'booking',
    tool: 'create_booking' | 'cancel_booking' | 'change_seat' | 'change_flight' | 'confirm_booking',
    args: Record<string, unknown>,
    summary: string,
    extra: { price?: number; refund?: number; seats?: string[]; options?: FlightOption[]; confirm: string; lead?: string },
  ): Plan {
    const proposal = {
      id: this.context.newId(), agent, tool, arguments: args, summary, expiresAt: this.context.expiresAt,
      ...(extra.price !== undefined && { price: extra.price }),
      ...(extra.refund !== undefined && { refund: extra.refund }),
      ...(extra.seats && { seats: extra.seats }),
    };
    const reply = [extra.lead, summary, extra.confirm].filter(Boolean).join('\n');
    return this.plan(reply, { awaiting: 'confirmation', proposal, options: extra.options ?? this.state.options, task: { ...this.task, asked: undefined } });
  }

  private identity() {
    return { reference: this.task.reference!, last_name: this.task.surname ?? surnameOf(this.task.passengerNames?.[0])! };
  }

  /** No booking has that reference and surname: ask for the surname again. */
  private notFound(result: unknown): Plan {
    const why = errorText(result).startsWith('Not found') ? say('notFound', this.language) : plainError(result, this.language);
    return this.plan(why, { task: { ...this.task, surname: undefined, passengerNames: undefined, asked: 'surname' } });
  }

  /** The booking being managed and its first flight, or the answer when there is none. */
  private *booking(): Step<{ booking: Row; segment: Row } | { answer: Plan }> {
    const { isError, result } = yield* this.context.call('booking', 'get_booking', this.identity());
    if (isError) return { answer: this.notFound(result) };
    const booking = recordOf(result, 'booking') ?? {};
    const segment = Array.isArray(booking.segments) && isRow(booking.segments[0]) ? booking.segments[0] : {};
    return { booking, segment };
  }

  private *manage(): Step<Plan> {
    const identity = this.identity();
    const tool = this.task.intent === 'booking_details' ? 'get_booking' : 'quote_cancellation';
    const { isError, result } = yield* this.context.call('booking', tool, identity);
    if (isError) return this.notFound(result);
    if (this.task.intent === 'booking_details') return this.plan(bookingText(recordOf(result, 'booking') ?? {}, this.language), { awaiting: null });
    const quote = recordOf(result, 'quote') ?? {};
    if (this.task.intent === 'refund_quote') return this.plan(quoteText(quote, this.language), { awaiting: null });
    const refund = num(quote.refund);
    const args = { ...identity, reason: this.task.reason ?? (this.language === 'zh' ? '旅客申请取消' : 'cancelled by the traveller') };
    return this.propose('booking', 'cancel_booking', args, proposalText.cancel_booking[this.language](identity.reference, refund), {
      refund, confirm: say('confirmCancel', this.language), lead: quoteText(quote, this.language),
    });
  }

  /** A held booking, confirmed on the traveller's yes; one already confirmed (or cancelled) is shown as it is. */
  private *confirmHeld(): Step<Plan> {
    const current = yield* this.booking();
    if ('answer' in current) return current.answer;
    const { booking } = current;
    if (str(booking.status) !== 'pending') return this.plan(bookingText(booking, this.language), { awaiting: null });
    const identity = this.identity();
    return this.propose('booking', 'confirm_booking', identity, proposalText.confirm_booking[this.language](identity.reference, num(booking.total_price)), {
      price: num(booking.total_price), confirm: proposalText.confirmChange[this.language], lead: bookingText(booking, this.language),
    });
  }

  private *changeSeat(): Step<Plan> {
    const identity = this.identity();
    const needsBooking = this.task.seat === undefined || mayNameSomeone(this.text, this.u);
    const current = needsBooking ? yield* this.booking() : undefined;
    if (current && 'answer' in current) return current.answer;
    const passenger = current ? passengerPosition(current.booking, this.text, this.u) : undefined;
    const seat = this.task.seat ?? (yield* this.freeSeat(current!.segment));
    if (typeof seat !== 'string') return seat;
    return this.propose('booking', 'change_seat', { ...identity, seat, ...(passenger && { passenger }) }, proposalText.change_seat[this.language](identity.reference, seat), {
      seats: [seat], confirm: proposalText.confirmChange[this.language],
    });
  }

  /** 换个靠窗的座位: the frontmost free seat on that side in the booking's cabin, from the seat map. */
  private *freeSeat(segment: Row): Step<string | Plan> {
    const side = this.task.seatPreference!;
    const map = yield* this.context.call('airline', 'get_seat_map', { flight_number: str(segment.flight_number), date: str(segment.date), cabin: str(segment.cabin || 'economy') });
    if (map.isError) return this.failed(map.result);
    return freeSeat(map.result, side) ?? this.plan(say('noSeatFree', this.language, { side: sideNames[side][this.language] }), { awaiting: null });
  }

  private *changeFlight(): Step<Plan> {
    const identity = this.identity();
    const current = yield* this.booking();
    if ('answer' in current) return current.answer;
    const { booking, segment } = current;
    const date = this.task.dayShift ? shiftDate(str(segment.date), this.task.dayShift) : this.task.date ?? str(segment.date);
    this.task = {
      ...this.task,
      date,
      origin: [placeArgument([str(segment.departure_airport)])],
      destination: [placeArgument([str(segment.arrival_airport)])],
      cabin: this.task.cabin ?? (segment.cabin as DialogueTask['cabin']),
      partySize: Array.isArray(booking.passengers) ? booking.passengers.length : 1,
    };
    const { options, failure } = yield* this.options();
    if (failure) return this.failed(failure);
    const named = this.task.flightNumber ? options.find((o) => o.flight_number === this.task.flightNumber) : undefined;
    const chosen = pick(options, this.u) ?? named ?? (this.task.retime ? nextInTime(options, segment, this.task.retime) : sameFlight(options, segment));
    const none = this.task.retime === 'earlier' ? 'noEarlierFlight' : this.task.retime === 'later' ? 'noLaterFlight' : 'noFlights';
    if (!chosen) return this.plan(say(none, this.language), { options });
    const args = { ...identity, new_flight_number: chosen.flight_number, new_date: chosen.date };
    const quote = yield* this.context.call('booking', 'change_flight', { ...args, dry_run: true });
    if (quote.isError) return this.failed(quote.result);
    const preview = recordOf(quote.result, 'quote') ?? {};
    const difference = num(preview.fare_difference ?? preview.price_difference ?? preview.difference ?? 0);
    this.task = { ...this.task, chosen };
    return this.propose('booking', 'change_flight', args, proposalText.change_flight[this.language](identity.reference, chosen, difference), {
      price: difference, options, confirm: proposalText.confirmChange[this.language], lead: optionList(options, this.language),
    });
  }

  /** Staff only (the policy never gets here for a traveller): bookings by passenger name and period, in order. */
  private *findBookings(): Step<Plan> {
    const args = findArguments(this.task);
    const { isError, result } = yield* this.context.call('booking', 'find_bookings', args);
    if (isError) return this.failed(result);
    const bookings = rowsOf(result).sort(bookingOrders[this.task.sortBy ?? 'date']);
    const total = isRow(result) && typeof result.total === 'number' ? result.total : bookings.length;
    return this.plan(bookingList(bookings, total, args, this.language), { awaiting: null, task: undefined });
  }

  /** The route of the flight the traveller named, as the search's origin and destination; the answer when there is no such flight. */
  private *routeOfFlight(): Step<Plan | undefined> {
    const { isError, result } = yield* this.context.call('airline', 'get_flight', { flight_number: this.task.flightNumber! });
    if (isError) return this.failed(result);
    const flight = recordOf(result, 'flight') ?? {};
    this.task = { ...this.task, origin: [str(flight.departure_airport)], destination: [str(flight.arrival_airport)] };
    return undefined;
  }

  private *flightStatus(): Step<Plan> {
    const { isError, result } = yield* this.context.call('airline', 'get_flight', {
      flight_number: this.task.flightNumber!, ...(this.task.date && { date: this.task.date }),
    });
    if (isError) return this.failed(result);
    return this.plan(flightText(recordOf(result, 'flight') ?? {}, this.language), { awaiting: null, task: undefined });
  }
}

