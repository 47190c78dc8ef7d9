import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumArgs, findChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumEndpoint: string;
  }
}

let browser: BrowserServer | undefined;

/** One Chromium for the whole e2e run; each test file connects to it (and starts its own Lathe, see fixture.ts). */
export async function setup(project: TestProject): Promise<void> {
  browser = await chromium.launchServer({ executablePath: findChromium(), args: chromiumArgs, headless: true });
  project.provide('chromiumEndpoint', browser.wsEndpoint());
}

export async function teardown(): Promise<void> {
  await browser?.close();
}
