import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceDir } from './fixture';
import { openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';
import { installPlugin, pluginFixtures, waitForLog } from './plugins-support';

let workbench: OpenWorkbench;
let mainRs: string;

beforeAll(async () => {
  mainRs = readFileSync(join(workspaceDir, 'src', 'main.rs'), 'utf8');
  workbench = await openWorkbench();
  await installPlugin(workbench.page, join(pluginFixtures, 'hello'), 'lathe-tests.hello');
});

afterAll(async () => {
  await workbench.close();
});

/** The attempts a fixture logged, once it logged DONE. */
async function attempts(id: string): Promise<{ log: string; blocked: string[]; escaped: string[] }> {
  const log = await waitForLog(workbench.page, id, 'DONE', 20_000);
  const lines = log.split('\n');
  return { log, blocked: lines.filter((line) => line.includes('BLOCKED ')), escaped: lines.filter((line) => line.includes('ESCAPED ')) };
}

describe('plugins isolated from each other and held to their permissions', () => {
  it("cannot read another plugin's storage, through the API or by forging its id on the wire", async () => {
    const { page } = workbench;
    await installPlugin(page, join(pluginFixtures, 'victim'), 'lathe-tests.victim');
    await waitForLog(page, 'lathe-tests.victim', 'STORED VICTIM-DIARY-7f3a');
    await installPlugin(page, join(pluginFixtures, 'thief'), 'lathe-tests.thief');
    const { blocked, escaped, log } = await attempts('lathe-tests.thief');
    expect(escaped).toEqual([]);
    expect(blocked).toHaveLength(10);
    expect(log).not.toContain('VICTIM-DIARY');
    // The forged id was ignored: the call ran as the thief, in the thief's own (empty) storage.
    expect(log).toContain('BLOCKED a forged plugin id in the parameters: null');
    expect(log).toMatch(/BLOCKED a call to a prototype member: .*not found/);
  });

  it('is refused every member it has no permission for, and no file changes', async () => {
    const { page } = workbench;
    await installPlugin(page, join(pluginFixtures, 'no-permission'), 'lathe-tests.no-permission');
    const { blocked, escaped, log } = await attempts('lathe-tests.no-permission');
    expect(escaped).toEqual([]);
    expect(blocked).toHaveLength(16);
    for (const member of ['workspace.readFile', 'workspace.writeFile', 'workspace.delete', 'workspace.checkEdit', 'terminal.create', 'process.run', 'network.fetch', 'ai.chat', 'secrets.get', 'clipboard.check']) {
      expect(log).toContain(`may not call ${member} without the permission`);
    }
    expect(log).toContain("BLOCKED a workbench command: No plugin command workbench.action.files.save: of the workbench's commands, plugins can run workbench.view.* only");
    expect(log).toContain('Could not register the command hello.sayHello');
    expect(existsSync(join(workspaceDir, 'escaped.txt'))).toBe(false);
    expect(readFileSync(join(workspaceDir, 'src', 'main.rs'), 'utf8')).toBe(mainRs);

    // Open documents are not sent to a plugin without workspace.read.
    await page.getByTestId('activity-explorer').click();
    await page.getByText('src', { exact: true }).click();
    await page.getByText('main.rs', { exact: true }).click();
    await page.locator('[data-testid="tab"][data-path="src/main.rs"]').waitFor();
    await runFromPalette(page, 'No Permission: Count Documents');
    await waitForLog(page, 'lathe-tests.no-permission', 'DOCUMENTS 0 no-editor');

    // hello.sayHello still runs hello's own command.
    await runFromPalette(page, 'Hello: Say Hello');
    await expect.poll(() => page.getByTestId('notification').filter({ hasText: 'Hello from the sandbox (1)' }).count()).toBe(1);
  });

  it('pollutes only its own worker: API objects are frozen, and neither the workbench nor another plugin sees the pollution', async () => {
    const { page } = workbench;
    await installPlugin(page, join(pluginFixtures, 'prototype-pollution'), 'lathe-tests.prototype-pollution');
    // The poisoned quick pick item reached the workbench as a plain item, polluting nothing.
    await page.getByTestId('editor-picker').getByText('poison').waitFor();
    expect(await page.evaluate(() => Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted') || 'polluted' in {})).toBe(false);
    await page.keyboard.press('Escape');
    const { blocked, escaped, log } = await attempts('lathe-tests.prototype-pollution');
    expect(escaped).toEqual([]);
    expect(blocked).toHaveLength(8);
    expect(log).toContain('STILL WORKS function 1.0.0');
    await runFromPalette(page, 'Hello: Inspect Globals');
    await waitForLog(page, 'lathe-tests.hello', 'INSPECT polluted=false includes=false showInformationMessage=function');
  });
});
