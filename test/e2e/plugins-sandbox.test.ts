import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';
import { installPlugin, pluginFixtures, pluginRow, showPlugins, waitForLog } from './plugins-support';
import { join } from 'node:path';

let workbench: OpenWorkbench;
const hello = 'lathe-tests.hello';

beforeAll(async () => {
  workbench = await openWorkbench();
});

afterAll(async () => {
  await workbench.close();
});

describe('the plugin sandbox', () => {
  it('installs a plugin from its folder after the user approves it, and activates it on startup', async () => {
    const { page } = workbench;
    await installPlugin(page, join(pluginFixtures, 'hello'), hello);
    await expect.poll(() => pluginRow(page, hello).getAttribute('data-run')).toBe('active');
    const log = await waitForLog(page, hello, 'hello activated with API 1.0.0');
    expect(log).toContain('Starting lathe-tests.hello 1.0.0 (onStartupFinished)');
  });

  it('runs the plugin in a worker of a hidden frame on a sibling origin, sandboxed without same-origin access', async () => {
    const { page } = workbench;
    const frame = page.locator('iframe.plugin-host-frame[data-plugin="lathe-tests.hello"]');
    await expect.poll(() => frame.count()).toBe(1);
    expect(await frame.getAttribute('sandbox')).toBe('allow-scripts');
    expect(await frame.isVisible()).toBe(false);
    const workbenchOrigin = new URL(page.url()).origin;
    const frameOrigin = new URL((await frame.getAttribute('src')) ?? '').origin;
    expect(frameOrigin).not.toBe(workbenchOrigin);
    // The frame's document has an opaque origin: the workbench cannot reach into it, nor it into the workbench.
    const reachable = await frame.evaluate((element) => {
      try {
        return (element as HTMLIFrameElement).contentDocument !== null;
      } catch {
        return false;
      }
    });
    expect(reachable).toBe(false);
  });

  it('shows the contributed status bar item, updated by the running plugin, and runs its command from the palette', async () => {
    const { page } = workbench;
    const item = page.locator('[data-testid="plugin-status-item"][data-id="hello.status"]');
    await expect.poll(() => item.textContent()).toContain('Hello (active)');
    await runFromPalette(page, 'Hello: Say Hello');
    await expect.poll(() => page.getByTestId('notification').filter({ hasText: 'Hello from the sandbox (1)' }).count()).toBe(1);
    await expect.poll(() => item.textContent()).toContain('Hello ×1');
  });

  it('takes the contributions away when the plugin is disabled, and stops its worker', async () => {
    const { page } = workbench;
    await showPlugins(page);
    await pluginRow(page, hello).getByTestId('plugin-toggle').click();
    await expect.poll(() => pluginRow(page, hello).getAttribute('data-state')).toBe('disabled');
    await expect.poll(() => page.locator('[data-testid="plugin-status-item"][data-id="hello.status"]').count()).toBe(0);
    await expect.poll(() => page.locator('iframe.plugin-host-frame[data-plugin="lathe-tests.hello"]').count()).toBe(0);
    await page.keyboard.press('Control+Shift+P');
    await page.getByTestId('command-palette-input').fill('Hello: Say Hello');
    await expect.poll(() => page.getByTestId('command-palette').getByRole('option').filter({ hasText: 'Say Hello' }).count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('brings it back when enabled again', async () => {
    const { page } = workbench;
    await pluginRow(page, hello).getByTestId('plugin-toggle').click();
    await expect.poll(() => pluginRow(page, hello).getAttribute('data-run')).toBe('active');
    await expect.poll(() => page.locator('[data-testid="plugin-status-item"][data-id="hello.status"]').textContent()).toContain('Hello (active)');
    expect(workbench.problems).toEqual([]);
  });
});
