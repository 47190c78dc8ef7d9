import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';
import { installPlugin, pluginFixtures, pluginRow, waitForLog } from './plugins-support';

let workbench: OpenWorkbench;
const hello = 'lathe-tests.hello';

beforeAll(async () => {
  workbench = await openWorkbench();
  await installPlugin(workbench.page, join(pluginFixtures, 'hello'), hello);
});

afterAll(async () => {
  await workbench.close();
});

describe('the plugin watchdog', () => {
  it('stops a plugin stuck in an infinite loop, restarts it with backoff, gives up after three crashes, and the rest keeps working', async () => {
    const { page } = workbench;
    await installPlugin(page, join(pluginFixtures, 'infinite-loop'), 'lathe-tests.infinite-loop');
    const loop = pluginRow(page, 'lathe-tests.infinite-loop');
    await expect.poll(() => loop.getAttribute('data-run'), { timeout: 15_000 }).toBe('restarting');
    await expect.poll(() => page.getByTestId('notification').filter({ hasText: 'Malicious: infinite loop was stopped (no heartbeat for' }).count()).toBeGreaterThan(0);

    // While the worker spins, the workbench answers at once and the other plugin runs its command.
    const started = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - started).toBeLessThan(1_000);
    await runFromPalette(page, 'Hello: Say Hello');
    await expect.poll(() => page.getByTestId('notification').filter({ hasText: 'Hello from the sandbox (1)' }).count()).toBe(1);

    await expect.poll(() => loop.getAttribute('data-run'), { timeout: 45_000 }).toBe('failed');
    expect(await loop.textContent()).toContain('it is not restarted again');
    const log = await waitForLog(page, 'lathe-tests.infinite-loop', 'not restarted again');
    expect(log.match(/LOOPING/g)).toHaveLength(3);
    expect(log.match(/Stopped: no heartbeat for \d+ s/g)).toHaveLength(3);
    expect(await pluginRow(page, hello).getAttribute('data-run')).toBe('active');
  });

  it('survives a memory bomb: only the plugin host process dies, the other plugins are restored and the bomb is given up on', async () => {
    const { page } = workbench;
    // Playwright marks the whole page crashed when the process of any of its frames dies, as the
    // plugin host's does here on purpose; the workbench's own page lives on, so from here the test
    // reads and clicks it over the DevTools protocol.
    const devtools: CDPSession = await page.context().newCDPSession(page);
    const inWorkbench = async <T>(expression: string): Promise<T> => {
      const { result, exceptionDetails } = await devtools.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      if (exceptionDetails) throw new Error(exceptionDetails.text);
      return result.value as T;
    };
    const runOf = (id: string): Promise<string | undefined> => inWorkbench(`document.querySelector('[data-testid="plugin-row"][data-id="${id}"]')?.dataset.run`);

    await installPlugin(page, join(pluginFixtures, 'memory-bomb'), 'lathe-tests.memory-bomb');
    await expect.poll(() => runOf('lathe-tests.memory-bomb'), { timeout: 60_000, interval: 500 }).toBe('failed');
    const bombRow = await inWorkbench<string>(`document.querySelector('[data-testid="plugin-row"][data-id="lathe-tests.memory-bomb"]').textContent`);
    expect(bombRow).toContain('it is not restarted again');

    // The well-behaved plugin was restored each time, not counted against, and answers its command.
    await expect.poll(() => runOf(hello), { timeout: 15_000, interval: 500 }).toBe('active');
    await inWorkbench(`document.querySelector('[data-testid="plugin-status-item"][data-id="hello.status"]').click()`);
    await expect
      .poll(() => inWorkbench<number>(`[...document.querySelectorAll('[data-testid="notification"]')].filter((node) => node.textContent.includes('Hello from the sandbox (1)')).length`), {
        timeout: 10_000,
        interval: 500,
      })
      .toBe(1);
    expect(await inWorkbench<string>('document.querySelector(\'[data-testid="statusbar-workspace"]\').textContent')).toContain('fixture-workspace');
  });
});
