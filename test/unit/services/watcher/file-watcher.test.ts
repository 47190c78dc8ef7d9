import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileChange } from '../../../../src-shared/contract';
import { coalesceChanges, FileWatcherService } from '../../../../src-main/services/watcher';

const logger = pino({ level: 'silent' });
const capMs = 10_000;

let root: string;
let excludes: Record<string, boolean>;
let service: FileWatcherService | undefined;
let received: FileChange[];
let waiters: { test: () => boolean; resolve: () => void }[];

beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'lathe-watcher-')));
  excludes = {};
  received = [];
  waiters = [];
});

afterEach(async () => {
  await service?.dispose();
  service = undefined;
  rmSync(root, { recursive: true, force: true });
});

async function start(): Promise<FileWatcherService> {
  service = await FileWatcherService.start({ root, excludes: () => excludes, logger });
  service.onDidChange(({ changes }) => {
    received.push(...changes);
    for (const waiter of [...waiters]) {
      if (!waiter.test()) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  return service;
}

/** Resolves once `test` holds for what has arrived, failing after a generous cap. */
function until(test: () => boolean, what: string): Promise<void> {
  if (test()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(received.slice(0, 20))}`)), capMs);
    waiters.push({
      test,
      resolve: () => {
        clearTimeout(timer);
        resolve();
      },
    });
  });
}

const has = (path: string, kind: FileChange['kind']) => () => received.some((change) => change.path === path && change.kind === kind);

/** A marker file written last: once its event arrives, everything written before it has been reported. */
async function flush(name: string): Promise<void> {
  writeFileSync(join(root, name), 'marker');
  await until(has(name, 'created'), name);
}

describe('FileWatcherService', () => {
  it('reports created, changed and deleted files with workspace-relative paths', async () => {
    await start();
    mkdirSync(join(root, 'src', 'deep'), { recursive: true });
    writeFileSync(join(root, 'src', 'deep', 'a.txt'), 'one');
    await until(has('src/deep/a.txt', 'created'), 'create');

    writeFileSync(join(root, 'src', 'deep', 'a.txt'), 'two');
    await until(has('src/deep/a.txt', 'changed'), 'change');

    rmSync(join(root, 'src', 'deep', 'a.txt'));
    await until(has('src/deep/a.txt', 'deleted'), 'delete');
    expect(received.every((change) => !change.path.startsWith('/') && !change.path.includes('\\'))).toBe(true);
  });

  it('never reports node_modules, target, .git/objects or files.exclude matches', async () => {
    excludes = { '**/*.log': true, 'build/**': true, 'kept/**': false };
    // The folders exist before the watch starts, as they do in a real checkout.
    for (const folder of ['node_modules/pkg', 'crates/a/target/debug', '.git/objects/ab', 'nested/node_modules', 'build/out', 'kept']) {
      mkdirSync(join(root, folder), { recursive: true });
    }
    await start();
    writeFileSync(join(root, 'node_modules', 'pkg', 'index.js'), 'x');
    writeFileSync(join(root, 'nested', 'node_modules', 'b.js'), 'x');
    writeFileSync(join(root, 'crates', 'a', 'target', 'debug', 'bin'), 'x');
    writeFileSync(join(root, '.git', 'objects', 'ab', 'cdef'), 'x');
    writeFileSync(join(root, 'debug.log'), 'x');
    writeFileSync(join(root, 'build', 'out', 'main.js'), 'x');
    writeFileSync(join(root, 'kept', 'file.txt'), 'x');
    await until(has('kept/file.txt', 'created'), 'kept/file.txt');
    await flush('zz-marker.txt');

    const paths = received.map((change) => change.path);
    expect(paths.filter((path) => /(^|\/)(node_modules|target)(\/|$)|^\.git\/objects|\.log$|^build(\/|$)/.test(path))).toEqual([]);
    expect(paths).toContain('kept/file.txt');
  });

  it('applies a new files.exclude glob on updateExcludes', async () => {
    await start();
    writeFileSync(join(root, 'before.tmp'), 'x');
    await until(has('before.tmp', 'created'), 'before.tmp');

    excludes = { '**/*.tmp': true };
    await service?.updateExcludes();
    // A second call with the same list must not break the subscription.
    await service?.updateExcludes();
    writeFileSync(join(root, 'after.tmp'), 'x');
    await flush('after-marker.txt');
    expect(received.map((change) => change.path)).not.toContain('after.tmp');
  });

  it('delivers a burst of 2,000 new files completely', async () => {
    await start();
    mkdirSync(join(root, 'burst'));
    const expected = new Set<string>();
    for (let index = 0; index < 2_000; index++) {
      writeFileSync(join(root, 'burst', `file-${index}.txt`), String(index));
      expected.add(`burst/file-${index}.txt`);
    }
    const seen = new Set<string>();
    await until(() => {
      for (const change of received) if (change.kind === 'created' && expected.has(change.path)) seen.add(change.path);
      return seen.size === expected.size;
    }, 'all 2,000 files');
    expect(seen.size).toBe(2_000);
  });

  it('stops reporting after dispose', async () => {
    const watcher = await start();
    writeFileSync(join(root, 'first.txt'), 'x');
    await until(has('first.txt', 'created'), 'first.txt');
    await watcher.dispose();
    const count = received.length;

    // A second watcher on the same folder proves the write was observable, without a fixed sleep.
    const witness = await FileWatcherService.start({ root, excludes: () => ({}), logger });
    try {
      const seen = new Promise<void>((resolve) => {
        witness.onDidChange(({ changes }) => {
          if (changes.some((change) => change.path === 'second.txt')) resolve();
        });
      });
      writeFileSync(join(root, 'second.txt'), 'x');
      await seen;
    } finally {
      await witness.dispose();
    }
    expect(received.length).toBe(count);
  });
});

describe('coalesceChanges', () => {
  it('keeps one net event per path', () => {
    expect(
      coalesceChanges([
        { path: 'a', kind: 'created' },
        { path: 'a', kind: 'deleted' },
        { path: 'b', kind: 'created' },
        { path: 'b', kind: 'changed' },
        { path: 'c', kind: 'deleted' },
        { path: 'c', kind: 'created' },
        { path: 'd', kind: 'changed' },
        { path: 'd', kind: 'changed' },
        { path: 'e', kind: 'changed' },
        { path: 'e', kind: 'deleted' },
      ]),
    ).toEqual([
      { path: 'b', kind: 'created' },
      { path: 'c', kind: 'changed' },
      { path: 'd', kind: 'changed' },
      { path: 'e', kind: 'deleted' },
    ]);
  });
});
