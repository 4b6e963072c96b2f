import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday, startHost, type TestHost } from '../support/host';
import { assertBuilt, runCli, stackTrace } from './run-cli';
import type { BookingView, Itinerary } from '../../cli/types';

let host: TestHost;
let env: Record<string, string>;
const tomorrow = daysFromToday(1);

beforeAll(async () => {
  assertBuilt();
  host = await startHost();
  env = { FLIGHTBOOK_URL: host.baseUrl, FLIGHTBOOK_KEY: host.key };
});
afterAll(async () => {
  await host?.stop();
});

async function bookJson(passenger: string, ...extra: string[]): Promise<BookingView> {
  const result = await runCli(['book', 'CA1001', '--date', tomorrow, '--passenger', passenger, '--json', ...extra], { env });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as BookingView;
}

describe('flightbook one-shot commands', () => {
  it('search --json finds CA1001 PEK→SHA tomorrow, by city names and a Chinese relative date', async () => {
    const result = await runCli(['search', '北京', '上海', '--date', '明天', '--json'], { env });
    expect(result.code).toBe(0);
    const itineraries = JSON.parse(result.stdout) as Itinerary[];
    const ca1001 = itineraries.find((it) => it.flight_number === 'CA1001');
    expect(ca1001).toMatchObject({ departure_airport: 'PEK', arrival_airport: 'SHA', departure_date: tomorrow, price: 680 });
  });

  it('search prints an aligned table with the business fare', async () => {
    const result = await runCli(['search', 'PEK', 'SHA', tomorrow, '--cabin', 'business', '--direct'], { env });
    expect(result.code).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => line.includes('CA1001'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/│ CA1001\s+│ 中国国际航空\s+│ 08:30 PEK │ 10:45 SHA │/);
    expect(result.stdout).not.toContain('\x1b['); // no colours when stdout is not a terminal
  });

  it('book creates a booking the API can see, with the requested seat', async () => {
    const booking = await bookJson('张三', '--seat', '11C');
    expect(booking).toMatchObject({ status: 'confirmed', passenger_name: '张三', seat_number: '11C', flight_number: 'CA1001' });
    const response = await host.fetch(`/bookings/${booking.id}`, { staff: true });
    expect(((await response.json()) as BookingView).reference).toBe(booking.reference);
  });

  it('book --hold holds the seats as a pending booking', async () => {
    expect((await bookJson('赵六', '--hold')).status).toBe('pending');
  });

  it('bookings --passenger --csv prints the header and the row', async () => {
    const booking = await bookJson('钱七');
    const result = await runCli(['bookings', '--passenger', '钱七', '--csv'], { env });
    expect(result.code).toBe(0);
    const lines = result.stdout.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toMatch(/^reference,status,title,passenger_name/);
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toContain(`${booking.reference},confirmed`);
  });

  it('show by PNR and last name prints the booking', async () => {
    const booking = await bookJson('孙八');
    const result = await runCli(['show', booking.reference.toLowerCase(), '--last-name', '孙'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(booking.reference);
    expect(result.stdout).toMatch(/乘客 Passengers\s+孙八/);
  });

  it('seat changes the seat of a booking found by PNR', async () => {
    const booking = await bookJson('周九');
    const result = await runCli(['seat', booking.reference, '20F', '--last-name', '周', '--json'], { env });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as BookingView).seat_number).toBe('20F');
  });

  it('cancel shows the refund quote and cancels with --yes', async () => {
    const booking = await bookJson('吴十');
    const result = await runCli(['cancel', booking.reference, '--last-name', '吴', '--yes'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/退款 refund ¥680/);
    expect(result.stdout).toContain(`Cancelled ${booking.reference}`);
    const response = await host.fetch(`/bookings/${booking.id}`, { staff: true });
    expect(((await response.json()) as BookingView).status).toBe('cancelled');
  });

  it('cancel without --yes asks, and a "no" leaves the booking alone (exit 1)', async () => {
    const booking = await bookJson('郑一');
    const result = await runCli(['cancel', booking.reference, '--last-name', '郑'], { env, input: 'n\n' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toBe('确认取消/Cancel this booking? [y/N] error: 未取消 Not cancelled');
    const response = await host.fetch(`/bookings/${booking.id}`, { staff: true });
    expect(((await response.json()) as BookingView).status).toBe('confirmed');
  });

  it('stats --json counts the bookings made', async () => {
    const result = await runCli(['stats', '--json'], { env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ total_flights: expect.any(Number), total_bookings: expect.any(Number) });
  });

  it('a 4xx answer is the problem detail on one line, exit 1', async () => {
    await bookJson('王二', '--seat', '25A');
    const result = await runCli(['book', 'CA1001', '--date', tomorrow, '--passenger', '李二', '--seat', '25A'], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: Seat 25A is already taken/)]);
  });

  it('staff commands without a key say how to give one', async () => {
    const result = await runCli(['bookings'], { env: { FLIGHTBOOK_URL: host.baseUrl } });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('error: This command needs the staff key: pass --key or set FLIGHTBOOK_KEY');
  });

  it('--base-url and --key options override the environment', async () => {
    const result = await runCli(['--base-url', host.baseUrl, '--key', host.key, 'bookings', '--json'], { env: { FLIGHTBOOK_URL: 'http://127.0.0.1:9/api' } });
    expect(result.code).toBe(0);
    expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
    expect(result.stderr).not.toMatch(stackTrace);
  });
});
