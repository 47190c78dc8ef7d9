// P4: workspace search until all results are in the UI (Enter in the search view to the summary line),
// against raw `rg --json` with the same arguments consuming all of its output; 5 runs each, alternating.
import { spawn } from 'node:child_process';
import { rgPath } from '@vscode/ripgrep';
import { chromium } from 'playwright-core';
import { defaultSettings } from '../../src-shared/contract';
import { textSearchArgs } from '../../src-main/services/search';
import { chromiumArgs, findChromium } from '../e2e/chromium';
import { startLathe } from '../e2e/lathe-server';
import { generateTree } from './generate-tree';
import { median } from './measure';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = generateTree(1000, 100);
// Each file holds `// <folder>/<file>`: this matches the 1,100 files of folders 99 and 990–999.
const query = '// 99';
const runs = 5;

const rawRg = () =>
  new Promise<number>((resolve) => {
    const started = performance.now();
    const args = textSearchArgs({ query, isRegex: false, matchCase: false, wholeWord: false, excludes: defaultSettings['files.exclude'] });
    const child = spawn(rgPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.resume();
    child.on('exit', () => resolve(performance.now() - started));
  });

const lathe = await startLathe(root, mkdtempSync(join(tmpdir(), 'lathe-p4-')));
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(lathe.url);
await page.getByTestId('statusbar-workspace').waitFor();
await page.keyboard.press('Control+Shift+F');
const input = page.getByTestId('search-input');
const message = page.getByTestId('search-message');

async function timeLathe(): Promise<number> {
  // Clear, so the summary that ends the timing is this search's.
  await input.fill('');
  await input.fill(query);
  const started = performance.now();
  await input.press('Enter');
  await page.waitForFunction(() => /\d+ results? in \d+ files?/.test(document.querySelector('[data-testid="search-message"]')?.textContent ?? ''), undefined, { polling: 'raf' });
  return performance.now() - started;
}

const latheTimes: number[] = [];
const rgTimes: number[] = [];
await rawRg();
await timeLathe();
for (let run = 0; run < runs; run += 1) {
  rgTimes.push(await rawRg());
  latheTimes.push(await timeLathe());
}
const summary = await message.textContent();
await browser.close();
await lathe.stop();
const ratio = median(latheTimes) / median(rgTimes);
console.log(
  `P4 search ratio=${ratio.toFixed(2)} (lathe ${median(latheTimes).toFixed(0)} ms until "${summary}" is shown / rg ${median(rgTimes).toFixed(0)} ms, medians of ${runs}) goal<=1.2`,
);
