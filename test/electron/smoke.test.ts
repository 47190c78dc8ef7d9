import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../build/electron-binary.mjs';

const root = join(import.meta.dirname, '..', '..');
const mainBundle = join(root, 'out', 'main', 'electron.cjs');
const fixtureWorkspace = join(root, 'test', 'fixtures', 'workspace');
const screenshot = join(root, 'test-results', 'electron-smoke.png');

// Launching Playwright's _electron without a binary takes the test process down, so look first.
const electron = findElectronBinary();
const electronBinary = electron.path;
if (!electronBinary) {
  process.stdout.write(`electron smoke: skipped: no Electron binary on this machine (${electron.reason}); run npm install with network access to get one\n`);
}

describe.skipIf(!electronBinary)('the Electron app', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  let userDataDir: string;

  beforeAll(async () => {
    const built = [mainBundle, join(root, 'out', 'preload', 'preload.cjs'), join(root, 'out', 'renderer', 'index.html')];
    if (!built.every((file) => existsSync(file))) {
      const build = spawnSync(process.execPath, [join(root, 'build', 'build.mjs')], { cwd: root, stdio: 'inherit' });
      if (build.status !== 0) throw new Error('the build failed; see its output above');
    }
    userDataDir = mkdtempSync(join(tmpdir(), 'lathe-electron-'));
    app = await _electron.launch({
      executablePath: electronBinary,
      // Chromium refuses to start its OS sandbox as root (containers, CI); the page-level
      // isolation under test (context isolation, sandboxed preload) does not depend on it.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), mainBundle, `--user-data-dir=${userDataDir}`, fixtureWorkspace],
      cwd: root,
      timeout: 60_000,
    });
    page = await app.firstWindow({ timeout: 60_000 });
    await page.waitForLoadState('domcontentloaded');
  }, 180_000);

  afterAll(async () => {
    if (page && !page.isClosed()) {
      mkdirSync(join(root, 'test-results'), { recursive: true });
      await page.screenshot({ path: screenshot }).catch(() => undefined);
    }
    await app?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  }, 60_000);

  it('loads the workbench from app://lathe/', () => {
    expect(page.url()).toMatch(/^app:\/\/lathe\//);
  });

  it('gives the page one frozen `lathe` object and no Node', async () => {
    const globals = await page.evaluate(() => {
      const scope = window as unknown as Record<string, unknown>;
      return {
        lathe: typeof scope.lathe,
        frozen: Object.isFrozen(scope.lathe),
        require: typeof scope.require,
        process: typeof scope.process,
        ipcRenderer: typeof scope.ipcRenderer,
      };
    });
    expect(globals).toEqual({ lathe: 'object', frozen: true, require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });
  });

  it('shows the open folder in the status bar', async () => {
    const workspace = page.locator('[data-testid="statusbar-workspace"]');
    await workspace.waitFor({ timeout: 30_000 });
    expect(await workspace.textContent()).toContain(basename(fixtureWorkspace));
  }, 45_000);

  it('stays on the app when the page tries to navigate away', async () => {
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1_000);
    expect(page.url()).toMatch(/^app:\/\/lathe\//);
    expect(await page.evaluate(() => location.origin)).toBe('app://lathe');
  }, 30_000);
});
