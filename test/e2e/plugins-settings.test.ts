import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userDataDir, workspaceDir } from './fixture';
import { repoRoot } from './lathe-server';
import { openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';
import { installPlugin, pluginFixtures, waitForLog } from './plugins-support';

let workbench: OpenWorkbench;
const echo = 'lathe-tests.settings-echo';
const userSettings = join(userDataDir, 'settings.json');

beforeAll(async () => {
  // Set before the plugin is installed: the plugin must start with it, not with its default.
  mkdirSync(userDataDir, { recursive: true });
  writeFileSync(userSettings, '{\n  "settings-echo.count": 5\n}\n');
  writeFileSync(join(workspaceDir, 'notes.md'), `${'word '.repeat(600).trim()}\n`);
  workbench = await openWorkbench();
  await installPlugin(workbench.page, join(pluginFixtures, 'settings-echo'), echo);
});

afterAll(async () => {
  await workbench.close();
});

const row = (key: string) => workbench.page.locator(`[data-testid="setting-row"][data-key="${key}"]`);
const statusText = (id: string) => workbench.page.locator(`[data-testid="plugin-status-item"][data-id="${id}"]`).textContent();

async function setNumber(key: string, value: number): Promise<void> {
  const input = row(key).locator('input');
  await input.fill(String(value));
  await input.press('Enter');
}

describe('settings contributed by plugins', () => {
  it('starts the plugin with the value set in settings.json, not the default', async () => {
    await waitForLog(workbench.page, echo, 'ACTIVATED Hello x5 loud=false other=undefined');
    await expect.poll(() => statusText('settings-echo.status')).toBe('Hello x5 loud=false other=undefined');
  });

  it('lists them in a group of their own, searchable, showing the value in effect', async () => {
    const { page } = workbench;
    await runFromPalette(page, 'Open Settings');
    const group = page.locator(`[data-group="plugin:${echo}"]`);
    await expect.poll(() => group.locator('h3').textContent()).toBe('Settings Echo');
    await expect.poll(() => group.getByTestId('setting-row').evaluateAll((rows) => rows.map((element) => element.getAttribute('data-key')))).toEqual([
      'settings-echo.greeting',
      'settings-echo.count',
      'settings-echo.loud',
    ]);
    expect(await row('settings-echo.count').locator('input').inputValue()).toBe('5');
    expect(await row('settings-echo.count').getAttribute('class')).toContain('modified');
    expect(await row('word-count.wordsPerMinute').locator('input').inputValue()).toBe('200');

    await page.getByTestId('settings-search').fill('greets');
    await expect.poll(() => page.getByTestId('setting-row').evaluateAll((rows) => rows.map((element) => element.getAttribute('data-key')))).toEqual([
      'settings-echo.greeting',
      'settings-echo.count',
    ]);
    await page.getByTestId('settings-search').fill('settings echo');
    await expect.poll(() => page.getByTestId('setting-row').count()).toBe(3);
    await page.screenshot({ path: join(repoRoot, 'test-results', 'plugins-settings.png') });
    await page.getByTestId('settings-search').fill('');
  });

  it('delivers a change made in the Settings view to the plugin, which hears of its own settings only', async () => {
    const { page } = workbench;
    await setNumber('settings-echo.count', 7);
    await expect.poll(() => statusText('settings-echo.status')).toBe('Hello x7 loud=false other=undefined');
    await row('settings-echo.greeting').locator('select').selectOption('Hi');
    await row('settings-echo.loud').locator('input[type="checkbox"]').click();
    await expect.poll(() => statusText('settings-echo.status')).toBe('Hi x7 loud=true other=undefined');
    expect(readFileSync(userSettings, 'utf8')).toMatch(/"settings-echo\.count": 7[\s\S]*"settings-echo\.greeting": "Hi"[\s\S]*"settings-echo\.loud": true/);

    // Another plugin's setting changes: this plugin is told nothing.
    await setNumber('word-count.wordsPerMinute', 150);
    await expect.poll(() => readFileSync(userSettings, 'utf8')).toContain('"word-count.wordsPerMinute": 150');
    await setNumber('settings-echo.count', 8);
    const log = await waitForLog(page, echo, 'CHANGED settings-echo.count', 10_000);
    const changes = log.split('\n').filter((line) => line.includes('CHANGED'));
    expect(changes.map((line) => line.slice(line.indexOf('CHANGED')))).toEqual([
      'CHANGED settings-echo.count',
      'CHANGED settings-echo.greeting',
      'CHANGED settings-echo.loud',
      'CHANGED settings-echo.count',
    ]);
    // The log showed in the Plugins view; the next checks edit settings again.
    await runFromPalette(page, 'Open Settings');
  });

  it('refuses a value outside the manifest bounds in the view and leaves the file alone', async () => {
    const before = readFileSync(userSettings, 'utf8');
    await setNumber('settings-echo.count', 11);
    await expect.poll(() => row('settings-echo.count').locator('input').getAttribute('aria-invalid')).toBe('true');
    expect(readFileSync(userSettings, 'utf8')).toBe(before);
    await row('settings-echo.count').locator('input').press('Escape');
  });

  it('reports a value of the wrong type written in settings.json, and gives the plugin the default', async () => {
    const { page } = workbench;
    writeFileSync(userSettings, '{\n  "settings-echo.count": "many"\n}\n');
    await expect.poll(() => statusText('settings-echo.status')).toBe('Hello x3 loud=false other=undefined');
    await expect.poll(() => row('settings-echo.count').locator('.setting-issue').textContent()).toContain('settings-echo.count:');
    await page.getByTestId('panel-tab-problems').click();
    await expect.poll(() => page.getByTestId('problems-view').textContent()).toContain('settings-echo.count:');
  });

  it("updates word-count's reading time when word-count.wordsPerMinute changes in the Settings view", async () => {
    const { page } = workbench;
    await page.getByTestId('activity-explorer').click();
    await page.getByText('notes.md', { exact: true }).click();
    await expect.poll(() => statusText('word-count.status'), { timeout: 15_000 }).toContain('600 words · 3 min');
    await runFromPalette(page, 'Open Settings');
    await setNumber('word-count.wordsPerMinute', 100);
    await expect.poll(() => statusText('word-count.status')).toContain('600 words · 6 min');
  });
});
