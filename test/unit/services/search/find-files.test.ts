import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFiles } from '../../../../src-main/services/search';

function workspace(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'lathe-find-')));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function list(root: string, options: { limit?: number; excludes?: Record<string, boolean>; signal?: AbortSignal } = {}) {
  return findFiles({
    root,
    limit: options.limit ?? 1000,
    excludes: options.excludes ?? {},
    signal: options.signal ?? new AbortController().signal,
  });
}

describe('findFiles', () => {
  it('lists every file with workspace-relative `/` paths', async () => {
    const root = workspace({ 'Cargo.toml': '', 'src/main.rs': '', 'src/deep/nested/lib.rs': '' });
    const found = await list(root);
    expect(found.truncated).toBe(false);
    expect(found.paths.sort()).toEqual(['Cargo.toml', 'src/deep/nested/lib.rs', 'src/main.rs']);
  });

  it('honours .gitignore outside a git repository too', async () => {
    const root = workspace({ '.gitignore': 'target/\n*.log\n', 'src/main.rs': '', 'target/debug/app': '', 'build.log': '' });
    expect((await list(root)).paths.sort()).toEqual(['.gitignore', 'src/main.rs']);
  });

  it('honours .gitignore inside a git repository', async () => {
    const root = workspace({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'dist\n', 'index.ts': '', 'dist/index.js': '' });
    expect((await list(root)).paths.sort()).toEqual(['.gitignore', 'index.ts']);
  });

  it('leaves out files.exclude globs that are set to true', async () => {
    const root = workspace({ 'a.ts': '', 'node_modules/x/index.js': '', 'out/a.js': '', 'keep/b.ts': '', 'src/.DS_Store': '' });
    const found = await list(root, { excludes: { '**/node_modules': true, 'out': true, '**/.DS_Store': true, 'keep': false } });
    expect(found.paths.sort()).toEqual(['a.ts', 'keep/b.ts']);
  });

  it('lists hidden files but never .git', async () => {
    const root = workspace({ '.git/config': '', '.git/objects/ab/cdef': '', '.env.example': '', '.github/workflows/ci.yml': '', 'x.rs': '' });
    expect((await list(root)).paths.sort()).toEqual(['.env.example', '.github/workflows/ci.yml', 'x.rs']);
  });

  it('stops at the limit and says the list is truncated', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 50; index++) files[`f${index}.txt`] = '';
    const root = workspace(files);
    const found = await list(root, { limit: 10 });
    expect(found.truncated).toBe(true);
    expect(found.paths).toHaveLength(10);
    const exact = await list(root, { limit: 50 });
    expect(exact).toMatchObject({ truncated: false });
    expect(exact.paths).toHaveLength(50);
  });

  it('returns nothing for an empty folder', async () => {
    expect(await list(workspace({}))).toEqual({ paths: [], truncated: false });
  });

  it('rejects with CANCELLED when aborted', async () => {
    const root = workspace({ 'a.txt': '' });
    const controller = new AbortController();
    const pending = list(root, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'LatheError', code: 'CANCELLED' });
    const aborted = new AbortController();
    aborted.abort();
    await expect(list(root, { signal: aborted.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('rejects with UNAVAILABLE and rg’s message when the root does not exist', async () => {
    await expect(list(join(tmpdir(), 'lathe-find-missing-folder-xyz'))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
