/** Helpers for the web app's browser tests: a page on the test host that may reach nothing else, axe, screenshots. */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from '../support/chromium';
import type { TestHost } from '../support/host';

/** Chromium for the test file that calls it: launched before its tests, closed after them. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/** The web app's address on a test host: the site root (the API is under /api). */
export function appUrl(host: TestHost, path = ''): string {
  return `${new URL(host.baseUrl).origin}/${path}`;
}

export interface AppPage {
  page: Page;
  /** Requests the page tried to make to any other origin (blocked), and script errors. */
  problems: string[];
}

/** A fresh browser context (own storage) on the app; requests to any other origin are blocked and recorded. */
export async function openApp(browser: Browser, host: TestHost, hash = '', options: BrowserContextOptions & { fakeClock?: boolean } = {}): Promise<AppPage> {
  const { fakeClock, ...contextOptions } = options;
  const context = await browser.newContext({ locale: 'en-US', ...contextOptions });
  // The page's clock runs on, but a test can jump it forward (page.clock.fastForward).
  if (fakeClock) await context.clock.install();
  const origin = new URL(host.baseUrl).origin;
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    problems.push(`third-party request: ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(appUrl(host, hash));
  await page.locator('#view-heading').waitFor();
  return { page, problems };
}

/** axe-core on the page as it is now: no serious or critical violations. */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
  expect(bad, `axe on ${view}`).toEqual([]);
}

/** With SCREENSHOTS=<dir> (npm run screenshots), saves the page for the README. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), scale: 'css' });
}
