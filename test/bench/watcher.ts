// P6: subscribing to a 50k-file tree against raw @parcel/watcher (5 each, alternating, medians), and a
// 10k-file burst through Lathe's watcher counting lost events.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import watcher from '@parcel/watcher';
import pino from 'pino';
import { FileWatcherService } from '../../src-main/services/watcher';
import { generateTree } from './generate-tree';
import { median } from './measure';

const root = generateTree(500, 100);
const logger = pino({ level: 'silent' });
const runs = 5;
const raw: number[] = [];
const lathe: number[] = [];
for (let run = 0; run < runs; run += 1) {
  let started = performance.now();
  const subscription = await watcher.subscribe(root, () => undefined);
  raw.push(performance.now() - started);
  await subscription.unsubscribe();
  started = performance.now();
  const service = await FileWatcherService.start({ root, excludes: () => ({}), logger });
  lathe.push(performance.now() - started);
  await service.dispose();
}

const burstFolder = join(root, 'burst');
mkdirSync(burstFolder);
const service = await FileWatcherService.start({ root, excludes: () => ({}), logger });
const seen = new Set<string>();
const burst = 10_000;
const allSeen = new Promise<void>((resolve) => {
  service.onDidChange(({ changes }) => {
    for (const change of changes) if (change.kind === 'created' && change.path.startsWith('burst/')) seen.add(change.path);
    if (seen.size >= burst) resolve();
  });
});
const started = performance.now();
for (let file = 0; file < burst; file += 1) writeFileSync(join(burstFolder, `f${file}.txt`), 'x');
await Promise.race([allSeen, new Promise((resolve) => setTimeout(resolve, 20_000))]);
const burstMs = performance.now() - started;
await service.dispose();
const ratio = median(lathe) / median(raw);
console.log(
  `P6 watcher subscribe ratio=${ratio.toFixed(2)} (lathe ${median(lathe).toFixed(0)} ms / raw @parcel/watcher ${median(raw).toFixed(0)} ms on 50k files, medians of ${runs}) goal<=1.2; burst ${burst} files: ${burst - seen.size} lost goal=0, all seen in ${burstMs.toFixed(0)} ms`,
);
