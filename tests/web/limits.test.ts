/**
 * The traveller's web app when the API's limits answer 429: the traveller reads what to do in their own
 * words (not an error dump), in Debian's Chromium against a real host with one turn a minute per conversation.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { browserTestsRun } from '../support/chromium';
import { useHost } from '../support/host';
import { openApp, useChromium } from './browser';

const run = browserTestsRun('Web app limit tests');

describe.skipIf(!run)('traveller web app over a limit', () => {
  const host = useHost({ env: { ASSISTANT_TURNS_PER_MINUTE_PER_CONVERSATION: '1' } });
  const chromium = useChromium();

  it('a second message in the minute is answered with when to send it again, and nothing else happens', async () => {
    // Both messages must fall in one minute window.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 20_000) await sleep(left + 200);
    const { page, problems } = await openApp(chromium(), host);
    const box = page.getByLabel('Your message');
    await box.fill('flights from Beijing to Shanghai tomorrow');
    await box.press('Enter');
    await page.locator('.entry.from-assistant').first().waitFor({ timeout: 20_000 });

    await box.fill('the first one');
    await box.press('Enter');
    const alert = page.locator('.entry.from-error [role=alert]');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.innerText()).toMatch(/^That was a lot of messages at once — please wait \d{1,2} s and send it again\.$/);
    expect(await page.locator('.entry.from-assistant').count()).toBe(1);
    expect(problems).toEqual([]);
  }, 90_000);
});
