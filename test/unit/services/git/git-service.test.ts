import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Disposable, GitSnapshot } from '../../../../src-shared/contract';
import { GitService } from '../../../../src-main/services/git';
import { PathGuard } from '../../../../src-main/services/workspace';
import { silentLogger } from '../../helpers/silent-logger';
import { expectGitError, git, makeRepository, makeService, MemorySecrets, scratch, write } from './git-fixtures';

function nextSnapshot(service: GitService): { next: Promise<GitSnapshot>; subscription: Disposable } {
  let subscription: Disposable | undefined;
  const next = new Promise<GitSnapshot>((resolve) => {
    subscription = service.onDidChangeStatus(resolve);
  });
  return { next, subscription: subscription as Disposable };
}

describe('git service', () => {
  it('picks the installed git for "auto"', async () => {
    const root = makeRepository();
    const service = new GitService({
      guard: await PathGuard.create(root),
      settings: () => ({ backend: 'auto', path: '', pullRebase: false, alwaysSignOff: false }),
      secrets: new MemorySecrets(),
      dataDirectory: scratch('profile'),
      logger: silentLogger,
    });
    expect((await service.status()).repository.backend).toBe('native');
  });

  it('refreshes the status, debounced, on file changes and on changes in the git directory', async () => {
    const root = makeRepository();
    let gitDirChanged: (() => void) | undefined;
    const watched: string[] = [];
    const service = new GitService({
      guard: await PathGuard.create(root),
      settings: () => ({ backend: 'native', path: '', pullRebase: false, alwaysSignOff: false }),
      secrets: new MemorySecrets(),
      dataDirectory: scratch('profile'),
      logger: silentLogger,
      refreshDelayMs: 10,
      watchFolder: async (path, onChange) => {
        watched.push(path);
        gitDirChanged = onChange;
        return { dispose: () => undefined };
      },
    });
    const first = nextSnapshot(service);
    expect((await first.next).status?.unstaged).toEqual([]);
    first.subscription.dispose();
    expect(watched).toEqual([join(root, '.git')]);

    const edited = nextSnapshot(service);
    write(root, 'a.txt', 'edited\n');
    service.refreshSoon();
    expect((await edited.next).status?.unstaged).toEqual([{ path: 'a.txt', kind: 'modified' }]);
    edited.subscription.dispose();

    const staged = nextSnapshot(service);
    git(root, 'add', 'a.txt');
    gitDirChanged?.();
    expect((await staged.next).status?.staged).toEqual([{ path: 'a.txt', kind: 'modified' }]);
    staged.subscription.dispose();
    await service.dispose();
  });

  it('looks for the repository again once its .git folder is gone, and stages everything from the root path', async () => {
    const root = makeRepository();
    write(root, 'a.txt', 'edited\n');
    write(root, 'b.txt', 'new\n');
    const service = await makeService(root, 'native');
    await service.stage(['']);
    expect(git(root, 'diff', '--cached', '--name-only').trim().split('\n')).toEqual(['a.txt', 'b.txt']);
    rmSync(join(root, '.git'), { recursive: true });
    expect(await service.status()).toEqual({ repository: { kind: 'none', backend: 'native' }, status: null });
  });

  it('maps paths when the workspace is a folder inside the repository', async () => {
    const root = makeRepository({ 'top.txt': 'top\n', 'pkg/inner.txt': 'inner\n' });
    write(root, 'top.txt', 'changed\n');
    write(root, 'pkg/inner.txt', 'changed\n');
    const service = await makeService(join(root, 'pkg'), 'native');
    const { repository, status } = await service.status();
    expect(repository).toMatchObject({ kind: 'repository', root, prefix: 'pkg' });
    expect(status?.unstaged).toEqual([{ path: 'inner.txt', kind: 'modified' }]);
    await service.stage(['inner.txt']);
    expect(git(root, 'diff', '--cached', '--name-only').trim()).toBe('pkg/inner.txt');
    expect((await service.diff('inner.txt', true)).path).toBe('inner.txt');
    await expectGitError(service.stage(['../top.txt']), 'OUTSIDE_WORKSPACE');
  });

  it('refuses paths that leave the workspace through a symbolic link', async () => {
    const outside = makeRepository({ 'secret.txt': 'secret\n' });
    const root = makeRepository();
    symlinkSync(outside, join(root, 'link'));
    const service = await makeService(root, 'native');
    await expectGitError(service.readFile('link/secret.txt', 'HEAD'), 'OUTSIDE_WORKSPACE');
    await expectGitError(service.discard(['link']), 'OUTSIDE_WORKSPACE');
  });
});
