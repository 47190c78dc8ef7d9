// P7: 100 MB through a pty into xterm.js in the browser (`cat` of a file in a Lathe terminal until
// xterm has parsed the marker after it), against a raw pty read of the same file in Node (node-pty,
// `cat`, every byte decoded). Prints the throughput ratio and the worst gap between rendered frames.
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn as spawnPty } from '@lydell/node-pty';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../e2e/chromium';
import { startLathe } from '../e2e/lathe-server';
import { median } from './measure';

const megabytes = Number(process.env.P7_MB ?? 100);
const runs = Number(process.env.P7_RUNS ?? 3);
const root = mkdtempSync(join(tmpdir(), 'lathe-p7-'));
const file = join(root, 'flood.txt');

// Build output-like lines: printable ASCII with some colour, 100 bytes each.
{
  const line = (index: number) => `\x1b[32m${String(index).padStart(8, '0')}\x1b[0m Compiling crate-${index % 977} v0.${index % 13}.0 (/work/src/lib.rs:${index % 400}:1)`.padEnd(99, '.') + '\n';
  const block = Array.from({ length: 10_000 }, (_, index) => line(index)).join('');
  const handle = openSync(file, 'w');
  const blocks = Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(block));
  for (let index = 0; index < blocks; index += 1) writeSync(handle, block);
  closeSync(handle);
}

const rawPty = () =>
  new Promise<number>((resolve) => {
    const started = performance.now();
    const pty = spawnPty('cat', [file], { cols: 120, rows: 30, cwd: root, env: process.env as Record<string, string> });
    let chars = 0;
    pty.onData((data) => (chars += data.length));
    pty.onExit(() => resolve(performance.now() - started));
  });

const profile = mkdtempSync(join(tmpdir(), 'lathe-p7-profile-'));
// P7_GPU=off measures the DOM renderer instead of WebGL.
if (process.env.P7_GPU) writeFileSync(join(profile, 'settings.json'), JSON.stringify({ 'terminal.integrated.gpuAcceleration': process.env.P7_GPU }));
const lathe = await startLathe(root, profile);
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(lathe.url);
await page.getByTestId('statusbar-workspace').waitFor();
await page.keyboard.press('Control+Shift+P');
await page.getByTestId('command-palette-input').fill('Create New Terminal');
await page.getByRole('option').first().filter({ hasText: 'Create New Terminal' }).waitFor();
await page.keyboard.press('Enter');
await page.getByTestId('terminal').waitFor();
await page.waitForFunction(() => document.activeElement?.closest('[data-testid="terminal"]') !== null);
const renderer = await page.evaluate(() => (document.querySelector('[data-testid="terminal"] canvas') ? 'webgl' : 'dom'));

async function timeLathe(run: number): Promise<{ ms: number; worstGap: number }> {
  const marker = `P7-DONE-${run}`;
  await page.evaluate(() => {
    const state = { last: performance.now(), worst: 0, running: true };
    (window as unknown as { p7: typeof state }).p7 = state;
    const tick = (now: number) => {
      state.worst = Math.max(state.worst, now - state.last);
      state.last = now;
      if (state.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // The marker is computed by the shell so the echoed command line does not match it.
  await page.keyboard.type(`clear; cat flood.txt; echo P7-DONE-$((${run}+0))`);
  const started = performance.now();
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (text) => {
      const element = document.querySelector('[data-testid="terminal"]') as (HTMLElement & { xterm: { buffer: { active: { length: number; getLine(y: number): { translateToString(trim: boolean): string } | undefined } } } }) | null;
      const buffer = element?.xterm.buffer.active;
      if (!buffer) return false;
      for (let y = buffer.length - 1; y >= Math.max(0, buffer.length - 6); y -= 1) {
        if (buffer.getLine(y)?.translateToString(true) === text) return true;
      }
      return false;
    },
    marker,
    { polling: 'raf', timeout: 600_000 },
  );
  const ms = performance.now() - started;
  const worstGap = await page.evaluate(() => {
    const state = (window as unknown as { p7: { worst: number; running: boolean } }).p7;
    state.running = false;
    return state.worst;
  });
  return { ms, worstGap };
}

const rawTimes: number[] = [];
const latheTimes: number[] = [];
const gaps: number[] = [];
for (let run = 0; run < runs; run += 1) {
  rawTimes.push(await rawPty());
  const result = await timeLathe(run);
  latheTimes.push(result.ms);
  gaps.push(result.worstGap);
  console.log(`run ${run + 1}: raw ${rawTimes.at(-1)?.toFixed(0)} ms, lathe ${result.ms.toFixed(0)} ms, worst frame gap ${result.worstGap.toFixed(0)} ms`);
}
await browser.close();
await lathe.stop();
const ratio = median(rawTimes) / median(latheTimes);
const worstGap = median(gaps);
console.log(
  `P7 terminal throughput ratio=${ratio.toFixed(2)} worst-frame-gap=${worstGap.toFixed(0)}ms (${megabytes} MB: raw pty ${median(rawTimes).toFixed(0)} ms / lathe ${median(latheTimes).toFixed(0)} ms, ${renderer} renderer, medians of ${runs}) goal ratio>=0.8 gap<=50ms`,
);
