import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, openWorkbench, type OpenWorkbench } from './open-workbench';
import { userDataDir, workspaceDir } from './fixture';
import { repoRoot } from './lathe-server';

const project = 'typescript-project';

/** The file's tab is in front, and its text shows in the editor. */
async function openByQuickOpen(page: Page, path: string, text: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.getByTestId('quick-open-input').fill(path);
  await page.locator(`[data-path="${path}"]`).first().waitFor();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('[data-testid="tab"][aria-selected="true"]').getAttribute('data-path')).toBe(path);
  await expect.poll(() => editorText(page)).toContain(text);
}

/** The span Monaco renders for a word on the line that holds `lineText`. */
function word(page: Page, lineText: string, name: string) {
  return page.locator('.view-lines .view-line').filter({ hasText: lineText }).locator('span > span').filter({ hasText: new RegExp(`^${name}$`) }).first();
}

describe('language intelligence with typescript-language-server', () => {
  let workbench: OpenWorkbench;

  beforeAll(async () => {
    cpSync(join(repoRoot, 'test', 'fixtures', project), join(workspaceDir, project), { recursive: true });
    // Which program serves TypeScript is an application setting: the user's settings file says it.
    mkdirSync(userDataDir, { recursive: true });
    writeFileSync(
      join(userDataDir, 'settings.json'),
      JSON.stringify({
        'languageServers.servers': [{ id: 'typescript-language-server', command: join(repoRoot, 'node_modules', '.bin', 'typescript-language-server') }],
      }),
    );
    workbench = await openWorkbench();
  });

  afterAll(async () => {
    await workbench.close();
  });

  it('shows the type error as a squiggle and in Problems, and counts it in the status bar', async () => {
    const { page } = workbench;
    await openByQuickOpen(page, `${project}/src/main.ts`, 'const label: string = total;');
    await expect.poll(() => page.getByTestId('statusbar-language-server').getAttribute('data-state'), { timeout: 30_000 }).toBe('running');
    await page.locator('.view-overlays .squiggly-error').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('statusbar-errors').textContent()).toBe('1');

    await page.getByTestId('statusbar-problems').click();
    const row = page.getByTestId('problem-row').first();
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Type 'number' is not assignable to type 'string'\..*typescript.*\(2322\).*\[Ln 4, Col 7\]/);
    expect(await page.getByTestId('problem-file').first().getAttribute('data-path')).toBe(`${project}/src/main.ts`);
  });

  it('jumps to the problem from its row', async () => {
    const { page } = workbench;
    await page.getByTestId('problem-row').first().click();
    await expect.poll(() => page.getByTestId('statusbar-cursor').textContent()).toContain('Ln 4, Col 7');
  });

  it('hovers with the signature and the documentation comment', async () => {
    const { page } = workbench;
    await word(page, 'const total', 'add').hover();
    const hover = page.locator('.monaco-hover').filter({ hasText: 'add(left: number, right: number): number' });
    await hover.waitFor({ timeout: 20_000 });
    expect(await hover.textContent()).toContain('Adds two numbers.');
  });

  it('goes to the definition in another file', async () => {
    const { page } = workbench;
    await word(page, 'const total', 'add').click();
    await page.keyboard.press('F12');
    await expect.poll(() => page.locator('[data-testid="tab"][aria-selected="true"]').getAttribute('data-path')).toBe(`${project}/src/math.ts`);
    await expect.poll(() => page.getByTestId('statusbar-cursor').textContent()).toContain('Ln 2, Col 17');
  });

  it('renames across files after a preview of the files it touches', async () => {
    const { page } = workbench;
    await page.keyboard.press('F2');
    const input = page.getByTestId('rename-box').locator('input');
    await input.waitFor();
    expect(await input.inputValue()).toBe('add');
    await input.fill('sum');
    await page.keyboard.press('Enter');

    const preview = page.getByTestId('editor-picker');
    await preview.waitFor();
    expect(await page.getByTestId('editor-picker-input').getAttribute('placeholder')).toContain("Rename 'add' to 'sum': 3 changes in 2 files");
    expect(await preview.getByRole('option').allTextContents()).toEqual([`${project}/src/math.ts1 change`, `${project}/src/main.ts2 changes`]);
    await page.keyboard.press('Enter');

    await expect.poll(() => editorText(page)).toContain('export function sum(left: number, right: number)');
    await expect.poll(() => page.locator(`[data-testid="tab"][data-path="${project}/src/main.ts"]`).getAttribute('data-dirty')).toBe('true');
    await page.locator(`[data-testid="tab"][data-path="${project}/src/main.ts"]`).click();
    await expect.poll(() => editorText(page)).toContain("import { sum } from './math';");
    await expect.poll(() => editorText(page)).toContain('const total: number = sum(1, 2);');
  });

  it('undoes the rename of a file in one step', async () => {
    const { page } = workbench;
    await page.getByTestId('editor').locator('.view-lines').first().click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => editorText(page)).toContain("import { add } from './math';");
    await expect.poll(() => editorText(page)).toContain('const total: number = add(1, 2);');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => editorText(page)).toContain('const total: number = sum(1, 2);');
  });

  it('saves a screenshot, and saw no console error or CSP violation', async () => {
    const { page, problems } = workbench;
    await word(page, 'const label', 'label').hover();
    await page.locator('.monaco-hover').filter({ hasText: 'not assignable' }).waitFor({ timeout: 20_000 });
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'test-results', 'language.png') });
    expect(problems).toEqual([]);
  });
});
