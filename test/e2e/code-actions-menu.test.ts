import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceDir } from './fixture';
import { repoRoot } from './lathe-server';
import { editorText, openWorkbench, type OpenWorkbench } from './open-workbench';

let workbench: OpenWorkbench;

beforeAll(async () => {
  // A value left out: Monaco's JSON service puts an error marker on the closing brace.
  writeFileSync(join(workspaceDir, 'broken.json'), '{\n  "name": "lathe",\n  "version":\n}\n');
  workbench = await openWorkbench();
});

afterAll(async () => {
  await workbench?.close();
});

const menuRows = (page: Page) => page.locator('.action-widget .monaco-list-row.action');

/** Each row's title, and whether the menu cuts it short (the text is wider than the room it is given). */
function rowTitles(page: Page): Promise<{ title: string; cut: boolean }[]> {
  return menuRows(page)
    .locator('.title')
    .evaluateAll((titles) => titles.map((title) => ({ title: title.textContent ?? '', cut: title.scrollWidth > title.clientWidth })));
}

describe('the code-action menu', () => {
  it('shows a quick fix on a marker with its whole title', async () => {
    const { page } = workbench;
    await page.keyboard.press('Control+P');
    await page.getByTestId('quick-open-input').fill('broken.json');
    await page.locator('[data-path="broken.json"]').first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page)).toContain('"version":');
    await page.locator('.view-overlays .squiggly-error').first().waitFor({ timeout: 15_000 });
    // The marker is on the closing brace, line 4.
    await page.locator('.view-lines .view-line').filter({ hasText: '}' }).click();
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByTestId('statusbar-cursor').textContent()).toBe('Ln 4, Col 1');
    await page.keyboard.press('Control+.');
    await menuRows(page).first().waitFor();
    expect(await rowTitles(page)).toEqual([{ title: 'Fix with AI', cut: false }]);
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'test-results', 'code-actions-menu.png') });
    await page.keyboard.press('Escape');
    await menuRows(page).first().waitFor({ state: 'detached' });
  });

  it('shows the AI actions on a selection with their whole titles', async () => {
    const { page } = workbench;
    await page.locator('.view-lines .view-line').filter({ hasText: '"name"' }).click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Control+.');
    await expect.poll(() => rowTitles(page)).toEqual(
      ['Explain with AI', 'Review selection', 'Generate documentation', 'Generate tests'].map((title) => ({ title, cut: false })),
    );
    await page.keyboard.press('Escape');
  });

  it('saw no console error or CSP violation', () => {
    expect(workbench.problems).toEqual([]);
  });
});
