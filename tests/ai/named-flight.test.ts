import { describe, expect, it } from 'vitest';
import type { FlightOption, DialogueTask } from '../../lib/ai/conversation';
import { namedFlight } from '../../lib/ai/offline/named-flight';
import type { CallTool, Step } from '../../lib/ai/planner';

const option = (index: number, flight_number: string): FlightOption => ({
  index, flight_number, segments: [{ flight_number, date: '2026-11-25' }], date: '2026-11-25', departure_airport: 'PEK', arrival_airport: 'SHA',
  departure_time: '08:00', arrival_time: '10:10', duration_minutes: 130, stops: 0, cabin: 'economy', fare_per_passenger: 600, total_fare: 600, seats_left: 100,
});
const results = [1, 2, 3, 4, 5, 6, 7].map((i) => option(i, `CA150${i}`));
const shown = results.slice(0, 5);
const task: DialogueTask = { intent: 'book', origin: ['PEK', 'PKX'], destination: ['SHA', 'PVG'], date: '2026-11-25' };

/** check_availability answering for one flight; anything else is an error with a reason. */
function airline(flight: { flight_number: string; departure_airport: string; arrival_airport: string; seats_left: number }): { call: CallTool; calls: unknown[] } {
  const calls: unknown[] = [];
  const call: CallTool = function* (agent, tool, args) {
    calls.push([agent, tool, args]);
    if (args.flight_number !== flight.flight_number) return { isError: true, result: { detail: 'does not operate on that day' } };
    return { isError: false, result: { ...flight, date: args.date, cabin: args.cabin, available: flight.seats_left > 0, fare: 680, currency: 'CNY', departure_time: '08:30:00', arrival_time: '10:45:00' } };
  };
  return { call, calls };
}

/** Runs a step whose calls all answer at once (the stub yields no task). */
function result<T>(step: Step<T>): T {
  const next = step.next();
  if (!next.done) throw new Error('the stub calls yield nothing');
  return next.value;
}

describe('namedFlight', () => {
  it('picks a shown option without a call', async () => {
    const { call, calls } = airline({ flight_number: 'X', departure_airport: 'PEK', arrival_airport: 'SHA', seats_left: 1 });
    expect(result(namedFlight('CA1502', shown, results, task, call, 'zh'))).toEqual({ options: shown, chosen: shown[1] });
    expect(calls).toEqual([]);
  });

  it('adds one from further down the results, numbered after those shown', async () => {
    const { call, calls } = airline({ flight_number: 'X', departure_airport: 'PEK', arrival_airport: 'SHA', seats_left: 1 });
    const named = result(namedFlight('CA1507', shown, results, task, call, 'en'));
    expect(named).toMatchObject({ chosen: { flight_number: 'CA1507', index: 6 } });
    expect('options' in named && named.options.map((o) => o.flight_number)).toEqual([...shown.map((o) => o.flight_number), 'CA1507']);
    expect(calls).toEqual([]);
  });

  it('looks up a flight the search did not return and offers it when it flies the route with seats', async () => {
    const { call, calls } = airline({ flight_number: 'CA1001', departure_airport: 'PEK', arrival_airport: 'SHA', seats_left: 120 });
    expect(result(namedFlight('CA1001', shown, results, { ...task, cabin: 'business' }, call, 'zh'))).toMatchObject({
      chosen: { flight_number: 'CA1001', index: 6, departure_time: '08:30', fare_per_passenger: 680, cabin: 'business' },
    });
    expect(calls).toEqual([['airline', 'check_availability', { flight_number: 'CA1001', date: '2026-11-25', cabin: 'business' }]]);
  });

  it('says why not: another route, too few seats, or the agent’s reason', async () => {
    const offRoute = airline({ flight_number: 'CA1502', departure_airport: 'SHA', arrival_airport: 'PEK', seats_left: 100 });
    expect(result(namedFlight('CA1502', [], [], task, offRoute.call, 'zh'))).toEqual({ why: 'CA1502 不飞这条航线（它从 SHA 飞往 PEK）。' });
    const full = airline({ flight_number: 'CA1001', departure_airport: 'PEK', arrival_airport: 'SHA', seats_left: 1 });
    expect(result(namedFlight('CA1001', [], [], { ...task, partySize: 2 }, full.call, 'en'))).toEqual({ why: 'Not enough seats left on CA1001 in that cabin that day (1 left).' });
    expect(result(namedFlight('CA1547', [], [], task, full.call, 'en'))).toEqual({ why: 'CA1547 cannot be booked: That flight does not fly on that day; please choose another day or flight.' });
  });
});
