/**
 * The traveller's web app in Debian's Chromium against a real host: booking by clicking a card and by
 * typing alone, the language switch, a phone-sized screen; axe on each view. Outcomes are checked over REST.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTestsRun } from '../support/chromium';
import { useHost } from '../support/host';
import { expectAccessible, openApp, screenshot, useChromium } from './browser';

const run = browserTestsRun('Web app browser tests');

/** Sends a message the way a person does: types it into the message box and presses Enter. */
async function say(page: Page, text: string, label = 'Your message'): Promise<void> {
  const replies = await page.locator('.entry.from-assistant').count();
  await page.getByLabel(label).fill(text);
  await page.getByLabel(label).press('Enter');
  await page.locator('.entry.from-assistant').nth(replies).waitFor({ timeout: 20_000 });
}

describe.skipIf(!run)('traveller web app', () => {
  const host = useHost();
  const chromium = useChromium();

  it('search, pick a card, confirm: the booking exists over REST', async () => {
    const { page, problems } = await openApp(chromium(), host);
    await expectAccessible(page, 'traveller chat (empty)');
    await say(page, 'flights from Beijing to Shanghai tomorrow');
    const cards = page.getByRole('list', { name: 'Flight options' }).getByRole('button');
    expect(await cards.count()).toBeGreaterThan(2);
    const card = cards.nth(2);
    const cardText = await card.innerText();
    expect(cardText).toMatch(/\d\d:\d\d PEK|\d\d:\d\d PKX/);
    expect(cardText).toMatch(/\dh \d\dm/);
    expect(cardText).toMatch(/Direct|stop/);
    expect(cardText).toMatch(/for 1 passenger/);
    expect(cardText).toMatch(/\d+ seats left/);
    const flightNumber = /\b([A-Z0-9]{2}\d{3,4})\b/.exec(cardText)![1]!;

    const replies = await page.locator('.entry.from-assistant').count();
    await card.click();
    await page.locator('.entry.from-assistant').nth(replies).waitFor();
    await expect.poll(() => page.locator('.entry.from-user').last().innerText()).toMatch(/option 3$/);
    await say(page, 'passenger Chen Qi');

    const confirm = page.getByRole('button', { name: 'Confirm', exact: true });
    await confirm.waitFor();
    expect(await confirm.evaluate((el) => el === document.activeElement), 'focus moves to Confirm').toBe(true);
    const proposal = page.locator('.proposal').last();
    expect(await proposal.innerText()).toContain(flightNumber);
    expect(await proposal.innerText()).toMatch(/Expires in \d+:\d\d/);
    await screenshot(page, 'traveller-proposal');
    await expectAccessible(page, 'traveller chat with cards and a proposal');

    await confirm.click();
    const reference = await page.locator('.outcome .reference').innerText();
    expect(reference).toMatch(/^[A-Z0-9]{6}$/);
    await screenshot(page, 'traveller-booked');

    const booking = await host.fetch(`/bookings/reference/${reference}?last_name=Chen`);
    expect(booking.status).toBe(200);
    const body = (await booking.json()) as { status: string; passengers: { name: string }[]; segments: { flight_number: string }[] };
    expect(body.status).toBe('confirmed');
    expect(body.passengers[0]!.name).toBe('Chen Qi');
    expect(body.segments[0]!.flight_number).toBe(flightNumber);

    // The outcome leads to My booking, looked up already.
    await page.getByRole('link', { name: 'Choose a seat or manage this booking' }).click();
    await expect.poll(() => page.locator('#booking-heading').innerText().catch(() => '')).toContain(reference);
    expect(problems).toEqual([]);
  }, 180_000);

  it('the same by keyboard and typing alone', async () => {
    const { page, problems } = await openApp(chromium(), host);
    const message = page.getByLabel('Your message');
    // Skip link, three views, the language switch, then the message box.
    for (let presses = 0; presses < 8 && !(await message.evaluate((el) => el === document.activeElement)); presses++) await page.keyboard.press('Tab');
    expect(await message.evaluate((el) => el === document.activeElement), 'the message box is reached with Tab').toBe(true);

    await page.keyboard.type('Book me a flight from Beijing to Shanghai tomorrow morning, passenger Zhang San');
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('button', { name: 'Confirm', exact: true });
    await confirm.waitFor({ timeout: 20_000 });
    // From Confirm, Cancel and then the message box again.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await message.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('yes');
    await page.keyboard.press('Enter');
    const reference = await page.locator('.outcome .reference').innerText({ timeout: 20_000 });

    const booking = await host.fetch(`/bookings/reference/${reference}?last_name=Zhang`);
    expect(booking.status).toBe(200);
    expect(((await booking.json()) as { passengers: { name: string }[] }).passengers[0]!.name).toBe('Zhang San');
    expect(problems).toEqual([]);
  }, 180_000);

  it('counts the proposal down and closes it when it expires', async () => {
    const { page, problems } = await openApp(chromium(), host, '', { fakeClock: true });
    await say(page, 'book a flight from Shanghai to Beijing tomorrow for Wang Wu');
    const confirm = page.getByRole('button', { name: 'Confirm', exact: true });
    await confirm.waitFor();
    const countdown = page.locator('.proposal .countdown');
    const before = await countdown.innerText();
    expect(before).toMatch(/^Expires in 1[45]:\d\d$/);
    await page.clock.fastForward('01:00');
    await expect.poll(() => countdown.innerText()).not.toBe(before);
    await page.clock.fastForward('15:00');
    await expect.poll(() => page.locator('.proposal').innerText()).toContain('This offer has expired');
    expect(await confirm.count()).toBe(0);
    expect(problems).toEqual([]);
  }, 180_000);

  it('switches to Chinese and remembers it', async () => {
    const { page, problems } = await openApp(chromium(), host);
    expect(await page.locator('h1').innerText()).toBe('Chat with the booking assistant');
    await page.getByRole('button', { name: /Switch to Chinese/ }).click();
    expect(await page.locator('h1').innerText()).toBe('与订票助手对话');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.reload();
    await page.locator('h1').waitFor();
    expect(await page.locator('h1').innerText()).toBe('与订票助手对话');

    await say(page, '明天北京到上海的航班', '您的消息');
    const cards = page.getByRole('list', { name: '航班选项' }).getByRole('button');
    expect(await cards.first().innerText()).toMatch(/余 \d+ 座/);
    expect(await cards.first().innerText()).toMatch(/\d+小时\d\d分/);
    expect(await page.locator('.entry.from-assistant').last().innerText()).toMatch(/航班/);
    await screenshot(page, 'traveller-zh');
    await expectAccessible(page, 'traveller chat in Chinese');

    await page.getByRole('button', { name: /切换到英文/ }).click();
    expect(await page.locator('h1').innerText()).toBe('Chat with the booking assistant');
    expect(problems).toEqual([]);
  }, 180_000);

  it('fits a phone screen', async () => {
    const { page, problems } = await openApp(chromium(), host, '', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await say(page, 'flights from Shanghai to Beijing tomorrow');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
    const box = await page.getByRole('list', { name: 'Flight options' }).getByRole('button').first().boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    expect(await page.getByRole('link', { name: 'My booking' }).isVisible()).toBe(true);
    await screenshot(page, 'phone');
    await expectAccessible(page, 'phone');
    expect(problems).toEqual([]);
  }, 180_000);
});
