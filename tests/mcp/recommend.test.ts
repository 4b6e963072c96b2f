import { describe, expect, it } from 'vitest';
import { recommend } from '../../lib/flights/recommend';
import type { Itinerary } from '../../lib/flights/search';

function itinerary(flight_number: string, departure_time: string, duration_minutes: number, fare: number, stops = 0): Itinerary {
  return {
    type: stops ? 'connection' : 'direct',
    stops,
    departure_airport: 'PEK',
    arrival_airport: 'SHA',
    departure_date: '2030-01-07',
    departure_time: `${departure_time}:00`,
    arrival_date: '2030-01-07',
    arrival_time: '23:59:00',
    duration_minutes,
    cabin: 'economy',
    passengers: 1,
    fare_per_passenger: fare,
    total_fare: fare,
    currency: 'CNY',
    seats_left: 10,
    flight_number,
    airline: '中国国际航空',
    price: fare,
    available_seats: 10,
    arrival_day_offset: 0,
    id: 1,
    status: 'active',
    aircraft_type: 'A321',
    created_at: '2030-01-01T00:00:00.000Z',
    updated_at: '2030-01-01T00:00:00.000Z',
    ...(stops ? { connection: { airport: 'NKG', next_airport: 'NKG', minutes: 90, change_airport: false } } : {}),
    segments: [],
  };
}

const options = [
  itinerary('CA1', '07:00', 135, 900),
  itinerary('CA2', '09:30', 130, 540),
  itinerary('CA3', '13:00', 140, 680),
  itinerary('CA4/MU9', '06:10', 300, 450, 1),
  itinerary('CA5', '19:45', 125, 720),
  itinerary('CA6', '21:30', 140, 540),
  itinerary('CA7', '16:00', 150, 610),
];

const order = (preference: Parameters<typeof recommend>[1]) => recommend(options, preference).map((r) => r.itinerary.flight_number);

describe('recommend', () => {
  it('cheapest: lowest fare, then fewer stops, then shorter; top five only', () => {
    expect(order('cheapest')).toEqual(['CA4/MU9', 'CA2', 'CA6', 'CA7', 'CA3']);
    const [best, second] = recommend(options, 'cheapest');
    expect(best!.reason_en).toBe('Lowest fare: CA4/MU9 06:10→23:59, 1 stop via NKG, 5h, ¥450 per passenger');
    expect(best!.reason_zh).toBe('价格最低：CA4/MU9 06:10→23:59，经NKG中转，5小时，每人 ¥450');
    expect(second!.reason_en).toMatch(/^¥90 more than the cheapest: CA2/);
  });

  it('fastest, earliest and latest order by duration and departure', () => {
    expect(order('fastest')).toEqual(['CA5', 'CA2', 'CA1', 'CA6', 'CA3']);
    expect(order('earliest')).toEqual(['CA4/MU9', 'CA1', 'CA2', 'CA3', 'CA7']);
    expect(order('latest')).toEqual(['CA6', 'CA5', 'CA7', 'CA3', 'CA2']);
    expect(recommend(options, 'latest')[1]!.reason_en).toMatch(/^Leaves 105 min before the latest/);
    expect(recommend(options, 'fastest')[0]!.reason_zh).toMatch(/^耗时最短：CA5 19:45→23:59，直飞，2小时5分/);
  });

  it('time windows put departures inside the window first, direct and cheap before others, then the nearest', () => {
    expect(order('morning')).toEqual(['CA2', 'CA1', 'CA4/MU9', 'CA3', 'CA7']);
    expect(recommend(options, 'morning')[0]!.reason_zh).toMatch(/^最合适的上午航班/);
    expect(order('afternoon')).toEqual(['CA7', 'CA3', 'CA5', 'CA2', 'CA6']);
    expect(order('evening')).toEqual(['CA6', 'CA5', 'CA7', 'CA3', 'CA2']);
    const late = recommend([itinerary('CA8', '11:55', 120, 500), itinerary('CA9', '13:00', 120, 400)], 'evening');
    expect(late.map((r) => r.itinerary.flight_number)).toEqual(['CA9', 'CA8']);
    expect(late[0]!.reason_en).toMatch(/^No evening departure fits; close alternative/);
  });

  it('direct_only drops connections', () => {
    expect(order('direct_only')).toEqual(['CA2', 'CA6', 'CA7', 'CA3', 'CA5']);
    expect(recommend([itinerary('CA4/MU9', '06:10', 300, 450, 1)], 'direct_only')).toEqual([]);
  });

  it('is deterministic: ties break by flight number whatever the input order', () => {
    const tied = [itinerary('MU2', '08:00', 120, 500), itinerary('CA2', '08:00', 120, 500)];
    expect(recommend(tied, 'cheapest').map((r) => r.itinerary.flight_number)).toEqual(['CA2', 'MU2']);
    expect(recommend([...tied].reverse(), 'cheapest').map((r) => r.itinerary.flight_number)).toEqual(['CA2', 'MU2']);
    expect(recommend(options, 'cheapest', 2)).toHaveLength(2);
    expect(options.map((o) => o.flight_number)).toEqual(['CA1', 'CA2', 'CA3', 'CA4/MU9', 'CA5', 'CA6', 'CA7']);
  });
});
