// P3: quick open on a generated 100k-file tree. Index time against raw `rg --files` (same run, 5 each,
// alternating), then the time the workbench's matcher takes to compute one keystroke's rows over all paths.
import { spawn } from 'node:child_process';
import { rgPath } from '@vscode/ripgrep';
import { defaultSettings } from '../../src-shared/contract';
import { QuickOpenMatcher } from '../../src-renderer/features/quick-open/items';
import { findFiles } from '../../src-main/services/search';
import { ripgrepArgs } from '../../src-main/services/search/find-files';
import { generateTree } from './generate-tree';
import { median } from './measure';

const root = generateTree(1000, 100);
const runs = 5;

const rawRg = () =>
  new Promise<number>((resolve) => {
    const started = performance.now();
    // The same arguments Lathe gives rg, so the ratio is Lathe's own cost (spawning, reading, splitting).
    const child = spawn(rgPath, ripgrepArgs(defaultSettings['files.exclude']), { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.resume();
    child.on('exit', () => resolve(performance.now() - started));
  });

const lathe: number[] = [];
const rg: number[] = [];
let paths: string[] = [];
await rawRg();
for (let run = 0; run < runs; run += 1) {
  rg.push(await rawRg());
  const started = performance.now();
  paths = (await findFiles({ root, limit: 1_000_000, excludes: defaultSettings['files.exclude'], signal: new AbortController().signal })).paths;
  lathe.push(performance.now() - started);
}
console.log(`indexed ${paths.length} files`);

const matcher = new QuickOpenMatcher(paths);
const keystrokes: number[] = [];
for (const query of ['i', 'it', 'ite', 'item', 'item_5', 'item_5_', 'item_5_9', 'm9', 'mod/it', 'crate_3/module_42']) {
  const started = performance.now();
  matcher.items(query, [], 200);
  keystrokes.push(performance.now() - started);
}
const worst = Math.max(...keystrokes);
const ratio = median(lathe) / median(rg);
console.log(
  `P3 quick-open index ratio=${ratio.toFixed(2)} (lathe ${median(lathe).toFixed(0)} ms / rg --files ${median(rg).toFixed(0)} ms, medians of ${runs}) goal<=1.2; keystroke median ${median(keystrokes).toFixed(1)} ms, worst ${worst.toFixed(1)} ms goal<=30`,
);
