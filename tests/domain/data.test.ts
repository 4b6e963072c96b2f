import { describe, expect, it } from 'vitest';
import { cabins, seatCount } from '../../lib/domain/aircraft';
import { airportByCode, resolvePlace, sameCityAirports, type Airport } from '../../lib/domain/airports';
import { airlineData } from '../../lib/domain/data/airlines';
import { airportData } from '../../lib/domain/data/airports';
import { sampleFlights, scheduleReferenceDate, type SampleFlight } from '../../lib/domain/data/flights';
import { airportCoordinates, blockMinutes, distanceKm, generateNetwork } from '../../scripts/network';

const requiredAirports = [
  'PEK', 'SHA', 'PVG', 'CAN', 'CTU', 'KMG', 'XIY', 'HGH', 'PKX', 'SZX', 'CKG', 'TFU', 'WUH', 'NKG', 'XMN', 'TAO', 'CSX', 'HAK',
  'SYX', 'DLC', 'SHE', 'HRB', 'URC', 'TSN', 'CGO', 'FOC', 'NNG', 'KWE', 'LHW', 'TYN', 'HET', 'SJW', 'HFE', 'NGB', 'WNZ', 'JJN',
  'KHN', 'CGQ', 'YNT', 'WUX', 'LXA', 'XNN', 'INC', 'DYG', 'ZUH', 'KWL', 'TNA', 'LJG', 'JHG', 'HKG', 'MFM', 'TPE', 'NRT', 'HND',
  'KIX', 'ICN', 'GMP', 'SIN', 'BKK', 'KUL', 'CGK', 'MNL', 'SGN', 'HAN', 'DEL', 'BOM', 'LHR', 'CDG', 'FRA', 'AMS', 'MUC', 'FCO',
  'MAD', 'IST', 'DXB', 'DOH', 'JFK', 'LAX', 'SFO', 'SEA', 'YVR', 'ORD', 'SYD', 'MEL', 'AKL',
];
const requiredAirlines = ['CA', 'MU', 'CZ', 'HU', '3U', 'ZH', 'MF', 'FM', 'SC', 'HO', '9C', 'CX', 'NH', 'JL', 'KE', 'OZ', 'SQ', 'TG', 'BA', 'AF', 'LH', 'EK', 'UA', 'AA', 'QF'];

const codes = (airports: Airport[]) => airports.map((airport) => airport.code).sort();
const cityKey = (airport: Airport) => `${airport.city_en}/${airport.country}`;

const offsets = new Map<string, number>();

/** UTC offset of a zone on the schedule reference date, read independently of the data module. */
function offsetMinutes(timeZone: string): number {
  const cached = offsets.get(timeZone);
  if (cached !== undefined) return cached;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
    .formatToParts(Date.parse(`${scheduleReferenceDate}T12:00:00Z`));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  const offset = (local - Date.parse(`${scheduleReferenceDate}T12:00:00Z`)) / 60_000;
  offsets.set(timeZone, offset);
  return offset;
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Elapsed minutes from departure to arrival, from the local times and the airports' zones. */
function durationMinutes(flight: SampleFlight): number {
  const from = airportByCode(flight.departure_airport)!;
  const to = airportByCode(flight.arrival_airport)!;
  const departureUtc = minutes(flight.departure_time) - offsetMinutes(from.tz);
  const arrivalUtc = (flight.arrival_day_offset ?? 0) * 1440 + minutes(flight.arrival_time) - offsetMinutes(to.tz);
  return arrivalUtc - departureUtc;
}

const byNumber = new Map(sampleFlights.map((flight) => [flight.flight_number, flight]));
const airlineCodes = new Set(airlineData.map((airline) => airline.code));

/** Structural checks every flight seed must pass. */
function expectValidFlight(flight: SampleFlight): void {
  const where = flight.flight_number;
  expect(flight.flight_number, where).toMatch(/^[A-Z0-9]{2}\d{1,4}$/);
  expect(flight.flight_number.startsWith(flight.airline_code), where).toBe(true);
  expect(airlineCodes.has(flight.airline_code), where).toBe(true);
  expect(airportByCode(flight.departure_airport), where).toBeDefined();
  expect(airportByCode(flight.arrival_airport), where).toBeDefined();
  expect(flight.departure_airport, where).not.toBe(flight.arrival_airport);
  expect(flight.departure_time, where).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
  expect(flight.arrival_time, where).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
  expect([undefined, 1, 2], where).toContain(flight.arrival_day_offset);
  if (flight.days_of_operation) {
    expect(flight.days_of_operation.length, where).toBeGreaterThan(0);
    expect(flight.days_of_operation.every((day) => Number.isInteger(day) && day >= 1 && day <= 7), where).toBe(true);
    expect(new Set(flight.days_of_operation).size, where).toBe(flight.days_of_operation.length);
  }
  for (const cabin of cabins) {
    const offer = flight.cabins[cabin];
    if (cabin === 'economy') expect(offer, where).toBeDefined();
    if (!offer) continue;
    expect(seatCount(flight.aircraft_type, cabin), `${where} ${cabin} on ${flight.aircraft_type}`).toBeGreaterThan(0);
    expect(offer.capacity, `${where} ${cabin}`).toBeLessThanOrEqual(seatCount(flight.aircraft_type, cabin));
    expect(Number.isInteger(offer.capacity) && offer.capacity > 0, where).toBe(true);
    expect(offer.fare, where).toBeGreaterThan(0);
    expect(Math.round(offer.fare * 100), where).toBe(offer.fare * 100);
  }
  const duration = durationMinutes(flight);
  expect(duration, where).toBeGreaterThanOrEqual(30);
  expect(duration, where).toBeLessThanOrEqual(16 * 60);
}

describe('airports', () => {
  it('has at least 85 airports with unique IATA codes, including every required one', () => {
    expect(airportData.length).toBeGreaterThanOrEqual(85);
    expect(new Set(airportData.map((airport) => airport.code)).size).toBe(airportData.length);
    for (const airport of airportData) expect(airport.code).toMatch(/^[A-Z]{3}$/);
    expect(requiredAirports.filter((code) => !airportByCode(code))).toEqual([]);
  });

  it('has names in both languages, an ISO country and a valid IANA zone', () => {
    for (const airport of airportData) {
      for (const field of [airport.name_zh, airport.name_en, airport.city_zh, airport.city_en]) expect(field.trim(), airport.code).not.toBe('');
      expect(airport.country, airport.code).toMatch(/^[A-Z]{2}$/);
      expect(() => new Intl.DateTimeFormat(undefined, { timeZone: airport.tz }), airport.code).not.toThrow();
    }
    for (const airport of airportData.filter((a) => a.country === 'CN')) expect(airport.tz, airport.code).toBe('Asia/Shanghai');
  });

  it('names each city the same way in every airport of that city', () => {
    const zh = new Map<string, string>();
    for (const airport of airportData) {
      const known = zh.get(cityKey(airport));
      if (known) expect(airport.city_zh, airport.code).toBe(known);
      zh.set(cityKey(airport), airport.city_zh);
    }
  });

  it('resolves every city, in either language, to exactly the airports of that city', () => {
    for (const airport of airportData) {
      const city = codes(sameCityAirports(airport.code));
      expect(codes(resolvePlace(airport.city_zh)), airport.city_zh).toEqual(city);
      expect(codes(resolvePlace(airport.city_en)), airport.city_en).toEqual(city);
    }
  });

  it('has aliases that name only their own city and collide with no other airport code or city', () => {
    const cityNames = new Map<string, string>();
    for (const airport of airportData) {
      for (const name of [airport.city_zh, airport.city_en]) cityNames.set(name.toLowerCase(), cityKey(airport));
    }
    for (const airport of airportData) {
      for (const alias of airport.aliases) {
        const where = `${airport.code} alias ${alias}`;
        expect(alias.trim(), where).not.toBe('');
        const other = airportByCode(alias);
        if (other) expect(other.code, where).toBe(airport.code);
        const city = cityNames.get(alias.toLowerCase());
        if (city) expect(city, where).toBe(cityKey(airport));
        const resolved = resolvePlace(alias);
        expect(codes(resolved), where).toContain(airport.code);
        expect(resolved.every((match) => cityKey(match) === cityKey(airport)), where).toBe(true);
      }
    }
  });

  it('resolves the places travellers name', () => {
    expect(codes(resolvePlace('北京'))).toEqual(['PEK', 'PKX']);
    expect(codes(resolvePlace('Beijing'))).toEqual(['PEK', 'PKX']);
    expect(codes(resolvePlace('上海'))).toEqual(['PVG', 'SHA']);
    expect(codes(resolvePlace('Shanghai'))).toEqual(['PVG', 'SHA']);
    expect(codes(resolvePlace('成都'))).toEqual(['CTU', 'TFU']);
    expect(codes(resolvePlace('tokyo'))).toEqual(['HND', 'NRT']);
    expect(codes(resolvePlace('东京'))).toEqual(['HND', 'NRT']);
    expect(codes(resolvePlace('首尔'))).toEqual(['GMP', 'ICN']);
    expect(codes(resolvePlace('浦东'))).toEqual(['PVG']);
    expect(codes(resolvePlace('浦东机场'))).toEqual(['PVG']);
    expect(codes(resolvePlace('首都机场'))).toEqual(['PEK']);
    expect(codes(resolvePlace('大兴'))).toEqual(['PKX']);
    expect(codes(resolvePlace('Hongqiao'))).toEqual(['SHA']);
    expect(codes(resolvePlace('天府'))).toEqual(['TFU']);
    expect(codes(resolvePlace('双流'))).toEqual(['CTU']);
    expect(codes(resolvePlace('白云'))).toEqual(['CAN']);
    expect(codes(resolvePlace('宝安'))).toEqual(['SZX']);
    expect(codes(resolvePlace('萧山'))).toEqual(['HGH']);
    expect(codes(resolvePlace('成田'))).toEqual(['NRT']);
    expect(codes(resolvePlace('Haneda'))).toEqual(['HND']);
    expect(codes(resolvePlace('仁川'))).toEqual(['ICN']);
    expect(codes(resolvePlace('樟宜'))).toEqual(['SIN']);
    expect(codes(resolvePlace('Heathrow'))).toEqual(['LHR']);
    expect(codes(resolvePlace('伦敦'))).toEqual(['LHR']);
    expect(codes(resolvePlace('纽约'))).toEqual(['JFK']);
    expect(codes(resolvePlace('旧金山'))).toEqual(['SFO']);
    expect(codes(resolvePlace('香港'))).toEqual(['HKG']);
    expect(codes(resolvePlace('台北'))).toEqual(['TPE', 'TSA']);
    expect(codes(resolvePlace('澳门'))).toEqual(['MFM']);
    expect(codes(resolvePlace('乌鲁木齐'))).toEqual(['URC']);
  });
});

describe('airlines', () => {
  it('has unique IATA codes with names in both languages, including every required one', () => {
    expect(new Set(airlineData.map((airline) => airline.code)).size).toBe(airlineData.length);
    for (const airline of airlineData) {
      expect(airline.code).toMatch(/^[A-Z0-9]{2}$/);
      expect(airline.name_zh.trim()).not.toBe('');
      expect(airline.name_en.trim()).not.toBe('');
    }
    expect(requiredAirlines.filter((code) => !airlineCodes.has(code))).toEqual([]);
  });
});

describe('sample flights', () => {
  it('is a network of 250–400 flights with unique flight numbers', () => {
    expect(sampleFlights.length).toBeGreaterThanOrEqual(250);
    expect(sampleFlights.length).toBeLessThanOrEqual(400);
    expect(byNumber.size).toBe(sampleFlights.length);
  });

  it('references real airports and airlines, fits the seat maps and has plausible durations', () => {
    for (const flight of sampleFlights) {
      expectValidFlight(flight);
      expect(flight.arrival_day_offset ?? 0, flight.flight_number).toBeLessThanOrEqual(1);
    }
  });

  it('takes about as long as the great-circle distance suggests', () => {
    for (const flight of sampleFlights) {
      const expected = blockMinutes(flight.departure_airport, flight.arrival_airport);
      const slack = Math.max(30, expected * 0.15);
      expect(Math.abs(durationMinutes(flight) - expected), `${flight.flight_number} takes ${durationMinutes(flight)}, expected ~${expected}`).toBeLessThanOrEqual(slack);
    }
  });

  it('prices domestic economy at 0.45–1.0 CNY/km (Spring lower), business above economy and first above business', () => {
    for (const flight of sampleFlights) {
      const { economy, business, first } = flight.cabins;
      const domestic = airportByCode(flight.departure_airport)!.country === 'CN' && airportByCode(flight.arrival_airport)!.country === 'CN';
      if (domestic && flight.airline_code !== '9C') {
        const perKm = economy.fare / distanceKm(flight.departure_airport, flight.arrival_airport);
        expect(perKm, flight.flight_number).toBeGreaterThanOrEqual(0.45);
        expect(perKm, flight.flight_number).toBeLessThanOrEqual(1.0);
      }
      if (business) expect(business.fare, flight.flight_number).toBeGreaterThan(economy.fare * 2.5);
      if (first) expect(first.fare, flight.flight_number).toBeGreaterThan(business!.fare);
    }
  });

  it('starts with the seed flight CA1001 exactly as the seed defines it', () => {
    expect(sampleFlights[0]).toEqual({
      flight_number: 'CA1001',
      airline_code: 'CA',
      departure_airport: 'PEK',
      arrival_airport: 'SHA',
      departure_time: '08:30',
      arrival_time: '10:45',
      aircraft_type: 'A321',
      cabins: { economy: { fare: 680, capacity: 120 }, business: { fare: 2380, capacity: 12 } },
    });
    expect(sampleFlights.slice(0, 5).map((flight) => flight.flight_number)).toEqual(['CA1001', 'MU5101', 'CZ3101', '3U8881', 'MU5301']);
  });

  it('has at least 6 morning departures from each Beijing airport group to Shanghai, from both PEK and PKX to both SHA and PVG', () => {
    const morning = sampleFlights.filter(
      (flight) => ['PEK', 'PKX'].includes(flight.departure_airport) && ['SHA', 'PVG'].includes(flight.arrival_airport) && flight.departure_time >= '06:00' && flight.departure_time < '12:00',
    );
    expect(morning.length).toBeGreaterThanOrEqual(6);
    for (const from of ['PEK', 'PKX']) {
      for (const to of ['SHA', 'PVG']) expect(morning.some((f) => f.departure_airport === from && f.arrival_airport === to), `${from}→${to}`).toBe(true);
    }
  });

  it('has red-eyes that land the next day, and flights that do not operate daily', () => {
    expect(sampleFlights.some((f) => f.departure_airport === 'URC' && ['PEK', 'PKX'].includes(f.arrival_airport) && f.arrival_day_offset === 1)).toBe(true);
    expect(sampleFlights.filter((f) => f.days_of_operation && f.days_of_operation.length < 7).length).toBeGreaterThanOrEqual(5);
  });

  it('connects cities without a direct flight through hubs on the same day', () => {
    const connections = (from: string[], to: string[], via: string[]) =>
      sampleFlights.flatMap((first) =>
        from.includes(first.departure_airport) && via.includes(first.arrival_airport) && !first.arrival_day_offset
          ? sampleFlights
              .filter((second) => second.departure_airport === first.arrival_airport && to.includes(second.arrival_airport))
              .filter((second) => minutes(second.departure_time) - minutes(first.arrival_time) >= 60)
              .filter((second) => minutes(second.departure_time) - minutes(first.arrival_time) <= 6 * 60)
              .map((second) => `${first.flight_number}+${second.flight_number}`)
          : [],
      );
    const direct = (a: string[], b: string[]) => sampleFlights.some((f) => a.includes(f.departure_airport) && b.includes(f.arrival_airport));
    expect(direct(['KMG'], ['URC'])).toBe(false);
    expect(connections(['KMG'], ['URC'], ['CTU'])).not.toEqual([]);
    expect(connections(['KMG'], ['URC'], ['XIY'])).not.toEqual([]);
    expect(direct(['HRB'], ['SYX'])).toBe(false);
    expect(connections(['HRB'], ['SYX'], ['PEK'])).not.toEqual([]);
    expect(connections(['HRB'], ['SYX'], ['PKX'])).not.toEqual([]);
    expect(direct(['PEK', 'PKX'], ['LXA'])).toBe(false);
    expect(connections(['PEK'], ['LXA'], ['CTU'])).not.toEqual([]);
    expect(connections(['PEK'], ['LXA'], ['TFU'])).not.toEqual([]);
  });
});

describe('generateNetwork', () => {
  const network = generateNetwork({ flights: 20_000 });

  it('generates 20,000 valid flights', () => {
    expect(network).toHaveLength(20_000);
    expect(new Set(network.map((flight) => flight.flight_number)).size).toBe(20_000);
    for (const flight of network) {
      expectValidFlight(flight);
      expect(flight.departure_time >= '06:00' && flight.departure_time <= '23:00', flight.flight_number).toBe(true);
    }
  });

  it('spreads across at least 80 real airports, all of them with coordinates', () => {
    const used = new Set(network.flatMap((flight) => [flight.departure_airport, flight.arrival_airport]));
    expect(used.size).toBeGreaterThanOrEqual(80);
    expect(airportData.filter((airport) => !airportCoordinates[airport.code]).map((airport) => airport.code)).toEqual([]);
  });

  it('is deterministic for a seed and different for another', () => {
    expect(generateNetwork({ flights: 500 })).toEqual(network.slice(0, 500));
    expect(generateNetwork({ flights: 500, seed: 2 })).not.toEqual(network.slice(0, 500));
    const small = generateNetwork({ flights: 1000, airports: 10 });
    expect(new Set(small.flatMap((flight) => [flight.departure_airport, flight.arrival_airport])).size).toBeLessThanOrEqual(10);
  });
});
