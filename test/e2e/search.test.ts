import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, type OpenWorkbench } from './open-workbench';
import { workspaceDir } from './fixture';

let workbench: OpenWorkbench;
const fixture = (name: string) => join(workspaceDir, 'searchfixture', name);

beforeAll(async () => {
  mkdirSync(join(workspaceDir, 'searchfixture'), { recursive: true });
  writeFileSync(fixture('alpha.txt'), 'quokkalantern one\n  second quokkalantern and Quokkalantern\n');
  writeFileSync(fixture('beta.md'), '# Title\n\nthe quokkalantern — naïve 😀 quokkalantern\n');
  writeFileSync(fixture('gamma.txt'), 'nothing to see\n');
  workbench = await openWorkbench();
});

afterAll(async () => {
  await workbench.close();
});

/** Ctrl+Shift+F, until the search box has the focus. */
async function showSearch(): Promise<void> {
  const { page } = workbench;
  await expect
    .poll(async () => {
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
      if (focused !== 'search-input') await page.keyboard.press('Control+Shift+F');
      return page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    })
    .toBe('search-input');
}

const filePaths = () =>
  workbench.page.getByTestId('search-file').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-path')).sort());

describe('find in files', () => {
  it('finds a word across files, grouped per file with the match highlighted', async () => {
    const { page } = workbench;
    await showSearch();
    await page.getByTestId('search-input').fill('quokkalantern');
    await expect.poll(filePaths).toEqual(['searchfixture/alpha.txt', 'searchfixture/beta.md']);
    const alpha = page.locator('[data-testid="search-file"][data-path="searchfixture/alpha.txt"]');
    expect(await alpha.getByTestId('search-file-count').textContent()).toBe('3');
    await expect.poll(() => page.getByTestId('search-match').count()).toBe(5);
    const highlights = await page.locator('.search-highlight').allTextContents();
    expect(new Set(highlights.map((text) => text.toLowerCase()))).toEqual(new Set(['quokkalantern']));
    await expect.poll(() => page.getByTestId('search-message').textContent()).toBe('5 results in 2 files');
    if (process.env.LATHE_SEARCH_SHOTS) await page.screenshot({ path: join(process.env.LATHE_SEARCH_SHOTS, 'search-results.png') });

    // Match Case leaves out the capitalised one.
    await page.getByTestId('search-toggle-matchCase').click();
    expect(await page.getByTestId('search-toggle-matchCase').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('search-match').count()).toBe(4);
    await page.getByTestId('search-toggle-matchCase').click();
    await expect.poll(() => page.getByTestId('search-match').count()).toBe(5);

    // A file row collapses its matches.
    await alpha.click();
    await expect.poll(() => page.getByTestId('search-match').count()).toBe(2);
    await alpha.click();
    await expect.poll(() => page.getByTestId('search-match').count()).toBe(5);
  });

  it('opens the file of a clicked match', async () => {
    const { page } = workbench;
    await page.locator('[data-testid="search-file"][data-path="searchfixture/beta.md"] + [data-testid="search-match"]').click();
    await expect
      .poll(() => page.locator('[data-testid="tab"][aria-selected="true"]').getAttribute('data-path'))
      .toBe('searchfixture/beta.md');
  });

  it('shows an invalid regular expression under the box', async () => {
    const { page } = workbench;
    await showSearch();
    await page.getByTestId('search-toggle-isRegex').click();
    await page.getByTestId('search-input').fill('quokka(lantern');
    await expect.poll(() => page.getByTestId('search-error').textContent()).toContain('unclosed group');
    expect(await page.getByTestId('search-file').count()).toBe(0);
    await page.getByTestId('search-input').fill('quokka(lantern)');
    await page.getByTestId('search-error').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('search-match').count()).toBe(5);
  });

  it('replaces across files after a confirmation, writing to disk', async () => {
    const { page } = workbench;
    // Regex mode is still on: the group is kept through $1.
    await page.getByTestId('search-toggle-matchCase').click();
    await expect.poll(() => page.getByTestId('search-match').count()).toBe(4);
    await page.getByTestId('replace-input').fill('otter$1');
    let confirmText = '';
    page.once('dialog', (dialog) => {
      confirmText = dialog.message();
      void dialog.accept();
    });
    await page.getByTestId('replace-all').click();
    await expect.poll(() => readFileSync(fixture('alpha.txt'), 'utf8')).toBe('otterlantern one\n  second otterlantern and Quokkalantern\n');
    // Files are replaced one after another: the second may land a moment later.
    await expect.poll(() => readFileSync(fixture('beta.md'), 'utf8')).toBe('# Title\n\nthe otterlantern — naïve 😀 otterlantern\n');
    expect(confirmText).toContain('4 occurrences across 2 files');
    expect(confirmText).toContain('searchfixture/alpha.txt (2)');
    // The search runs again: only the capitalised one is left.
    await expect.poll(() => page.getByTestId('search-match').count()).toBe(0);
    await page.getByTestId('search-toggle-matchCase').click();
    await expect.poll(filePaths).toEqual(['searchfixture/alpha.txt']);
  });

  it('reports no problems in the console', () => {
    expect(workbench.problems).toEqual([]);
  });
});
