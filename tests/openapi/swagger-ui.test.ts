import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsRun, launchChromium } from '../support/chromium';
import { startHost, type TestHost } from '../support/host';

const hasChromium = browserTestsRun('Swagger UI browser test');

let host: TestHost;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  host = await startHost();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('Swagger UI', () => {
  it.skipIf(!hasChromium)('renders every operation of the document in a real browser', async () => {
    const doc = (await (await host.fetch('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(doc.paths).reduce((count, item) => count + Object.keys(item).length, 0);
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('requestfailed', (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
    await page.goto(`${host.baseUrl}/docs`);
    await page.locator('.opblock').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(operations);
    await expect.poll(() => page.getByText('Search itineraries between two cities or airports').isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/swagger-ui.png', fullPage: false });
    expect(failures).toEqual([]);
  }, 120_000);
});
