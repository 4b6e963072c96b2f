/**
 * My booking in Chromium: look-up by reference and surname, a seat change on the seat map (taken seats
 * disabled, window/aisle/exit rows labelled, arrow keys), a cancellation with its quote. Checked over REST.
 */
import { describe, expect, it } from 'vitest';
import { browserTestsRun } from '../support/chromium';
import { daysFromToday, useHost, type TestHost } from '../support/host';
import { expectAccessible, openApp, screenshot, useChromium } from './browser';

const run = browserTestsRun('My booking browser tests');

interface Booking {
  id: number;
  reference: string;
  status: string;
  segments: { flight_id: number; date: string; seats: { seat: string }[] }[];
}

async function book(host: TestHost, name: string, date: string): Promise<Booking> {
  const response = await host.fetch('/bookings', { method: 'POST', json: { passengers: [{ name }], segments: [{ flight_number: 'CA1501', date }] } });
  expect(response.status).toBe(201);
  return (await response.json()) as Booking;
}

async function lookUp(host: TestHost, reference: string, surname: string): Promise<Booking> {
  const response = await host.fetch(`/bookings/reference/${reference}?last_name=${encodeURIComponent(surname)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Booking;
}

describe.skipIf(!run)('My booking', () => {
  const host = useHost();
  const chromium = useChromium();

  it('looks a booking up, changes its seat on the seat map and cancels it with a quote', async () => {
    const date = daysFromToday(3);
    const mine = await book(host, 'Li Lei', date);
    const other = await book(host, 'Han Meimei', date);
    const takenSeat = other.segments[0]!.seats[0]!.seat;
    const map = (await (await host.fetch(`/flights/${mine.segments[0]!.flight_id}/seats?date=${date}`)).json()) as {
      rows: { seats: { seat: string; position: string; exit_row: boolean; available: boolean }[] }[];
    };
    const seats = map.rows.flatMap((row) => row.seats);
    const wanted = seats.find((s) => s.available && s.position === 'window' && !s.exit_row)!;

    const { page, problems } = await openApp(chromium(), host, '#/booking');
    await page.getByLabel('Surname').fill('Wrong');
    await page.getByLabel('Booking reference').fill(mine.reference);
    await page.getByRole('button', { name: 'Find booking' }).click();
    await expect.poll(() => page.getByRole('alert').innerText().catch(() => '')).toContain('No booking matches');

    await page.getByLabel('Surname').fill('Li');
    await page.getByRole('button', { name: 'Find booking' }).click();
    await expect.poll(() => page.locator('#booking-heading').innerText().catch(() => '')).toContain(mine.reference);
    expect(await page.locator('.seat-number').innerText()).toBe(mine.segments[0]!.seats[0]!.seat);
    expect(await page.locator('.booking-status').innerText()).toBe('Confirmed');
    await expectAccessible(page, 'my booking');

    await page.getByRole('button', { name: 'Change seat' }).click();
    const seat = (id: string) => page.locator(`[data-seat="${id}"]`);
    await seat(wanted.seat).waitFor();
    expect(await seat(takenSeat).isDisabled(), 'a taken seat cannot be chosen').toBe(true);
    expect(await seat(takenSeat).getAttribute('aria-label')).toMatch(/taken/);
    expect(await seat(wanted.seat).getAttribute('aria-label')).toBe(`Seat ${wanted.seat}, window`);
    const exitSeat = seats.find((s) => s.exit_row);
    if (exitSeat) expect(await seat(exitSeat.seat).getAttribute('aria-label')).toContain('exit row');
    const aisleSeat = seats.find((s) => s.position === 'aisle')!;
    expect(await seat(aisleSeat.seat).getAttribute('aria-label')).toContain('aisle');
    // One seat in the tab order; arrow keys move along the row.
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement).dataset.seat);
    await seat(wanted.seat).focus();
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatch(new RegExp(`^${Number.parseInt(wanted.seat) + 1}[A-K]$`));
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(wanted.seat);
    await screenshot(page, 'seat-map');
    await expectAccessible(page, 'seat map');

    await seat(wanted.seat).click();
    const confirm = page.getByRole('button', { name: 'Confirm', exact: true });
    await confirm.waitFor({ timeout: 20_000 });
    expect(await page.locator('.proposal').innerText()).toContain(wanted.seat);
    await confirm.click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Your seat is now' }).innerText().catch(() => ''), { timeout: 20_000 }).toContain(wanted.seat);
    expect((await lookUp(host, mine.reference, 'Li')).segments[0]!.seats[0]!.seat).toBe(wanted.seat);
    expect(await page.locator('.seat-number').innerText()).toBe(wanted.seat);

    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await confirm.waitFor({ timeout: 20_000 });
    expect(await page.getByLabel('Cancellation quote').innerText()).toMatch(/Paid\s+CN¥540\s+Fee\s+CN¥\d+\s+Rule\s+\S/);
    expect(await page.locator('.proposal').innerText()).toMatch(/Refund\s+CN¥\d+/);
    expect(await page.getByRole('button', { name: 'Keep the booking' }).count()).toBe(1);
    await screenshot(page, 'my-booking-cancel');
    await expectAccessible(page, 'cancellation quote');
    await confirm.click();
    await expect.poll(() => page.locator('.booking-status').innerText(), { timeout: 20_000 }).toBe('Cancelled');
    expect((await lookUp(host, mine.reference, 'Li')).status).toBe('cancelled');
    expect(await page.getByRole('button', { name: 'Cancel booking' }).count()).toBe(0);
    expect(problems).toEqual([]);
  }, 180_000);
});
