import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './lathe-server';
import { editorText, openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';
import { userDataDir, workspaceDir } from './fixture';

let workbench: OpenWorkbench;

beforeAll(async () => {
  workbench = await openWorkbench();
});

afterAll(async () => {
  await workbench.close();
});

describe('workbench in browser mode', () => {
  it('renders the shell with the workspace and version from the host', async () => {
    const { page } = workbench;
    await expect.poll(() => page.getByTestId('statusbar-workspace').textContent()).toContain('fixture-workspace');
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    await expect.poll(() => page.getByTestId('statusbar-version').textContent()).toContain(version);
    // The token was traded for a cookie: it must not stay in the address bar.
    expect(page.url()).not.toContain('token=');
  });

  it('opens a file from the explorer in Monaco', async () => {
    const { page } = workbench;
    await page.getByText('src', { exact: true }).click();
    await page.getByText('main.rs', { exact: true }).click();
    await expect.poll(() => editorText(page)).toContain('fn greeting(name: &str)');
    await expect.poll(() => page.locator('[data-testid="tab"][aria-selected="true"]').getAttribute('data-path')).toBe('src/main.rs');
  });

  it('types into the editor and saves the bytes to disk', async () => {
    const { page } = workbench;
    await page.getByTestId('editor').locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n// saved from the e2e test\n');
    await expect.poll(() => page.locator('[data-testid="tab"][data-path="src/main.rs"]').getAttribute('data-dirty')).toBe('true');
    await page.keyboard.press('Control+S');
    await expect.poll(() => page.locator('[data-testid="tab"][data-path="src/main.rs"]').getAttribute('data-dirty')).toBe('false');
    const onDisk = readFileSync(join(workspaceDir, 'src', 'main.rs'), 'utf8');
    expect(onDisk).toContain('// saved from the e2e test');
    expect(onDisk).toContain('fn greeting(name: &str)');
  });

  it('runs a palette command that round-trips through the host', async () => {
    const { page } = workbench;
    await runFromPalette(page, 'Show Host Status');
    const notification = page.getByTestId('notification').filter({ hasText: 'Uptime' });
    await expect.poll(() => notification.textContent()).toMatch(/connection/i);
  });

  it('toggles the theme through the user settings file, and Monaco follows', async () => {
    const { page } = workbench;
    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    await runFromPalette(page, 'Toggle Light/Dark Theme');
    const expected = before === 'light' ? 'dark' : 'light';
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(expected);
    const monacoTheme = expected === 'light' ? 'vs' : 'vs-dark';
    await expect.poll(() => page.locator('.monaco-editor').first().evaluate((node, theme) => node.classList.contains(theme), monacoTheme)).toBe(true);
    const settingsFile = readFileSync(join(userDataDir, 'settings.json'), 'utf8');
    expect(settingsFile).toContain(`"workbench.colorTheme": "${expected}"`);
  });

  it('reports an invalid setting with its file and line, live, without touching the file', async () => {
    const { page } = workbench;
    const file = join(workspaceDir, '.lathe', 'settings.json');
    mkdirSync(join(file, '..'), { recursive: true });
    const text = '{\n  // too big on purpose\n  "editor.fontSize": 400\n}\n';
    writeFileSync(file, text);
    await expect.poll(() => page.getByTestId('panel').textContent(), { timeout: 10_000 }).toMatch(/settings\.json:3:\d+/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('reopens the open editors after a reload', async () => {
    const { page } = workbench;
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="tab"][aria-selected="true"]').getAttribute('data-path')).toBe('src/main.rs');
    await expect.poll(() => editorText(page)).toContain('saved from the e2e test');
  });

  it('saves a screenshot and saw no CSP violation or console error', async () => {
    const { page, problems } = workbench;
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'test-results', 'workbench.png') });
    expect(problems).toEqual([]);
  });
});
