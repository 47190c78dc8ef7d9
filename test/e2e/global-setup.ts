import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumArgs, findChromium } from './chromium';
import { repoRoot, startLathe, type RunningLathe } from './lathe-server';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumEndpoint: string;
    latheUrl: string;
    workspaceDir: string;
    userDataDir: string;
  }
}

let browser: BrowserServer | undefined;
let lathe: RunningLathe | undefined;

/** One Chromium and one Lathe (on a private copy of the fixture workspace) for the whole e2e run. */
export async function setup(project: TestProject): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'lathe-e2e-'));
  const workspaceDir = join(scratch, 'fixture-workspace');
  cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), workspaceDir, { recursive: true });
  const userDataDir = join(scratch, 'profile');
  browser = await chromium.launchServer({ executablePath: findChromium(), args: chromiumArgs, headless: true });
  lathe = await startLathe(workspaceDir, userDataDir);
  project.provide('chromiumEndpoint', browser.wsEndpoint());
  project.provide('latheUrl', lathe.url);
  project.provide('workspaceDir', workspaceDir);
  project.provide('userDataDir', userDataDir);
}

export async function teardown(): Promise<void> {
  await lathe?.stop();
  await browser?.close();
}
