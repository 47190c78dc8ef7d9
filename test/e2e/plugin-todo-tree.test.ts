import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceDir } from './fixture';
import { repoRoot } from './lathe-server';
import { openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';
import { pluginLog, pluginRow, showPlugins } from './plugins-support';

let workbench: OpenWorkbench;
const builtIn = 'lathe.todo-tree';
const installed = 'e2e.todo-tree';
const statusItem = () => workbench.page.locator('[data-testid="plugin-status-item"][data-id="todo-tree.status"]');
const activityButton = () => workbench.page.getByTestId('activity-plugin-todo-tree.sidebar');
const scans = async (id: string): Promise<number> => (await pluginLog(workbench.page, id)).split('Scanned the workspace').length - 1;

/**
 * The built-in todo-tree as a user would install it from its folder: the same files (after
 * `node build/build.mjs`), under another publisher, since Lathe refuses to replace a built-in plugin.
 */
function todoTreeFolder(): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'lathe-todo-tree-')), 'todo-tree');
  cpSync(join(repoRoot, 'plugins', 'todo-tree'), folder, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { publisher: string };
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ ...manifest, publisher: 'e2e' }));
  return folder;
}

beforeAll(async () => {
  writeFileSync(join(workspaceDir, 'src', 'todo.rs'), 'pub fn later() {}\n    // FIXME: handle the error\n// TODO: write the docs\n');
  workbench = await openWorkbench();
});

afterAll(async () => {
  await workbench.close();
});

describe('the todo-tree plugin in the workbench', () => {
  it('is built in: from startup its status bar item counts the TODOs of the workspace', async () => {
    await expect.poll(() => statusItem().textContent()).toContain('1 TODO 1 FIXME');
    await showPlugins(workbench.page);
    expect(await pluginRow(workbench.page, builtIn).getAttribute('data-state')).toBe('ready');
  });

  it('loses its status bar item and view when the built-in one is disabled', async () => {
    const { page } = workbench;
    await showPlugins(page);
    await pluginRow(page, builtIn).getByTestId('plugin-toggle').click();
    await expect.poll(() => pluginRow(page, builtIn).getAttribute('data-state')).toBe('disabled');
    await expect.poll(() => statusItem().count()).toBe(0);
    await expect.poll(() => activityButton().count()).toBe(0);
  });

  it('installs from its folder once its permission is approved, with its view and status bar item', async () => {
    const { page } = workbench;
    await page.getByTestId('plugin-install-path').fill(todoTreeFolder());
    await page.getByTestId('plugin-install').click();
    await expect.poll(() => page.getByTestId('plugin-approval-permissions').textContent()).toBe('Read the files of the open folder');
    await page.getByTestId('plugin-approve').click();
    await expect.poll(() => pluginRow(page, installed).getAttribute('data-run')).toBe('active');
    await expect.poll(() => statusItem().textContent()).toContain('1 TODO 1 FIXME');

    await activityButton().click();
    const rows = page.locator('[data-testid="plugin-tree"][data-view="todo-tree.todos"] [data-testid="plugin-tree-row"]');
    await expect.poll(() => rows.allTextContents()).toEqual(['todo.rssrc', 'FIXME: handle the errorline 2', 'TODO: write the docsline 3']);
  });

  it('opens the file at the TODO when one is clicked', async () => {
    const { page } = workbench;
    await page.locator('[data-testid="plugin-tree-row"]', { hasText: 'FIXME: handle the error' }).click();
    await expect.poll(() => page.locator('[data-testid="tab"][aria-selected="true"]').getAttribute('data-path')).toBe('src/todo.rs');
    await expect.poll(() => page.getByTestId('statusbar-cursor').textContent()).toBe('Ln 2, Col 5');
  });

  it('shows its view when its status bar item is clicked', async () => {
    const { page } = workbench;
    await page.getByTestId('activity-explorer').click();
    await expect.poll(() => page.getByTestId('plugin-container').count()).toBe(0);
    await statusItem().click();
    await expect.poll(() => page.locator('[data-testid="plugin-container"][data-container="todo-tree.sidebar"]').count()).toBe(1);
  });

  it('scans again on "Todo Tree: Refresh" from the palette, and when a file changes', async () => {
    const { page } = workbench;
    const before = await scans(installed);
    await runFromPalette(page, 'Todo Tree: Refresh');
    await expect.poll(() => scans(installed)).toBeGreaterThan(before);

    writeFileSync(join(workspaceDir, 'src', 'hack.rs'), '// HACK: skip the cache\n');
    await expect.poll(() => statusItem().textContent(), { timeout: 10_000 }).toContain('1 TODO 1 FIXME 1 HACK');
  });

  it('takes its status bar item, view and commands away when disabled', async () => {
    const { page } = workbench;
    await showPlugins(page);
    await pluginRow(page, installed).getByTestId('plugin-toggle').click();
    await expect.poll(() => pluginRow(page, installed).getAttribute('data-state')).toBe('disabled');
    await expect.poll(() => statusItem().count()).toBe(0);
    await expect.poll(() => activityButton().count()).toBe(0);
    await page.keyboard.press('Control+Shift+P');
    await page.getByTestId('command-palette-input').fill('Todo Tree: Refresh');
    await expect.poll(() => page.getByTestId('command-palette').getByRole('option').filter({ hasText: 'Todo Tree' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(workbench.problems).toEqual([]);
  });
});
