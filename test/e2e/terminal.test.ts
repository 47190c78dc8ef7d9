import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './lathe-server';
import { userDataDir, workspaceDir } from './fixture';
import { openWorkbench, runFromPalette, type OpenWorkbench } from './open-workbench';

let workbench: OpenWorkbench;

beforeAll(async () => {
  mkdirSync(join(workspaceDir, 'linkdir'), { recursive: true });
  writeFileSync(join(workspaceDir, 'linkdir', 'linked.rs'), 'fn main() {\n    let a = 1;\n    let b = "two";\n    println!("{a}{b}");\n}\n');
  workbench = await openWorkbench();
});

afterAll(async () => {
  await workbench.close();
});

interface TerminalElement extends HTMLElement {
  readBuffer(): string;
}

/** The text of a terminal's buffer (the active one by default), read from xterm.js itself. */
function bufferText(page: Page, index = 0): Promise<string> {
  return page.evaluate((at) => {
    const element = document.querySelectorAll<HTMLElement>('[data-testid="terminal"]')[at] as TerminalElement | undefined;
    return element ? element.readBuffer() : '';
  }, index);
}

const terminalCount = (page: Page) => page.getByTestId('terminal').count();

/** Types a command line into the focused terminal. */
async function run(page: Page, command: string): Promise<void> {
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

describe('integrated terminal', () => {
  it('opens a terminal and runs echo, reading the text back from xterm', async () => {
    const { page } = workbench;
    await runFromPalette(page, 'Create New Terminal');
    await expect.poll(() => terminalCount(page)).toBe(1);
    await expect.poll(() => page.getByTestId('panel-tab-terminal').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="terminal"]'))).toBe(true);
    await run(page, 'echo "lathe-$((6*7)) $TERM_PROGRAM"');
    await expect.poll(() => bufferText(page), { timeout: 15_000 }).toContain('lathe-42 lathe');
  });

  it('finds text in the terminal with Ctrl+F, selecting the match', async () => {
    const { page } = workbench;
    await page.keyboard.press('Control+F');
    const input = page.getByTestId('terminal-find-input');
    await input.waitFor();
    await input.fill('lathe-42');
    const selection = () =>
      page.evaluate(() => (document.querySelector('[data-testid="terminal"]') as HTMLElement & { xterm: { getSelection(): string } }).xterm.getSelection());
    await expect.poll(selection).toBe('lathe-42');
    // The command line typed `lathe-$((6*7))`: only the output matches.
    await expect.poll(() => page.getByTestId('terminal-find-status').textContent()).toBe('1 of 1');
    await input.fill('no-such-text-anywhere');
    await expect.poll(() => page.getByTestId('terminal-find-status').textContent()).toBe('No results');
    await input.press('Escape');
    await page.getByTestId('terminal-find').waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="terminal"]'))).toBe(true);
  });

  it('opens file:line:col from the output in the editor on Ctrl+click', async () => {
    const { page } = workbench;
    await run(page, "printf 'error[E0308]: mismatched types\\n --> linkdir/linked.rs:3:13\\n'");
    await expect.poll(() => bufferText(page)).toMatch(/--> linkdir\/linked\.rs:3:13/);
    const target = await page.evaluate(() => {
      const element = document.querySelector('[data-testid="terminal"]') as HTMLElement & {
        xterm: { cols: number; rows: number; buffer: { active: { viewportY: number; length: number; getLine(y: number): { translateToString(trim: boolean): string } | undefined } } };
      };
      const { xterm } = element;
      const buffer = xterm.buffer.active;
      for (let y = buffer.length - 1; y >= 0; y -= 1) {
        const text = buffer.getLine(y)?.translateToString(true) ?? '';
        const x = text.indexOf(' --> linkdir');
        if (x < 0) continue;
        const screen = element.querySelector('.xterm-screen') as HTMLElement;
        const rect = screen.getBoundingClientRect();
        const cellWidth = rect.width / xterm.cols;
        const cellHeight = rect.height / xterm.rows;
        return { x: rect.left + (x + 8.5) * cellWidth, y: rect.top + (y - buffer.viewportY + 0.5) * cellHeight };
      }
      return null;
    });
    expect(target).not.toBeNull();
    const { x, y } = target as { x: number; y: number };
    await page.mouse.move(x, y);
    await page.keyboard.down('Control');
    await page.mouse.click(x, y);
    await page.keyboard.up('Control');
    await expect.poll(() => page.locator('[data-testid="tab"][aria-selected="true"]').getAttribute('data-path')).toBe('linkdir/linked.rs');
    await expect.poll(() => page.getByTestId('statusbar-cursor').textContent()).toContain('Ln 3, Col 13');
  });

  it('splits, lists the terminals, renames one, and looks like a terminal panel', async () => {
    const { page } = workbench;
    await page.getByTestId('terminal-split').click();
    await expect.poll(() => terminalCount(page)).toBe(2);
    await expect.poll(() => page.getByTestId('terminal-tab').count()).toBe(2);
    await page.getByTestId('terminal-tab').nth(1).dblclick();
    await page.getByTestId('terminal-rename').fill('cargo watch');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('terminal-tab-name').allTextContents()).toContain('cargo watch');
    await expect.poll(() => bufferText(page, 1)).toMatch(/\$|#|%|>/);
    await page.getByTestId('panel').screenshot({ path: join(repoRoot, 'test-results', 'terminal.png') });
  });

  it('kills a terminal with its process', async () => {
    const { page } = workbench;
    await page.getByTestId('terminal-tab').nth(1).click();
    await page.getByTestId('terminal').nth(1).click();
    await run(page, 'echo "pid=$$"');
    await expect.poll(() => bufferText(page, 1)).toMatch(/pid=\d+/);
    const pid = Number(/pid=(\d+)/.exec(await bufferText(page, 1))?.[1]);
    await page.getByTestId('terminal-kill').click();
    await expect.poll(() => terminalCount(page)).toBe(1);
    await expect.poll(() => isRunning(pid)).toBe(false);
  });

  it('reattaches to the live terminal after a reload and replays its output', async () => {
    const { page } = workbench;
    await page.getByTestId('terminal').first().click();
    await run(page, 'echo "before-reload-$((100+23))"');
    await expect.poll(() => bufferText(page)).toContain('before-reload-123');
    await page.reload();
    await page.getByTestId('statusbar-workspace').waitFor();
    await expect.poll(() => terminalCount(page)).toBe(1);
    await expect.poll(() => bufferText(page)).toContain('before-reload-123');
    await page.getByTestId('terminal').first().click();
    await run(page, 'echo "after-reload-$((200+34))"');
    await expect.poll(() => bufferText(page)).toContain('after-reload-234');
  });

  it('shows the typed error of a shell that does not exist, then closes the last terminal', async () => {
    const { page } = workbench;
    const settingsFile = join(userDataDir, 'settings.json');
    writeFileSync(
      settingsFile,
      JSON.stringify({ 'terminal.integrated.profiles': [{ name: 'ghost', path: '/no/such/shell' }], 'terminal.integrated.defaultProfile': 'ghost' }),
    );
    // Until the host has read the new settings, the command still opens the usual shell; the failing one adds no terminal.
    let countBefore = 0;
    await expect
      .poll(async () => {
        countBefore = await terminalCount(page);
        await runFromPalette(page, 'Create New Terminal');
        const message = page.getByTestId('terminal-message');
        return (await message.count()) > 0 ? message.textContent() : '';
      })
      .toContain('/no/such/shell" does not exist');
    expect(await terminalCount(page)).toBe(countBefore);
    writeFileSync(settingsFile, '{}');
    while ((await terminalCount(page)) > 0) {
      const count = await terminalCount(page);
      await runFromPalette(page, 'Kill the Active Terminal Instance');
      await expect.poll(() => terminalCount(page)).toBe(count - 1);
    }
  });

  it('reports no problems in the console', () => {
    expect(workbench.problems).toEqual([]);
  });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
