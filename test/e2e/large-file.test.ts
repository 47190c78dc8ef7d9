import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, openWorkbench, type OpenWorkbench } from './open-workbench';
import { workspaceDir } from './fixture';

const lineCount = 300_001;
const fileName = 'huge.log';
let workbench: OpenWorkbench;

beforeAll(async () => {
  const lines = Array.from({ length: lineCount }, (_, index) => `line ${String(index + 1).padStart(6, '0')} of a generated log`);
  writeFileSync(join(workspaceDir, fileName), `${lines.join('\n')}\n`);
  workbench = await openWorkbench();
});

afterAll(async () => {
  await workbench.close();
});

describe('a file over 300k lines', () => {
  it('opens in the reduced mode, takes typing at both ends, and saves every line', async () => {
    const { page } = workbench;
    // The fixture's .gitignore names *.log: the explorer dims the row.
    await expect.poll(() => page.locator(`[role="treeitem"][data-path="${fileName}"]`).getAttribute('data-git-ignored')).toBe('true');
    expect(await page.locator('[role="treeitem"][data-path="Cargo.toml"]').getAttribute('data-git-ignored')).toBe('false');
    await page.locator(`[role="treeitem"][data-path="${fileName}"]`).dblclick();
    await page.getByTestId('large-file-note').waitFor();
    await expect.poll(() => editorText(page)).toContain('line 000001 of a generated log');
    // Reduced mode: no minimap, plain text.
    // Monaco keeps the minimap's element; turned off, it takes no width.
    expect(await page.getByTestId('editor').locator('.minimap').evaluate((element) => (element as HTMLElement).offsetWidth)).toBe(0);
    await expect.poll(() => page.getByTestId('statusbar-language').textContent()).toBe('Plain Text');

    await page.getByTestId('editor').locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('FIRST ');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('typed at the very end');
    await expect.poll(() => editorText(page)).toContain('typed at the very end');
    await expect.poll(() => page.getByTestId('statusbar-cursor').textContent()).toMatch(new RegExp(`Ln ${String(lineCount + 1)},`));

    await page.keyboard.press('Control+S');
    await expect.poll(() => page.locator(`[data-testid="tab"][data-path="${fileName}"]`).getAttribute('data-dirty')).toBe('false');
    const saved = readFileSync(join(workspaceDir, fileName), 'utf8').split('\n');
    expect(saved).toHaveLength(lineCount + 1);
    expect(saved[0]).toBe('FIRST line 000001 of a generated log');
    expect(saved[lineCount - 1]).toBe(`line ${String(lineCount)} of a generated log`);
    expect(saved[lineCount]).toBe('typed at the very end');
    expect(workbench.problems).toEqual([]);
  });
});
