import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, type OpenWorkbench } from './open-workbench';
import { workspaceDir } from './fixture';

let workbench: OpenWorkbench;
let workspace: string;

beforeAll(async () => {
  workspace = workspaceDir;
  mkdirSync(join(workspace, 'ops'), { recursive: true });
  writeFileSync(join(workspace, 'ops', 'before-rename.txt'), 'renamed content\n');
  writeFileSync(join(workspace, 'ops', 'doomed.txt'), 'to be deleted\n');
  workbench = await openWorkbench();
});

afterAll(async () => {
  await workbench.close();
});

const row = (path: string) => workbench.page.locator(`[data-testid="explorer-row"][data-path="${path}"]`);
const input = () => workbench.page.getByTestId('explorer-inline-input');
const menu = () => workbench.page.getByTestId('explorer-context-menu');

async function menuItem(label: string): Promise<void> {
  await menu().getByRole('menuitem', { name: label, exact: true }).click();
}

describe('explorer file operations', () => {
  it('creates a folder and a file from the context menu', async () => {
    const { page } = workbench;
    await row('ops').click();
    await row('ops/doomed.txt').waitFor();

    await row('ops').click({ button: 'right' });
    await menu().waitFor();
    await menuItem('New Folder...');
    await input().fill('made-here');
    await page.keyboard.press('Enter');
    await expect.poll(() => existsSync(join(workspace, 'ops', 'made-here'))).toBe(true);
    await row('ops/made-here').waitFor();
    await expect.poll(() => input().count()).toBe(0);

    await row('ops/made-here').click({ button: 'right' });
    await menuItem('New File...');
    await input().fill('fresh.txt');
    await page.keyboard.press('Enter');
    await expect.poll(() => existsSync(join(workspace, 'ops', 'made-here', 'fresh.txt'))).toBe(true);
    await row('ops/made-here/fresh.txt').waitFor();
    // A new file opens in the editor.
    await expect.poll(() => page.locator('[data-testid="tab"][aria-selected="true"]').getAttribute('data-path')).toBe('ops/made-here/fresh.txt');
  });

  it('closes the context menu on Escape and on a click elsewhere', async () => {
    const { page } = workbench;
    await row('ops').click({ button: 'right' });
    await menu().waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => menu().count()).toBe(0);
    await row('ops').click({ button: 'right' });
    await menu().waitFor();
    await page.getByTestId('editor').click({ position: { x: 200, y: 200 } });
    await expect.poll(() => menu().count()).toBe(0);
  });

  it('keeps the input open with an error for an invalid name', async () => {
    const { page } = workbench;
    await row('ops').click({ button: 'right' });
    await menuItem('New File...');
    await input().fill('bad/name.txt');
    await page.keyboard.press('Enter');
    await page.getByTestId('explorer-inline-error').waitFor();
    expect(await input().count()).toBe(1);
    await input().fill('doomed.txt');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('explorer-inline-error').textContent()).toContain('already exists');
    await page.keyboard.press('Escape');
    await expect.poll(() => input().count()).toBe(0);
    expect(existsSync(join(workspace, 'ops', 'bad'))).toBe(false);
  });

  it('renames with F2 and the open editor follows', async () => {
    const { page } = workbench;
    // A double click keeps the tab: a single click would preview it, and the next preview replace it.
    await row('ops/before-rename.txt').dblclick();
    await expect.poll(() => page.locator('[data-testid="tab"][data-path="ops/before-rename.txt"][data-preview="false"]').count()).toBe(1);
    await row('ops/before-rename.txt').click();
    await page.keyboard.press('F2');
    await expect.poll(() => input().inputValue()).toBe('before-rename.txt');
    await input().fill('after-rename.txt');
    await page.keyboard.press('Enter');
    await expect.poll(() => existsSync(join(workspace, 'ops', 'after-rename.txt'))).toBe(true);
    expect(existsSync(join(workspace, 'ops', 'before-rename.txt'))).toBe(false);
    await row('ops/after-rename.txt').waitFor();
    const tab = page.locator('[data-testid="tab"][data-path="ops/after-rename.txt"]');
    await expect.poll(() => tab.count()).toBe(1);
    expect(await page.locator('[data-testid="tab"][data-path="ops/before-rename.txt"]').count()).toBe(0);
    // Give the watcher time to report the old path gone: the tab must not be marked deleted.
    await page.waitForTimeout(1000);
    expect(await tab.getAttribute('data-deleted')).toBe('false');
  });

  it('deletes with the Delete key after confirming', async () => {
    const { page } = workbench;
    await row('ops/doomed.txt').click();
    // Keep the focus in the tree (clicking a file opens it and focuses the editor).
    await page.locator('.explorer-tree').focus();
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('cannot be undone');
      void dialog.accept();
    });
    await page.keyboard.press('Delete');
    await expect.poll(() => existsSync(join(workspace, 'ops', 'doomed.txt'))).toBe(false);
    await expect.poll(() => row('ops/doomed.txt').count()).toBe(0);
  });

  it('moves a file into a folder by drag and drop', async () => {
    const { page } = workbench;
    await row('ops/after-rename.txt').dragTo(row('ops/made-here'));
    await expect.poll(() => existsSync(join(workspace, 'ops', 'made-here', 'after-rename.txt'))).toBe(true);
    expect(existsSync(join(workspace, 'ops', 'after-rename.txt'))).toBe(false);
    await expect.poll(() => page.locator('[data-testid="tab"][data-path="ops/made-here/after-rename.txt"]').count()).toBe(1);
  });
});
