// P1: from launching browser mode to a workbench where a key typed into an open file reaches Monaco,
// against a bare page that only loads Monaco with the same file, side by side, 5 runs each.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../e2e/chromium';
import { repoRoot, startLathe } from '../e2e/lathe-server';
import { bareDir, buildBareMonaco, serveBareMonaco } from './bare-monaco';
import { median } from './measure';

const runs = 5;
const fixture = join(repoRoot, 'test', 'fixtures', 'workspace');

async function typeAndSee(page: Page): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('qz');
  await page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('qz'));
}

/** One launch of browser mode on a profile and folder that earlier launches used, so the file is reopened. */
async function timeLathe(browser: Browser, scratch: string, openThroughExplorer: boolean): Promise<{ ms: number; pid: number; stop: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const started = performance.now();
  const lathe = await startLathe(join(scratch, 'workspace'), join(scratch, 'profile'));
  await page.goto(lathe.url);
  if (openThroughExplorer) {
    await page.getByText('src', { exact: true }).click();
    await page.getByText('main.rs', { exact: true }).click();
  }
  await page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('greeting(name'));
  await typeAndSee(page);
  const ms = performance.now() - started;
  return {
    ms,
    pid: lathe.process.pid ?? 0,
    stop: async () => {
      await context.close();
      await lathe.stop();
    },
  };
}

async function timeBare(browser: Browser): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const started = performance.now();
  const server = await serveBareMonaco();
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await typeAndSee(page);
  const ms = performance.now() - started;
  await context.close();
  server.stop();
  return ms;
}

function residentMegabytes(pid: number): number {
  const kilobytes = Number(spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim());
  return kilobytes / 1024;
}

if (!existsSync(join(repoRoot, 'out', 'server', 'server.mjs'))) {
  spawnSync(process.execPath, [join(repoRoot, 'build', 'build.mjs')], { stdio: 'inherit' });
}
await buildBareMonaco();
copyFileSync(join(fixture, 'src', 'main.rs'), join(bareDir, 'file.rs'));

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
const lathe: number[] = [];
const bare: number[] = [];
let idleMegabytes = 0;
const scratch = mkdtempSync(join(tmpdir(), 'lathe-p1-'));
cpSync(fixture, join(scratch, 'workspace'), { recursive: true });
// A warm-up of each, so that disk caches favour neither side; Lathe's opens the file from the
// explorer, and every later launch finds it reopened, as a user does.
await timeBare(browser);
const warmUp = await timeLathe(browser, scratch, true);
await warmUp.stop();
for (let run = 1; run <= runs; run += 1) {
  const latheRun = await timeLathe(browser, scratch, false);
  lathe.push(latheRun.ms);
  if (run === runs) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    idleMegabytes = residentMegabytes(latheRun.pid);
  }
  await latheRun.stop();
  bare.push(await timeBare(browser));
  console.log(`run ${run}: lathe ${lathe.at(-1)?.toFixed(0)} ms, bare monaco ${bare.at(-1)?.toFixed(0)} ms`);
}
await browser.close();
const ratio = median(lathe) / median(bare);
console.log(
  `P1 startup ratio=${ratio.toFixed(2)} (lathe ${median(lathe).toFixed(0)} ms / bare monaco ${median(bare).toFixed(0)} ms, medians of ${runs}) goal<=1.5; host rss at idle ${idleMegabytes.toFixed(0)} MB`,
);
