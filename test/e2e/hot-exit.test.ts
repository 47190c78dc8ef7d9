import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, openWorkbench, type OpenWorkbench } from './open-workbench';
import { crashAndRestartLathe, userDataDir, workspaceDir } from './fixture';

const filePath = 'hotexit/notes.txt';
const diskText = 'kept on disk\n';
const typed = 'typed but never saved';
let file: string;
const workbenches: OpenWorkbench[] = [];

beforeAll(() => {
  const folder = join(workspaceDir, 'hotexit');
  mkdirSync(folder, { recursive: true });
  file = join(folder, 'notes.txt');
  writeFileSync(file, diskText);
});

afterAll(async () => {
  await Promise.all(workbenches.map((workbench) => workbench.close()));
});

/** The backup files of every workspace in the run's profile that hold `text`. */
function backupsHolding(text: string): string[] {
  const root = join(userDataDir, 'backups');
  if (!existsSync(root)) return [];
  const found: string[] = [];
  for (const workspace of readdirSync(root)) {
    for (const name of readdirSync(join(root, workspace))) {
      if (!name.endsWith('.json')) continue;
      const full = join(root, workspace, name);
      try {
        if (readFileSync(full, 'utf8').includes(text)) found.push(full);
      } catch {
        // Being replaced right now.
      }
    }
  }
  return found;
}

const tab = (page: Page) => page.locator(`[data-testid="tab"][data-path="${filePath}"]`);

async function expectRestored(page: Page): Promise<void> {
  await expect.poll(() => tab(page).count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => tab(page).getAttribute('data-dirty')).toBe('true');
  await tab(page).click();
  await expect.poll(() => editorText(page)).toContain(typed);
  await expect.poll(() => page.getByTestId('notification').filter({ hasText: /Restored \d+ unsaved file/ }).count()).toBeGreaterThan(0);
  expect(readFileSync(file, 'utf8')).toBe(diskText);
}

describe('hot exit', () => {
  it('backs up a dirty buffer and restores it after a reload and in a new window', async () => {
    const first = await openWorkbench();
    workbenches.push(first);
    const { page } = first;
    await page.locator('[role="treeitem"][data-path="hotexit"]').click();
    await page.locator(`[role="treeitem"][data-path="${filePath}"]`).click();
    await expect.poll(() => editorText(page)).toContain('kept on disk');
    await page.getByTestId('editor').locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(typed);
    await expect.poll(() => tab(page).getAttribute('data-dirty')).toBe('true');
    await expect.poll(() => backupsHolding(typed).length, { timeout: 10_000 }).toBe(1);

    // Every dirty buffer is backed up, so the reload does not ask.
    await page.reload();
    await page.getByTestId('statusbar-workspace').waitFor();
    await expectRestored(page);

    // Undo goes back to the text on disk.
    await page.getByTestId('editor').locator('.view-lines').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => editorText(page)).not.toContain(typed);
    await expect.poll(() => tab(page).getAttribute('data-dirty')).toBe('false');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => editorText(page)).toContain(typed);
    await expect.poll(() => tab(page).getAttribute('data-dirty')).toBe('true');
    await expect.poll(() => backupsHolding(typed).length, { timeout: 10_000 }).toBe(1);
    await first.close();
    workbenches.splice(workbenches.indexOf(first), 1);

    const second = await openWorkbench();
    workbenches.push(second);
    await expectRestored(second.page);
    await second.page.getByTestId('editor').locator('.view-lines').click();
    await second.page.keyboard.press('Control+S');
    await expect.poll(() => tab(second.page).getAttribute('data-dirty')).toBe('false');
    await expect.poll(() => readFileSync(file, 'utf8')).toContain(typed);
    await expect.poll(() => backupsHolding(typed).length, { timeout: 10_000 }).toBe(0);
  });

  it('restores a dirty buffer after the host is killed mid-session', async () => {
    const crashText = 'typed just before the crash';
    const before = await openWorkbench();
    workbenches.push(before);
    const { page } = before;
    await page.locator('[role="treeitem"][data-path="hotexit"]').click();
    await page.locator(`[role="treeitem"][data-path="${filePath}"]`).dblclick();
    await page.getByTestId('editor').locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(crashText);
    await expect.poll(() => backupsHolding(crashText).length, { timeout: 10_000 }).toBe(1);
    const onDisk = readFileSync(file, 'utf8');

    await crashAndRestartLathe();
    await before.close();
    workbenches.splice(workbenches.indexOf(before), 1);

    const after = await openWorkbench();
    workbenches.push(after);
    await expect.poll(() => tab(after.page).getAttribute('data-dirty'), { timeout: 15_000 }).toBe('true');
    await tab(after.page).click();
    await expect.poll(() => editorText(after.page)).toContain(crashText);
    expect(readFileSync(file, 'utf8')).toBe(onDisk);
  });
});
