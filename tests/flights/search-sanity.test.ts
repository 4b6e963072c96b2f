import { describe, expect, it } from 'vitest';
import { daysFromToday, expectProblem, useHost } from '../support/host';
import { createFlight } from '../bookings/helpers';

const host = useHost();

interface Itinerary {
  type: string;
  flight_number: string;
  departure_date: string;
  arrival_date: string;
  arrival_day_offset: number;
  duration_minutes: number;
}

/** Local date and HH:MM in Beijing `minutes` from now. */
function beijing(minutesFromNow: number): { date: string; time: string } {
  const at = new Date(Date.now() + minutesFromNow * 60_000);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(at)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

async function flightDeparting(minutesFromNow: number): Promise<{ flight_number: string; date: string }> {
  const { date, time } = beijing(minutesFromNow);
  const arrival = beijing(minutesFromNow + 135);
  const { flight_number } = await createFlight(host, 150, {
    departure_time: time,
    arrival_time: arrival.time,
    arrival_day_offset: arrival.date === date ? 0 : 1,
    cabins: { economy: { fare: 700, capacity: 150 } },
  });
  return { flight_number, date };
}

async function offered(flightNumber: string, date: string): Promise<boolean | 'past date'> {
  const response = await host.fetch(`/flights/search/PEK/SHA?date=${date}&max_stops=0`);
  if (response.status === 422) return 'past date';
  expect(response.status).toBe(200);
  return ((await response.json()) as Itinerary[]).some((it) => it.flight_number === flightNumber);
}

describe('flights that have left, or are past the sales cutoff, are neither offered nor sold', () => {
  it.each([
    ['departed two hours ago', -120],
    // The README's rule, written out: sales close 45 minutes before departure.
    ['departs in 30 minutes (sales closed 45 minutes before departure)', 30],
  ])('a flight that %s', async (_name, minutes) => {
    const { flight_number, date } = await flightDeparting(minutes);
    expect(await offered(flight_number, date)).not.toBe(true);
    const booking = await host.fetch('/bookings', { method: 'POST', json: { passengers: [{ name: '张三' }], segments: [{ flight_number, date }] } });
    await expectProblem(booking, 422, 'body.segments[0].date');
  });

  it('a flight departing in three hours is offered and sold', async () => {
    const { flight_number, date } = await flightDeparting(180);
    expect(await offered(flight_number, date)).toBe(true);
    const booking = await host.fetch('/bookings', { method: 'POST', json: { passengers: [{ name: '张三' }], segments: [{ flight_number, date }] } });
    expect(booking.status).toBe(201);
  });
});

describe('same-city search', () => {
  it.each([
    ['北京', '北京'],
    ['PEK', 'PKX'],
    ['上海', 'Shanghai'],
  ])('%s → %s is a 422 naming params.to', async (from, to) => {
    const body = await expectProblem(await host.fetch(`/flights/search/${encodeURIComponent(from)}/${encodeURIComponent(to)}`), 422, 'params.to');
    expect(String(body.detail)).toMatch(/same city/);
  });
});

describe('connections are sensible and every itinerary states its arrival day', () => {
  const date = daysFromToday(7);
  it.each([
    ['北京', '上海'],
    ['上海', '杭州'],
    ['广州', '深圳'],
    ['北京', '拉萨'],
    ['成都', '乌鲁木齐'],
    ['上海', '东京'],
    ['哈尔滨', '三亚'],
  ])('%s → %s', async (from, to) => {
    const response = await host.fetch(`/flights/search/${encodeURIComponent(from)}/${encodeURIComponent(to)}?date=${date}`);
    if (response.status === 404) return; // a city without an airport in the sample network
    expect(response.status).toBe(200);
    const itineraries = (await response.json()) as Itinerary[];
    const directs = itineraries.filter((it) => it.type === 'direct');
    const reference = Math.min(...(directs.length ? directs : itineraries).map((it) => it.duration_minutes));
    // The rule as the README states it: at most twice the fastest, or the fastest plus 3 hours when that is more.
    const longest = Math.max(reference * 2, reference + 180);
    for (const it of itineraries) {
      expect(it.duration_minutes, `${it.flight_number} takes ${it.duration_minutes} min; fastest ${reference}`).toBeLessThanOrEqual(longest);
      const days = Math.round((Date.parse(it.arrival_date) - Date.parse(it.departure_date)) / 86_400_000);
      expect(it.arrival_day_offset, it.flight_number).toBe(days);
    }
  });
});
