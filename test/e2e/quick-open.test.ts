import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, type OpenWorkbench } from './open-workbench';

let workbench: OpenWorkbench;

beforeAll(async () => {
  workbench = await openWorkbench();
});

afterAll(async () => {
  await workbench.close();
});

/** Ctrl+P, until the input has the focus. */
async function showQuickOpen(): Promise<void> {
  const { page } = workbench;
  const overlay = page.getByTestId('quick-open');
  await expect
    .poll(async () => {
      if (!(await overlay.isVisible())) await page.keyboard.press('Control+P');
      return page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    })
    .toBe('quick-open-input');
}

async function quickOpen(query: string, expectedFirst: string): Promise<void> {
  const { page } = workbench;
  await showQuickOpen();
  const input = page.getByTestId('quick-open-input');
  await input.fill(query);
  const first = page.getByTestId('quick-open').getByRole('option').first();
  await expect.poll(() => first.getAttribute('data-path')).toBe(expectedFirst);
  await page.keyboard.press('Enter');
  await page.getByTestId('quick-open').waitFor({ state: 'hidden' });
}

const activeTab = () => workbench.page.locator('[data-testid="tab"][aria-selected="true"]').getAttribute('data-path');

describe('quick open', () => {
  it('lists the workspace files with the folder shown dimmed', async () => {
    const { page } = workbench;
    await showQuickOpen();
    const overlay = page.getByTestId('quick-open');
    await expect.poll(() => overlay.getByRole('option').count()).toBeGreaterThanOrEqual(3);
    const row = overlay.locator('[role="option"][data-path="src/main.rs"]');
    await expect.poll(() => row.locator('.quick-open-folder').textContent()).toBe('src');
    await page.keyboard.press('Escape');
    await overlay.waitFor({ state: 'hidden' });
  });

  it('opens a file from a fuzzy query, highlighting the matched characters', async () => {
    const { page } = workbench;
    await showQuickOpen();
    await page.getByTestId('quick-open-input').fill('mnrs');
    const first = page.getByTestId('quick-open').getByRole('option').first();
    await expect.poll(() => first.getAttribute('data-path')).toBe('src/main.rs');
    expect(await first.locator('.highlight').allTextContents()).toEqual(['m', 'n', 'rs']);
    await page.keyboard.press('Enter');
    await page.getByTestId('quick-open').waitFor({ state: 'hidden' });
    await expect.poll(activeTab).toBe('src/main.rs');
  });

  it('goes to the line given after a colon', async () => {
    const { page } = workbench;
    // Start from another file, so the line is revealed after switching tabs too.
    await quickOpen('Cargo.toml', 'Cargo.toml');
    await expect.poll(activeTab).toBe('Cargo.toml');
    await quickOpen('main.rs:7', 'src/main.rs');
    await expect.poll(activeTab).toBe('src/main.rs');
    await expect.poll(() => page.getByTestId('statusbar-cursor').textContent()).toContain('Ln 7,');
  });

  it('offers the recently opened files first for an empty query', async () => {
    const { page } = workbench;
    await showQuickOpen();
    const options = page.getByTestId('quick-open').getByRole('option');
    await expect.poll(() => options.nth(1).getAttribute('data-path')).toBe('Cargo.toml');
    expect(await options.first().getAttribute('data-path')).toBe('src/main.rs');
    // The active file is first, so Enter goes back to the previous one.
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(activeTab).toBe('Cargo.toml');
  });

  it('reports no problems in the console', () => {
    expect(workbench.problems).toEqual([]);
  });
});
