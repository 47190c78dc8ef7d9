import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from './lathe-server';

export const pluginFixtures = join(repoRoot, 'test', 'fixtures', 'plugins');

/** A copy of a fixture plugin with `__NAME__` placeholders of its main script replaced (a port, say). */
export function preparedFixture(name: string, values: Record<string, string> = {}): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'lathe-plugin-')), name);
  cpSync(join(pluginFixtures, name), folder, { recursive: true });
  const main = join(folder, 'main.js');
  let text = readFileSync(main, 'utf8');
  for (const [key, value] of Object.entries(values)) text = text.replaceAll(`__${key}__`, value);
  writeFileSync(main, text);
  return folder;
}

/** Shows the Plugins view (from the activity bar, as a user would). */
export async function showPlugins(page: Page): Promise<void> {
  if (await page.getByTestId('plugins-view').isVisible()) return;
  await page.getByTestId('activity-plugins').click();
  await page.getByTestId('plugins-view').waitFor();
}

export const pluginRow = (page: Page, id: string) => page.locator(`[data-testid="plugin-row"][data-id="${id}"]`);

/** Installs a plugin from its folder through the Plugins view and approves what it asks for. */
export async function installPlugin(page: Page, folder: string, id: string): Promise<void> {
  await showPlugins(page);
  await page.getByTestId('plugin-install-path').fill(folder);
  await page.getByTestId('plugin-install').click();
  await page.getByTestId('plugin-approval').waitFor();
  await page.getByTestId('plugin-approve').click();
  await page.getByTestId('plugin-approval').waitFor({ state: 'hidden' });
  await page.locator(`[data-testid="plugin-row"][data-id="${id}"][data-state="ready"]`).waitFor();
}

/** The plugin's Output channel, as the panel shows it after "Show Log". */
export async function pluginLog(page: Page, id: string): Promise<string> {
  await showPlugins(page);
  await pluginRow(page, id).getByTestId('plugin-log').click();
  return (await page.getByTestId('output-channel').textContent()) ?? '';
}

/** Waits until the plugin's log contains `text`, and returns the log. */
export async function waitForLog(page: Page, id: string, text: string, timeout = 10_000): Promise<string> {
  let log = '';
  await expect
    .poll(
      async () => {
        log = await pluginLog(page, id);
        return log;
      },
      { timeout },
    )
    .toContain(text);
  return log;
}
