import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { latheUrl } from './fixture';

export interface OpenWorkbench {
  browser: Browser;
  page: Page;
  /** Console errors and CSP violations seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** Connects to the run's shared Chromium and opens Lathe in a fresh browser context. */
export async function openWorkbench(): Promise<OpenWorkbench> {
  const browser = await chromium.connect(inject('chromiumEndpoint'));
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(await latheUrl());
  await page.getByTestId('statusbar-workspace').waitFor();
  return {
    browser,
    page,
    problems,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

/** Runs a command from the palette by typing its title, as a user would. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.getByTestId('command-palette-input');
  await input.waitFor();
  await input.fill(title);
  // Wait for the filtered list: Enter on a list not yet filtered would run another command.
  await page.getByTestId('command-palette').getByRole('option').first().filter({ hasText: title }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('command-palette').waitFor({ state: 'hidden' });
}

/** The editor of the focused group (or of the group at `groupIndex`, left to right). */
export function editorIn(page: Page, groupIndex?: number) {
  const groups = page.getByTestId('editor-group');
  const group = groupIndex === undefined ? page.locator('[data-testid="editor-group"][data-active="true"]') : groups.nth(groupIndex);
  return group.getByTestId('editor');
}

/** The text Monaco shows (it renders spaces as non-breaking spaces; they come back as spaces). */
export async function editorText(page: Page, groupIndex?: number): Promise<string> {
  const text = await editorIn(page, groupIndex).locator('.view-lines').textContent();
  return (text ?? '').replaceAll('\u00a0', ' ');
}
