import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';
import { userDataDir } from './fixture';

let workbench: OpenWorkbench;

beforeAll(async () => {
  workbench = await openWorkbench();
});

afterAll(async () => {
  await workbench.close();
});

describe('settings view', () => {
  it('lists every setting, filters by search, and writes a change to the user file', async () => {
    const { page } = workbench;
    await runFromPalette(page, 'Open Settings');
    const rows = page.getByTestId('setting-row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(8);
    await page.getByTestId('settings-search').fill('tab size');
    await expect.poll(() => rows.count()).toBe(1);
    const tabSize = page.locator('[data-testid="setting-row"][data-key="editor.tabSize"] input');
    await tabSize.fill('3');
    await tabSize.press('Enter');
    await expect
      .poll(() => readFileSync(join(userDataDir, 'settings.json'), 'utf8'))
      .toMatch(/"editor\.tabSize": 3/);
    await expect.poll(() => page.locator('[data-testid="setting-row"][data-key="editor.tabSize"]').getAttribute('class')).toContain('modified');
  });

  it('refuses an out-of-range number in the UI and leaves the file alone', async () => {
    const { page } = workbench;
    const before = readFileSync(join(userDataDir, 'settings.json'), 'utf8');
    const tabSize = page.locator('[data-testid="setting-row"][data-key="editor.tabSize"] input');
    await tabSize.fill('99');
    await tabSize.press('Enter');
    await expect.poll(() => tabSize.getAttribute('aria-invalid')).toBe('true');
    expect(readFileSync(join(userDataDir, 'settings.json'), 'utf8')).toBe(before);
    await tabSize.press('Escape');
  });

  it('resets a setting by removing it from the file', async () => {
    const { page } = workbench;
    await page.locator('[data-testid="setting-row"][data-key="editor.tabSize"] .setting-reset').click();
    await expect.poll(() => readFileSync(join(userDataDir, 'settings.json'), 'utf8')).not.toContain('editor.tabSize');
    await runFromPalette(page, 'Show Explorer');
  });
});
