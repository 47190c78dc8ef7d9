import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceDir } from './fixture';
import { editorText, openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';
import { installPlugin, pluginFixtures, pluginRow, showPlugins, waitForLog } from './plugins-support';

let workbench: OpenWorkbench;
const tour = 'lathe-tests.api-tour';

beforeAll(async () => {
  workbench = await openWorkbench();
  await installPlugin(workbench.page, join(pluginFixtures, 'hello'), 'lathe-tests.hello');
});

afterAll(async () => {
  await workbench.close();
});

/** The PASS and FAIL lines the tour logged for one command, from `<phase> START` to `<phase> DONE`. */
async function results(phase: string): Promise<{ passed: string[]; failed: string[] }> {
  const log = await waitForLog(workbench.page, tour, `${phase} DONE`, 40_000);
  const lines = log.slice(log.lastIndexOf(`${phase} START`)).split('\n');
  return { passed: lines.filter((line) => line.includes('] PASS ')), failed: lines.filter((line) => line.includes('] FAIL ')) };
}

describe('the plugin API through the real host', () => {
  it('activates on workspaceContains and shows the contributed status bar item, view container and view', async () => {
    const { page } = workbench;
    await installPlugin(page, join(pluginFixtures, 'api-tour'), tour);
    await waitForLog(page, tour, 'Starting lathe-tests.api-tour 1.0.0 (workspaceContains:Cargo.toml)');
    await expect.poll(() => page.locator('[data-testid="plugin-status-item"][data-id="api-tour.status"]').textContent()).toContain('Tour ready');
    await page.getByTestId('activity-plugin-api-tour.container').click();
    const labels = page.locator('[data-testid="plugin-tree"][data-view="api-tour.items"] .plugin-tree-label');
    await expect.poll(() => labels.allTextContents()).toEqual(['alpha', 'beta']);
  });

  it('renders the tree from the provider: expanding asks for children, a click runs the item command, a refresh asks again', async () => {
    const { page } = workbench;
    const tree = page.locator('[data-testid="plugin-tree"][data-view="api-tour.items"]');
    const labels = tree.locator('.plugin-tree-label');
    await tree.getByText('alpha', { exact: true }).click();
    await expect.poll(() => labels.allTextContents()).toEqual(['alpha', 'alpha.1', 'beta']);
    await tree.getByText('beta', { exact: true }).click();
    await waitForLog(page, tour, 'ITEM beta 42');
    await page.getByTestId('activity-plugin-api-tour.container').click();
    await page.locator('[data-testid="plugin-view"][data-view="api-tour.items"]').getByRole('button', { name: 'Refresh Items' }).click();
    await expect.poll(() => labels.allTextContents()).toContain('item 3');
    await page.keyboard.press('Control+Alt+Shift+R');
    await expect.poll(() => labels.allTextContents()).toContain('item 4');
  });

  it('passes every non-interactive check: commands, workspace fs, find, search, file events, settings, storage, secrets, terminals, AI, diagnostics', async () => {
    const { page } = workbench;
    await runFromPalette(page, 'API Tour: Run Checks');
    const { passed, failed } = await results('CHECKS');
    expect(failed).toEqual([]);
    expect(passed).toHaveLength(17);
    await expect.poll(() => page.locator('[data-testid="plugin-status-item"][data-id="api-tour.status"]').textContent()).toContain('Tour ran');
    expect(existsSync(join(workspaceDir, 'api-tour', 'watched.txt'))).toBe(true);
    await page.getByTestId('panel-tab-problems').click();
    await expect.poll(() => page.getByTestId('problems-view').textContent()).toContain('A diagnostic of the API tour');
  });

  it('asks through notifications with actions, the quick pick and the input box', async () => {
    const { page } = workbench;
    await runFromPalette(page, 'API Tour: Ask Questions');
    await page.getByTestId('notification').filter({ hasText: 'Which fruit?' }).getByRole('button', { name: 'Pear' }).click();
    await page.getByTestId('editor-picker').getByText('two', { exact: true }).click();
    await page.getByTestId('editor-picker-input').fill('Ada');
    await page.keyboard.press('Enter');
    const log = await waitForLog(page, tour, 'TYPED Ada');
    expect(log).toContain('ANSWER Pear');
    expect(log).toContain('PICKED two');
  });

  it('sees open documents and the active editor, decorates, edits as one undoable step, follows selections and saves', async () => {
    const { page } = workbench;
    await page.getByTestId('activity-explorer').click();
    await page.getByText('README.md', { exact: true }).click();
    await expect.poll(() => editorText(page)).toContain('Fixture workspace');
    await runFromPalette(page, 'API Tour: Check Documents');
    const { passed, failed } = await results('DOCUMENTS');
    expect(failed).toEqual([]);
    expect(passed).toHaveLength(6);
    await expect.poll(() => editorText(page)).toContain('TOUR EDIT');
    await expect.poll(() => page.locator('[class*="lathe-plugin-decoration"]').count()).toBeGreaterThan(0);
    // The edit is one undo step of the editor.
    await page.getByTestId('editor').locator('.view-lines').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => editorText(page)).not.toContain('TOUR EDIT');
    await page.keyboard.press('Control+S');
    await waitForLog(page, tour, 'SAVED README.md dirty=false');
  });

  it('opens a webview panel that talks by messages and cannot reach the network', async () => {
    const { page } = workbench;
    await runFromPalette(page, 'API Tour: Open Panel');
    await expect.poll(() => page.frameLocator('[data-testid="webview-frame"]').locator('#title').textContent()).toBe('Got ping');
    const log = await waitForLog(page, tour, 'WEBVIEW {"fetch":"blocked"}');
    expect(log.match(/WEBVIEW \{"hello":"from the page"\}/g)).toHaveLength(1);
    expect(log).toContain('WEBVIEW {"echo":"ping"}');
    expect(log).not.toContain('went out');
    expect(await page.getByTestId('webview-frame').getAttribute('sandbox')).toBe('allow-scripts');
    await page.getByTestId('webview-panels').getByRole('button', { name: 'Close Tour Panel' }).click();
    await waitForLog(page, tour, 'WEBVIEW CLOSED');
  });

  it('activates a plugin on its command and on the language of an opened file', async () => {
    const { page } = workbench;
    await installPlugin(page, join(pluginFixtures, 'on-command'), 'lathe-tests.on-command');
    expect(await pluginRow(page, 'lathe-tests.on-command').getAttribute('data-run')).toBe('inactive');
    await runFromPalette(page, 'Lazy: Wake Up');
    await expect.poll(() => page.getByTestId('notification').filter({ hasText: 'Lazy plugin awake' }).count()).toBe(1);
    expect(await waitForLog(page, 'lathe-tests.on-command', 'WOKEN')).toContain('(onCommand:on-command.wake)');

    await installPlugin(page, join(pluginFixtures, 'on-language'), 'lathe-tests.on-language');
    // README.md is open already: the plugin activates as soon as it is ready.
    await waitForLog(page, 'lathe-tests.on-language', 'ACTIVATED FOR README.md');
  });

  it('disposes the subscriptions on deactivate when the plugin is disabled', async () => {
    const { page } = workbench;
    await showPlugins(page);
    await pluginRow(page, tour).getByTestId('plugin-toggle').click();
    await expect.poll(() => pluginRow(page, tour).getAttribute('data-state')).toBe('disabled');
    await waitForLog(page, tour, 'TOUR DEACTIVATED');
    await expect.poll(() => page.locator('[data-testid="plugin-status-item"][data-id="api-tour.status"]').count()).toBe(0);
    await expect.poll(() => page.getByTestId('activity-plugin-api-tour.container').count()).toBe(0);
    // The only console errors are Chromium's reports of the webview's fetch, which its CSP blocked.
    expect(workbench.problems.filter((problem) => !problem.includes('http://127.0.0.1:9/'))).toEqual([]);
  });
});
