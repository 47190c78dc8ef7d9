import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { RecentWorkspaces, WorkspaceService } from '../../../../src-main/services/workspace';

let root: string;
let workspace: WorkspaceService;

const ignoredNames = async (folder: string): Promise<string[]> =>
  (await workspace.list(folder)).filter((entry) => entry.gitIgnored).map((entry) => entry.name);

/** What git itself says is ignored among the entries of `folder` (the reference the explorer must agree with). */
function gitIgnored(folder: string, names: string[]): string[] {
  const paths = names.map((name) => (folder ? `${folder}/${name}` : name));
  let output = '';
  try {
    output = execFileSync('git', ['check-ignore', '--no-index', ...paths], { cwd: root, encoding: 'utf8' });
  } catch (error) {
    output = (error as { stdout?: string }).stdout ?? '';
  }
  return output.split('\n').filter(Boolean).map((path) => path.split('/').pop() ?? path);
}

beforeEach(async () => {
  root = join(realpathSync(mkdtempSync(join(tmpdir(), 'lathe-gitignore-'))), 'ws');
  mkdirSync(join(root, 'src', 'generated'), { recursive: true });
  mkdirSync(join(root, 'target', 'debug'), { recursive: true });
  mkdirSync(join(root, 'logs'), { recursive: true });
  for (const file of ['src/main.rs', 'src/notes.tmp', 'src/generated/out.rs', 'src/generated/keep.rs', 'target/debug/app', 'logs/a.log', 'logs/keep.log', 'debug.log', 'Cargo.toml']) {
    writeFileSync(join(root, file), 'x');
  }
  writeFileSync(join(root, '.gitignore'), '# build output\n/target\n*.log\n!logs/keep.log\n');
  writeFileSync(join(root, 'src', '.gitignore'), '*.tmp\ngenerated/*\n!generated/keep.rs\n');
  execFileSync('git', ['init', '-q'], { cwd: root });
  workspace = await WorkspaceService.open(root);
});

describe('the explorer knows what git ignores', () => {
  it.each(['', 'src', 'src/generated', 'logs', 'target', 'target/debug'])('agrees with git check-ignore in "%s"', async (folder) => {
    const names = (await workspace.list(folder)).map((entry) => entry.name);
    expect((await ignoredNames(folder)).sort()).toEqual(gitIgnored(folder, names).sort());
  });

  it('marks the expected entries (so the agreement above is not vacuous)', async () => {
    expect(await ignoredNames('')).toEqual(['target', 'debug.log']);
    expect(await ignoredNames('logs')).toEqual(['a.log']);
    expect(await ignoredNames('src/generated')).toEqual(['out.rs']);
    expect(await ignoredNames('target/debug')).toEqual(['app']);
  });

  it('honours .git/info/exclude and follows edits to a .gitignore', async () => {
    writeFileSync(join(root, '.git', 'info', 'exclude'), 'Cargo.toml\n');
    expect(await ignoredNames('')).toContain('Cargo.toml');
    writeFileSync(join(root, '.gitignore'), '/target\n');
    // Same-second writes must still be seen: move the mtime on explicitly.
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, '.gitignore'), later, later);
    expect(await ignoredNames('')).toEqual(['target', 'Cargo.toml']);
    rmSync(join(root, '.gitignore'));
    expect(await ignoredNames('')).toEqual(['Cargo.toml']);
  });
});

describe('recent workspaces', () => {
  const memoryStore = () => {
    const values = new Map<string, unknown>();
    return { get: (key: string) => values.get(key) ?? null, set: (key: string, value: unknown) => void values.set(key, value) };
  };

  it('keeps each folder once, most recent first, at most 20, and reports missing ones', () => {
    const recent = new RecentWorkspaces(memoryStore());
    for (let index = 0; index < 25; index += 1) recent.record({ name: `f${String(index)}`, root: `/nowhere/f${String(index)}` }, index);
    recent.record({ name: 'ws', root }, 100);
    recent.record({ name: 'f24', root: '/nowhere/f24' }, 101);
    const list = recent.list();
    expect(list).toHaveLength(20);
    expect(list.slice(0, 3).map((entry) => [entry.name, entry.exists])).toEqual([
      ['f24', false],
      ['ws', true],
      ['f23', false],
    ]);
    expect(recent.has(root)).toBe(true);
    expect(recent.has('/nowhere/f0')).toBe(false);
  });

  it('drops a stored value that is not a list of folders', () => {
    const store = memoryStore();
    store.set('recentWorkspaces', [{ root: 42 }]);
    expect(new RecentWorkspaces(store).list()).toEqual([]);
  });
});
