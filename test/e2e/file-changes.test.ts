import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, openWorkbench, type OpenWorkbench } from './open-workbench';
import { workspaceDir } from './fixture';

let workbench: OpenWorkbench;
let folder: string;

beforeAll(async () => {
  folder = join(workspaceDir, 'watched');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'clean.txt'), 'clean line one\n');
  writeFileSync(join(folder, 'dirty.txt'), 'dirty line one\n');
  workbench = await openWorkbench();
});

afterAll(async () => {
  await workbench.close();
});

const row = (path: string) => workbench.page.locator(`[role="treeitem"][data-path="${path}"]`);

async function openFromExplorer(name: string): Promise<void> {
  const { page } = workbench;
  await row(`watched/${name}`).click();
  await expect.poll(() => page.getByTestId('tab').filter({ hasText: name }).count()).toBe(1);
}

describe('changes on disk', () => {
  it('shows a file created on disk in the explorer', async () => {
    await row('watched').click();
    await row('watched/clean.txt').waitFor();
    writeFileSync(join(folder, 'appeared-on-disk.txt'), 'new\n');
    await expect
      .poll(() => row('watched/appeared-on-disk.txt').count(), { timeout: 10_000 })
      .toBe(1);
  });

  it('reloads a clean open file edited on disk', async () => {
    const { page } = workbench;
    await openFromExplorer('clean.txt');
    await expect.poll(() => editorText(page)).toContain('clean line one');
    writeFileSync(join(folder, 'clean.txt'), 'clean line one\nadded outside\n');
    await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain('added outside');
    const tab = page.getByTestId('tab').filter({ hasText: 'clean.txt' });
    expect(await tab.getAttribute('data-dirty')).toBe('false');
    expect(await tab.getAttribute('data-conflict')).toBe('false');
  });

  it('keeps the typed text of a dirty open file edited on disk and flags the conflict', async () => {
    const { page } = workbench;
    await openFromExplorer('dirty.txt');
    await expect.poll(() => editorText(page)).toContain('dirty line one');
    await page.getByTestId('editor').locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('typed by the user');
    const tab = page.getByTestId('tab').filter({ hasText: 'dirty.txt' });
    await expect.poll(() => tab.getAttribute('data-dirty')).toBe('true');

    writeFileSync(join(folder, 'dirty.txt'), 'rewritten outside\n');
    await expect.poll(() => tab.getAttribute('data-conflict'), { timeout: 10_000 }).toBe('true');
    expect(await editorText(page)).toContain('typed by the user');
    expect(await editorText(page)).not.toContain('rewritten outside');
    await expect.poll(() => page.getByTestId('notification').filter({ hasText: 'dirty.txt changed on disk' }).count()).toBeGreaterThan(0);
  });
});
