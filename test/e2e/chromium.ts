import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Flags for a headless Chromium on a machine without a network or a GPU. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The browser to drive: LATHE_CHROMIUM, then Debian's /usr/bin/chromium, then Playwright's own download. */
export function findChromium(): string {
  const candidates = [process.env.LATHE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const bundled = chromium.executablePath();
    if (existsSync(bundled)) return bundled;
  } catch {
    // playwright-core has no browser of its own unless `npx playwright install chromium` was run
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere: `npx playwright install chromium`) or point LATHE_CHROMIUM at a Chromium or Chrome binary.',
  );
}
