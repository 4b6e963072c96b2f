import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it). Never `playwright install`. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether browser tests run. Without Chromium they skip on a developer's machine, saying so; under
 * CI=true they run anyway, so a missing browser fails them instead of passing silently.
 */
export function browserTestsRun(what: string): boolean {
  if (fs.existsSync(chromiumPath) || process.env.CI === 'true') return true;
  console.warn(`${what} skipped: ${chromiumPath} not found (apt-get install -y chromium); under CI=true this fails`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    // Playwright gives each launch a fresh temporary profile; nothing here reaches the network on its own.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
