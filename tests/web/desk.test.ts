/**
 * The agent desk in Chromium: refused without the function key, working with it (kept in sessionStorage,
 * never in the page), bookings search and history, load factors as a chart, the desk assistant.
 */
import { describe, expect, it } from 'vitest';
import { browserTestsRun } from '../support/chromium';
import { daysFromToday, useHost } from '../support/host';
import { expectAccessible, openApp, screenshot, useChromium } from './browser';

const run = browserTestsRun('Agent desk browser tests');

describe.skipIf(!run)('agent desk', () => {
  const host = useHost();
  const chromium = useChromium();

  it('refuses without the key and works with it', async () => {
    const date = daysFromToday(1);
    const created = await host.fetch('/bookings', { method: 'POST', json: { passengers: [{ name: 'Li Lei' }], segments: [{ flight_number: 'CA1501', date }] } });
    const booking = (await created.json()) as { id: number; reference: string };

    const { page, problems } = await openApp(chromium(), host, '#/desk');
    await expectAccessible(page, 'desk sign-in');
    await screenshot(page, 'desk-sign-in');
    expect(await page.getByRole('heading', { name: 'Bookings' }).count()).toBe(0);
    await page.getByLabel('Function key', { exact: true }).fill('not-the-key');
    await page.getByLabel('Function key', { exact: true }).press('Enter');
    await expect.poll(() => page.getByRole('alert').innerText().catch(() => '')).toBe('The key was refused.');
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

    await page.getByLabel('Function key', { exact: true }).fill(host.key);
    await page.getByRole('button', { name: 'Open the desk' }).click();
    await page.getByRole('heading', { name: 'Bookings' }).waitFor();
    const bookings = page.locator('section[aria-labelledby="desk-bookings"]');
    await expect.poll(() => bookings.innerText().catch(() => '')).toContain(booking.reference);
    // The key lives in this tab's session storage only: not in the page, not in localStorage.
    expect(await page.content()).not.toContain(host.key);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(host.key);
    await page.reload();
    await page.getByRole('heading', { name: 'Bookings' }).waitFor();

    await page.getByLabel('Passenger name').fill('Li Lei');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: `History ${booking.reference}` }).click();
    const history = page.getByRole('region', { name: `History of ${booking.reference}` });
    await expect.poll(() => history.innerText().catch(() => '')).toContain('create');

    // Load factors: one bar per flight the flights API lists for the route and date.
    await page.getByLabel('Date', { exact: true }).fill(date);
    await page.getByRole('button', { name: 'Show' }).click();
    const flights = (await (await host.fetch(`/flights?from=PEK&to=SHA&date=${date}&limit=200`)).json()) as {
      flight_number: string;
      cabins: Record<string, { capacity: number; seats_left: number }>;
    }[];
    await expect.poll(() => page.locator('#load-caption').innerText()).toContain(date);
    await expect.poll(() => page.locator('.chart rect').count()).toBe(flights.length);
    const loads = page.locator('section[aria-labelledby="desk-load"]');
    const cabins = Object.values(flights.find((f) => f.flight_number === 'CA1501')!.cabins);
    const sold = cabins.reduce((n, c) => n + c.capacity - c.seats_left, 0) / cabins.reduce((n, c) => n + c.capacity, 0);
    expect(sold).toBeGreaterThan(0);
    expect(await loads.innerText()).toContain(`CA1501\t07:00 PEK→SHA\t${(sold * 100).toFixed(1)}%`);
    await screenshot(page, 'desk');
    await page.locator('.chart').scrollIntoViewIfNeeded();
    await screenshot(page, 'desk-load-factors');
    await expectAccessible(page, 'desk');

    const replies = await page.locator('.entry.from-assistant').count();
    await page.getByLabel('Your message').fill('find bookings for Li Lei');
    await page.getByLabel('Your message').press('Enter');
    await page.locator('.entry.from-assistant').nth(replies).waitFor({ timeout: 20_000 });
    expect(await page.locator('.entry.from-assistant').last().innerText()).toContain(booking.reference);

    await page.getByRole('button', { name: 'Forget the key' }).click();
    await page.getByLabel('Function key', { exact: true }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(problems).toEqual([]);
  }, 180_000);
});
