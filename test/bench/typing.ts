// P2: keystroke to paint in a 100k-line Rust file, in Lathe and in a bare Monaco page, same Chromium.
// Each key's latency runs from the keydown event's timestamp to the first task after the frame in
// which Monaco put the character on screen (a MessageChannel message posted from the DOM change).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../e2e/chromium';
import { repoRoot, startLathe } from '../e2e/lathe-server';
import { bareDir, buildBareMonaco, serveBareMonaco } from './bare-monaco';

const lineCount = 100_000;
const keysPerRun = 150;
const runs = 3;

function generatedRust(): string {
  const lines: string[] = [];
  for (let index = 0; lines.length < lineCount; index += 1) {
    lines.push(`/// Adds ${String(index)} to the value.`, `pub fn add_${String(index)}(value: u64) -> u64 {`, `    value.wrapping_add(${String(index)})`, '}', '');
  }
  return `${lines.slice(0, lineCount).join('\n')}\n`;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Puts the caret in the middle of the file and types, returning one latency per key. */
async function measureTyping(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const state = window as unknown as { latencies: number[]; pending: number | null };
    state.latencies = [];
    state.pending = null;
    window.addEventListener('keydown', (event) => (state.pending = event.timeStamp), true);
    const lines = document.querySelector('.monaco-editor .view-lines');
    if (!lines) throw new Error('no editor on the page');
    new MutationObserver(() => {
      if (state.pending === null) return;
      const start = state.pending;
      state.pending = null;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => state.latencies.push(performance.now() - start);
      channel.port2.postMessage(0);
    }).observe(lines, { childList: true, subtree: true, characterData: true });
  });
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  // About a thousand lines above the end: deep in the file, away from the first screen.
  for (let step = 0; step < 25; step += 1) await page.keyboard.press('PageUp');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.evaluate(() => ((window as unknown as { latencies: number[] }).latencies = []));
  for (let key = 0; key < keysPerRun; key += 1) {
    await page.keyboard.type(key % 20 === 19 ? ' ' : 'x', { delay: 0 });
    // One key at a time: the next keydown only after this one painted.
    await page.waitForFunction((count) => (window as unknown as { latencies: number[] }).latencies.length >= count, key + 1);
  }
  return page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
}

if (!existsSync(join(repoRoot, 'out', 'server', 'server.mjs'))) {
  spawnSync(process.execPath, [join(repoRoot, 'build', 'build.mjs')], { stdio: 'inherit' });
}
const source = generatedRust();
await buildBareMonaco();
writeFileSync(join(bareDir, 'file.rs'), source);
writeFileSync(join(bareDir, 'short.rs'), source.split('\n').slice(0, 40).join('\n'));
const scratch = mkdtempSync(join(tmpdir(), 'lathe-p2-'));
cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), join(scratch, 'workspace'), { recursive: true });
writeFileSync(join(scratch, 'workspace', 'big.rs'), source);

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
const lathe = await startLathe(join(scratch, 'workspace'), join(scratch, 'profile'));
const bare = await serveBareMonaco();
const latheLatencies: number[] = [];
const bareLatencies: number[] = [];
// The same page on a 40-line file: what this harness measures when the file's size costs nothing.
const floorLatencies: number[] = [];
try {
  for (let run = 1; run <= runs; run += 1) {
    const latheContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const lathePage = await latheContext.newPage();
    await lathePage.goto(lathe.url);
    await lathePage.locator('[role="treeitem"][data-path="big.rs"]').dblclick();
    await lathePage.waitForFunction(() => document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('add_0('));
    const latheRun = await measureTyping(lathePage);
    await latheContext.close();

    const bareContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const barePage = await bareContext.newPage();
    await barePage.goto(bare.url);
    await barePage.waitForFunction(() => document.body.dataset.ready === 'true');
    const bareRun = await measureTyping(barePage);
    await bareContext.close();

    const floorContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const floorPage = await floorContext.newPage();
    await floorPage.goto(`${bare.url}?file=short.rs`);
    await floorPage.waitForFunction(() => document.body.dataset.ready === 'true');
    floorLatencies.push(...(await measureTyping(floorPage)));
    await floorContext.close();

    latheLatencies.push(...latheRun);
    bareLatencies.push(...bareRun);
    console.log(`run ${String(run)}: p95 lathe ${percentile(latheRun, 95).toFixed(1)} ms, bare monaco ${percentile(bareRun, 95).toFixed(1)} ms`);
  }
} finally {
  await browser.close();
  bare.stop();
  await lathe.stop();
}
const latheP95 = percentile(latheLatencies, 95);
const bareP95 = percentile(bareLatencies, 95);
console.log(
  `P2 keystroke-to-paint p95=${latheP95.toFixed(1)} ms in a ${String(lineCount / 1000)}k-line file, ratio=${(latheP95 / bareP95).toFixed(2)} (lathe ${latheP95.toFixed(1)} ms / bare monaco ${bareP95.toFixed(1)} ms, p50 ${percentile(latheLatencies, 50).toFixed(1)} / ${percentile(bareLatencies, 50).toFixed(1)} ms, ${String(latheLatencies.length)} keys each; harness floor on a 40-line file ${percentile(floorLatencies, 95).toFixed(1)} ms) goal<=16 ms`,
);
