// P5: the status of a generated 10k-file repository with changes, through Lathe's git service on the
// native back-end against `git status --porcelain` (alternating, medians), and on isomorphic-git.
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { GitBackendKind } from '../../src-shared/contract';
import { GitService } from '../../src-main/services/git';
import { PathGuard } from '../../src-main/services/workspace';
import { generateTree } from './generate-tree';
import { median } from './measure';

const env = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
};
process.env.GIT_CONFIG_GLOBAL = env.GIT_CONFIG_GLOBAL;
process.env.GIT_CONFIG_NOSYSTEM = env.GIT_CONFIG_NOSYSTEM;
const git = (cwd: string, ...args: string[]): void => void execFileSync('git', args, { cwd, env, stdio: 'ignore' });

// 100 folders × 100 files, committed; then 100 files edited (30 of them staged), 20 deleted, 50 new.
const root = generateTree(100, 100);
git(root, 'init', '-q', '-b', 'main');
git(root, 'add', '-A');
git(root, 'commit', '-q', '-m', 'generated');
for (let folder = 0; folder < 100; folder += 1) {
  const directory = join(root, `crate_${folder % 20}`, `module_${folder}`);
  appendFileSync(join(directory, `item_0_${folder}.rs`), '// edited\n');
  if (folder < 20) rmSync(join(directory, `item_1_${folder}.rs`));
  if (folder < 50) writeFileSync(join(directory, `new_${folder}.rs`), '// new\n');
}
git(root, 'add', ...Array.from({ length: 30 }, (_, folder) => `crate_${folder % 20}/module_${folder}/item_0_${folder}.rs`));

const rawStatus = () =>
  new Promise<number>((resolve) => {
    const started = performance.now();
    const child = spawn('git', ['status', '--porcelain'], { cwd: root, env, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.resume();
    child.on('close', () => resolve(performance.now() - started));
  });

async function latheService(backend: GitBackendKind): Promise<GitService> {
  return new GitService({
    guard: await PathGuard.create(root),
    settings: () => ({ backend, path: '', pullRebase: false, alwaysSignOff: false }),
    secrets: { get: async () => undefined, set: async () => undefined, delete: async () => undefined },
    dataDirectory: mkdtempSync(join(tmpdir(), 'lathe-p5-')),
    logger: pino({ level: 'silent' }),
  });
}

async function timeStatus(service: GitService): Promise<number> {
  const started = performance.now();
  const { status } = await service.status();
  const elapsed = performance.now() - started;
  const changes = (status?.staged.length ?? 0) + (status?.unstaged.length ?? 0) + (status?.untracked.length ?? 0);
  if (changes !== 30 + 70 + 20 + 50) throw new Error(`unexpected status: ${changes} changes`);
  return elapsed;
}

const runs = 9;
const native = await latheService('native');
const isomorphic = await latheService('isomorphic');
// Warm up both (the first git status refreshes the index's stat cache; isomorphic-git fills its cache).
await rawStatus();
await timeStatus(native);
await timeStatus(isomorphic);
const rawTimes: number[] = [];
const nativeTimes: number[] = [];
const isomorphicTimes: number[] = [];
for (let run = 0; run < runs; run += 1) {
  rawTimes.push(await rawStatus());
  nativeTimes.push(await timeStatus(native));
}
for (let run = 0; run < 3; run += 1) isomorphicTimes.push(await timeStatus(isomorphic));
const anchor = median(rawTimes);
console.log(
  `P5 git status ratio=${(median(nativeTimes) / anchor).toFixed(2)} (lathe native ${median(nativeTimes).toFixed(0)} ms / git status --porcelain ${anchor.toFixed(0)} ms, medians of ${runs}) ` +
    `isomorphic ratio=${(median(isomorphicTimes) / anchor).toFixed(2)} (${median(isomorphicTimes).toFixed(0)} ms, median of 3) goal<=1.5`,
);
