/**
 * Plays one travellers' corpus conversation against a real host and judges it by outcome: every
 * expectation is one check that passes or fails, so a half can be scored per class.
 */
import * as OpenCC from 'opencc-js';
import { airportByCode } from '../../../lib/domain/airports';
import type { FlightOption } from '../../../lib/ai/conversation';
import { daysFromToday, type TestHost } from '../../support/host';
import { send, type Reply } from '../talk';
import type { After, Conversation, DateSpec, Expect, Leg, Person } from './kinds';

export interface Check {
  name: string;
  passed: boolean;
  why?: string;
}

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

export function dateOf(spec: DateSpec): string {
  if (typeof spec === 'number') return daysFromToday(spec);
  const today = new Date(`${daysFromToday(0)}T00:00:00Z`);
  const isoWeekday = today.getUTCDay() || 7;
  return daysFromToday(7 - isoWeekday + spec.nextWeek);
}

const cityOf = (code: string) => airportByCode(code)?.city_en ?? code;
const isPlace = (code: string, place: string) => code === place || cityOf(code) === place;

/** Why a flight (option, proposed segment or booked segment) does not fit the leg; undefined when it does. */
function misfit(flight: { from: string; to: string; date: string; departs: string; arrives: string; arrivesNextDay: boolean }, leg: Leg): string | undefined {
  if (leg.from && !isPlace(flight.from, leg.from)) return `departs from ${flight.from}, not ${leg.from}`;
  if (leg.to && !isPlace(flight.to, leg.to)) return `arrives at ${flight.to}, not ${leg.to}`;
  if (leg.date !== undefined && flight.date !== dateOf(leg.date)) return `on ${flight.date}, not ${dateOf(leg.date)}`;
  if (leg.departAfter && flight.departs < leg.departAfter) return `departs ${flight.departs}, before ${leg.departAfter}`;
  if (leg.departBefore && flight.departs > leg.departBefore) return `departs ${flight.departs}, after ${leg.departBefore}`;
  if (leg.arriveBefore && (flight.arrivesNextDay || flight.arrives > leg.arriveBefore)) return `arrives ${flight.arrives}, after ${leg.arriveBefore}`;
  return undefined;
}

const optionFlight = (o: FlightOption) => ({
  from: o.departure_airport, to: o.arrival_airport, date: o.date, departs: o.departure_time, arrives: o.arrival_time, arrivesNextDay: o.arrival_time < o.departure_time,
});

interface Segment { flight_id: number; cabin: string; flight_number: string; departure_airport: string; arrival_airport: string; date: string; departure_time: string; arrival_date: string; arrival_time: string; seats: { name: string; seat: string }[] }
const segmentFlight = (s: Segment) => ({
  from: s.departure_airport, to: s.arrival_airport, date: s.date, departs: s.departure_time.slice(0, 5), arrives: s.arrival_time.slice(0, 5), arrivesNextDay: s.arrival_date > s.date,
});

const simplified = (name: string) => toSimplified(name).toLowerCase();
/** Every Latin word of the expected name appears; a Chinese name is equal once both are in simplified script. */
export function sameName(actual: string, expected: string): boolean {
  const a = simplified(actual);
  const e = simplified(expected);
  if (/\p{Script=Han}/u.test(e)) return a.replace(/\s/g, '') === e.replace(/\s/g, '');
  const words = a.split(/[\s/,.-]+/);
  return e.split(/\s+/).every((word) => words.includes(word));
}

function samePeople(actual: { name: string; type?: string }[], expected: Person[]): string | undefined {
  if (actual.length !== expected.length) return `${actual.length} passengers (${actual.map((p) => p.name).join(', ')}), expected ${expected.length}`;
  for (const person of expected) {
    const match = actual.find((p) => sameName(p.name, person.name));
    if (!match) return `no passenger ${person.name} among ${actual.map((p) => p.name).join(', ')}`;
    if (person.type && (match.type ?? 'adult') !== person.type) return `${person.name} is ${match.type ?? 'adult'}, expected ${person.type}`;
  }
  return undefined;
}

/** Internal error text a traveller must never see. */
const internal = /\b(?:Error|TypeError|ZodError|SQLITE\w*|undefined|NaN|stack|ECONNREFUSED)\b|\{"|at \w+ \(|\bnull\b/;

function hoursMinutes(minutes: number): RegExp {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return new RegExp(`${h}\\s*(?:h|小时|小時|hr)\\s*${m ? `${m}\\s*(?:m|分)` : ''}`);
}

type Record = (name: string, failure: string | undefined | false) => void;

function judgeTurn(reply: Reply, previous: FlightOption[], expect: Expect, language: 'zh' | 'en', check: Record): void {
  check('reaches the traveller', reply.status !== 200 && `HTTP ${reply.status}`);
  check('no internal error text', internal.test(reply.reply) && `reply: ${reply.reply.slice(0, 200)}`);
  check('language', reply.language !== (expect.language ?? language) && `replied in ${reply.language}`);
  const tools = reply.actions.map((a) => a.tool);
  if (expect.asks) check('asks for more', (reply.awaiting !== 'input' || reply.proposal) && `awaiting ${reply.awaiting}: ${reply.reply.slice(0, 120)}`);
  if (expect.noTools) check('no tools', tools.length > 0 && `called ${tools.join(', ')}`);
  if (expect.answers) {
    check('answers', reply.awaiting !== null && `awaiting ${reply.awaiting}: ${reply.reply.slice(0, 120)}`);
    if (expect.answers.mentions) check('answer content', !expect.answers.mentions.some((m) => reply.reply.includes(m)) && `none of ${expect.answers.mentions.join('/')} in: ${reply.reply.slice(0, 160)}`);
  }
  const options = reply.options ?? [];
  if (expect.offers) {
    const leg = expect.offers;
    check('offers options', !options.length && `no options: ${reply.reply.slice(0, 160)}`);
    const bad = options.map((o) => [o.flight_number, misfit(optionFlight(o), leg)] as const).find(([, why]) => why);
    check('options satisfy the request', bad !== undefined && `${bad![0]} ${bad![1]}`);
  }
  if (expect.marksNextDay) check('next-day arrival marked', !/\+1/.test(reply.reply) && 'no +1 in the reply');
  if (expect.showsDuration) {
    const first = options[0];
    check('duration shown', (!first || !hoursMinutes(first.duration_minutes).test(reply.reply)) && `no ${first?.duration_minutes} min duration in the reply`);
  }
  if (expect.suggests) {
    const names = expect.suggests.flatMap((city) => [city, ...cityNames(city)]);
    check('names served cities nearby', !names.some((n) => reply.reply.includes(n)) && `none of ${expect.suggests.join('/')}: ${reply.reply.slice(0, 160)}`);
    check('no booking proposed', reply.proposal !== undefined && 'a proposal was made');
  }
  if (expect.proposes) judgeProposal(reply, previous, expect.proposes, check);
}

function cityNames(city: string): string[] {
  const codes = ['PEK', 'SHA', 'NKG', 'WUX', 'CAN', 'FRA', 'ICN', 'CTU', 'SZX'];
  const airport = codes.map((c) => airportByCode(c)).find((a) => a?.city_en === city);
  return airport ? [airport.city_zh] : [];
}

function judgeProposal(reply: Reply, previous: FlightOption[], rule: NonNullable<Expect['proposes']>, check: Record): void {
  const proposal = reply.proposal;
  check(`proposes ${rule.tool}`, (reply.awaiting !== 'confirmation' || proposal?.tool !== rule.tool) && `awaiting ${reply.awaiting}, ${proposal?.tool ?? 'no proposal'}: ${reply.reply.slice(0, 160)}`);
  if (!proposal || proposal.tool !== rule.tool) {
    if (rule.passengers) check('proposed passengers', 'no proposal');
    if (rule.legs) check('proposed flights', 'no proposal');
    if (rule.passenger) check('proposed passenger', 'no proposal');
    return;
  }
  const args = proposal.arguments as { passengers?: { name: string; type?: string }[]; segments?: { flight_number: string; date: string }[]; new_flight_number?: string; new_date?: string; passenger?: number };
  if (rule.passengers) check('proposed passengers', samePeople(args.passengers ?? [], rule.passengers));
  if (rule.legs) {
    const segments = args.segments ?? (args.new_flight_number ? [{ flight_number: args.new_flight_number, date: args.new_date! }] : []);
    const shown = [...previous, ...(reply.options ?? [])];
    const flightOf = (s: { flight_number: string; date: string }) => shown.find((o) => o.flight_number === s.flight_number && o.date === s.date);
    let why: string | undefined = segments.length !== rule.legs.length ? `${segments.length} segments, expected ${rule.legs.length}` : undefined;
    rule.legs.forEach((leg, i) => {
      const segment = segments[i];
      if (why || !segment) return;
      if (leg.option !== undefined) {
        const wanted = previous[leg.option - 1];
        if (segment.flight_number !== wanted?.flight_number) why = `segment ${i + 1} is ${segment.flight_number}, option ${leg.option} was ${wanted?.flight_number}`;
        return;
      }
      if (leg.flight) {
        const wanted = previous.find((o) => o.departure_time === leg.flight);
        if (!wanted || segment.flight_number !== wanted.flight_number) why = `segment ${i + 1} is ${segment.flight_number}, the ${leg.flight} flight was ${wanted?.flight_number}`;
        return;
      }
      const option = flightOf(segment);
      if (!option) {
        if (leg.date !== undefined && segment.date !== dateOf(leg.date)) why = `segment ${i + 1} on ${segment.date}, not ${dateOf(leg.date)}`;
        return;
      }
      const bad = misfit(optionFlight(option), leg);
      if (bad) why = `segment ${i + 1} ${segment.flight_number} ${bad}`;
    });
    check('proposed flights', why);
  }
  if (rule.passenger) check('proposed passenger', rule.passenger && args.passenger === undefined ? 'no passenger position in the proposal' : undefined);
}

export async function play(host: TestHost, conversation: Conversation): Promise<Check[]> {
  const checks: Check[] = [];
  const check: Record = (name, failure) => checks.push({ name, passed: !failure, ...(failure && { why: failure }) });
  const language = conversation.script === 'en' ? 'en' : 'zh';
  const existing = conversation.existing ? await createExisting(host, conversation.existing) : undefined;
  const before = await bookingCount(host);
  const created = await host.fetch('/assistant/conversations', { method: 'POST' });
  const id = ((await created.json()) as { id: string }).id;
  let previous: FlightOption[] = [];
  const replies: Reply[] = [];
  for (const turn of conversation.turns) {
    const reply = await send(host, id, turn.say!.replace('{ref}', existing?.reference ?? ''));
    replies.push(reply);
    judgeTurn(reply, previous, turn.expect, language, (name, failure) => check(`${turn.say!.slice(0, 24)}: ${name}`, failure));
    if (reply.options?.length) previous = reply.options;
  }
  if (conversation.after) await judgeAfter(host, conversation.after, replies, before, existing, check);
  return checks;
}

async function bookingCount(host: TestHost): Promise<number> {
  return Number((await host.fetch('/bookings?limit=1', { staff: true })).headers.get('x-total-count'));
}

async function createExisting(host: TestHost, existing: NonNullable<Conversation['existing']>) {
  const response = await host.fetch('/bookings', {
    method: 'POST',
    json: { passengers: existing.passengers.map((p) => ({ name: p.name, type: p.type ?? 'adult' })), segments: [{ flight_number: existing.flight, date: daysFromToday(existing.days) }] },
  });
  if (response.status !== 201) throw new Error(`create booking: ${response.status} ${await response.text()}`);
  const booking = (await response.json()) as { id: number; reference: string; segments: Segment[] };
  return booking;
}

async function bookingById(host: TestHost, id: number) {
  return (await (await host.fetch(`/bookings/${id}`, { staff: true })).json()) as { status: string; flight_number: string; total_price: number; passengers: { name: string; type: string }[]; segments: Segment[] };
}

async function judgeAfter(host: TestHost, after: After, replies: Reply[], before: number, existing: { id: number; segments: Segment[] } | undefined, check: Record): Promise<void> {
  if ('booked' in after) {
    const action = replies.flatMap((r) => r.actions).find((a) => a.tool === 'create_booking' && !a.isError);
    check('database: booked', !action && 'no booking was created');
    if (!action) return;
    const booking = await bookingById(host, (action.result as { booking: { id: number } }).booking.id);
    check('database: confirmed', booking.status !== 'confirmed' && booking.status);
    check('database: passengers and types', samePeople(booking.passengers, after.booked.passengers));
    const legs = after.booked.legs;
    const bad = booking.segments.length !== legs.length
      ? `${booking.segments.length} segments, expected ${legs.length}`
      : booking.segments.map((s, i) => misfit(segmentFlight(s), legs[i]!)).find(Boolean);
    check('database: flights', bad);
    const proposed = replies.map((r) => r.proposal).filter(Boolean).pop();
    check('database: price as proposed', proposed?.price !== undefined && Math.abs(proposed.price - booking.total_price) > 0.01 && `proposed ${proposed.price}, booked ${booking.total_price}`);
    check('database: one booking', (await bookingCount(host)) !== before + 1 && 'booking count changed by other than one');
    return;
  }
  const writes = replies.flatMap((r) => r.actions).filter((a) => ['create_booking', 'cancel_booking', 'change_seat', 'change_flight'].includes(a.tool) && !(a.arguments as { dry_run?: boolean }).dry_run);
  if ('unchanged' in after) {
    check('database: unchanged', (writes.length > 0 || (await bookingCount(host)) !== before) && `writes: ${writes.map((w) => w.tool).join(', ')}`);
    if (existing) {
      const now = await bookingById(host, existing.id);
      check('database: booking untouched', (now.status !== 'confirmed' || now.segments[0]!.seats.map((s) => s.seat).join() !== existing.segments[0]!.seats.map((s) => s.seat).join()) && 'the existing booking changed');
    }
    return;
  }
  const booking = await bookingById(host, existing!.id);
  if ('cancelled' in after) {
    check('database: cancelled', booking.status !== 'cancelled' && booking.status);
    return;
  }
  if ('seat' in after) {
    const { passenger, position, seat } = after.seat;
    const index = booking.passengers.findIndex((p) => sameName(p.name, passenger));
    const segment = booking.segments[0]!;
    const now = segment.seats[index]?.seat;
    const was = existing!.segments[0]!.seats[index]?.seat;
    if (seat) check(`database: ${passenger} in ${seat}`, now !== seat && `in ${now}`);
    if (position) {
      const map = (await (await host.fetch(`/flights/${segment.flight_id}/seats?date=${segment.date}&cabin=${segment.cabin}`)).json()) as { rows: { seats: { seat: string; position: string }[] }[] };
      const found = map.rows?.flatMap((r) => r.seats).find((s) => s.seat === now);
      check(`database: ${passenger} at the ${position}`, (now === was || found?.position !== position) && `in ${now} (${found?.position}), was ${was}`);
    }
    const others = segment.seats.filter((_, i) => i !== index).map((s) => s.seat).join();
    const othersBefore = existing!.segments[0]!.seats.filter((_, i) => i !== index).map((s) => s.seat).join();
    check('database: other passengers keep their seats', others !== othersBefore && `${othersBefore} → ${others}`);
    return;
  }
  const { date, sameFlight, departAfter, departBefore } = after.moved;
  const segment = booking.segments[0]!;
  check('database: moved to the date', segment.date !== dateOf(date) && `on ${segment.date}, not ${dateOf(date)}`);
  if (sameFlight) check('database: same flight', segment.flight_number !== existing!.segments[0]!.flight_number && `now ${segment.flight_number}`);
  const bad = misfit(segmentFlight(segment), { departAfter, departBefore });
  if (departAfter || departBefore) check('database: time of day', bad);
}
