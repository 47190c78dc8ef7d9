import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GitBackendKind } from '../../../../src-shared/contract';
import { expectGitError, git, makeRepository, makeService, scratch, write } from './git-fixtures';

const numbered = (count: number, change: Record<number, string> = {}): string =>
  Array.from({ length: count }, (_, index) => change[index + 1] ?? `line ${index + 1}`).join('\n') + '\n';

describe.each<GitBackendKind>(['native', 'isomorphic'])('git service on the %s back-end', (backend) => {
  it('reports every kind of change, grouped as git status does', async () => {
    const root = makeRepository({ 'keep.txt': 'k\n', 'edit.txt': 'e\n', 'gone.txt': 'g\n', 'staged.txt': 's\n', 'both.txt': 'b\n' });
    write(root, 'edit.txt', 'e2\n');
    rmSync(join(root, 'gone.txt'));
    write(root, 'staged.txt', 's2\n');
    write(root, 'new.txt', 'n\n');
    write(root, 'folder/untracked.txt', 'u\n');
    write(root, 'both.txt', 'b2\n');
    git(root, 'add', 'staged.txt', 'new.txt', 'both.txt');
    write(root, 'both.txt', 'b3\n');
    const service = await makeService(root, backend);

    const { repository, status } = await service.status();
    expect(repository).toMatchObject({ kind: 'repository', backend, prefix: '' });
    expect(status?.head).toMatchObject({ branch: 'main', detached: false, upstream: null });
    expect(status?.head.oid).toBe(git(root, 'rev-parse', 'HEAD').trim());
    const byPath = (entries: { path: string; kind: string }[]) => Object.fromEntries(entries.map((entry) => [entry.path, entry.kind]));
    expect(byPath(status?.staged ?? [])).toEqual({ 'both.txt': 'modified', 'new.txt': 'added', 'staged.txt': 'modified' });
    expect(byPath(status?.unstaged ?? [])).toEqual({ 'both.txt': 'modified', 'edit.txt': 'modified', 'gone.txt': 'deleted' });
    expect(byPath(status?.untracked ?? [])).toEqual({ 'folder/untracked.txt': 'untracked' });
    expect(status?.conflicted).toEqual([]);
  });

  it('finds no repository, offers init, and handles the empty repository', async () => {
    const root = join(scratch('plain'), 'work');
    mkdirSync(root);
    write(root, 'file.txt', 'x\n');
    const service = await makeService(root, backend);
    expect(await service.status()).toEqual({ repository: { kind: 'none', backend }, status: null });
    await expectGitError(service.stage(['file.txt']), 'NOT_FOUND', 'notRepository');
    expect(existsSync(join(root, '.git'))).toBe(false);

    const snapshot = await service.init();
    expect(snapshot.repository.kind).toBe('repository');
    expect(snapshot.status?.head.oid).toBeNull();
    expect(snapshot.status?.untracked.map((entry) => entry.path)).toEqual(['file.txt']);
    await expectGitError(service.init(), 'CONFLICT', 'alreadyExists');
    await expectGitError(service.log({ revision: 'HEAD', all: false, skip: 0, limit: 10 }), 'NOT_FOUND', 'emptyRepository');

    git(root, 'config', 'user.name', 'Test Author');
    git(root, 'config', 'user.email', 'author@example.com');
    await service.stage(['file.txt']);
    expect((await service.status()).status?.staged).toEqual([{ path: 'file.txt', kind: 'added' }]);
    await service.unstage(['file.txt']);
    expect((await service.status()).status?.staged).toEqual([]);
    await service.stage(['file.txt']);
    const { oid } = await service.commit('first', false, undefined);
    expect(git(root, 'log', '--format=%H %s').trim()).toBe(`${oid} first`);
  });

  it('stages, unstages, discards with a backup, and undoes the discard', async () => {
    const root = makeRepository({ 'a.txt': 'one\n', 'b.txt': 'two\n' });
    write(root, 'a.txt', 'one changed\n');
    write(root, 'scratch.txt', 'draft\n');
    const service = await makeService(root, backend);

    await service.stage(['a.txt']);
    expect(git(root, 'diff', '--cached', '--name-only').trim()).toBe('a.txt');
    await service.unstage(['a.txt']);
    expect(git(root, 'diff', '--cached', '--name-only').trim()).toBe('');
    await service.stage(['scratch.txt']);
    await service.unstage(['scratch.txt']);
    expect(git(root, 'status', '--porcelain').trimEnd().split('\n')).toEqual([' M a.txt', '?? scratch.txt']);

    const backup = await service.discard(['a.txt', 'scratch.txt']);
    expect(backup?.paths.sort()).toEqual(['a.txt', 'scratch.txt']);
    expect(readFileSync(join(root, 'a.txt'), 'utf8')).toBe('one\n');
    expect(existsSync(join(root, 'scratch.txt'))).toBe(false);
    expect((await service.discardBackups()).map((entry) => entry.id)).toEqual([backup?.id]);

    await service.undoDiscard(backup?.id ?? '');
    expect(readFileSync(join(root, 'a.txt'), 'utf8')).toBe('one changed\n');
    expect(readFileSync(join(root, 'scratch.txt'), 'utf8')).toBe('draft\n');
    expect(await service.discardBackups()).toEqual([]);

    // An undo never overwrites work done after the discard.
    const second = await service.discard(['a.txt']);
    write(root, 'a.txt', 'newer work\n');
    await expectGitError(service.undoDiscard(second?.id ?? ''), 'CONFLICT');
    expect(readFileSync(join(root, 'a.txt'), 'utf8')).toBe('newer work\n');
    await expectGitError(service.discard(['../outside.txt']), 'OUTSIDE_WORKSPACE');
  });

  it('stages and unstages one hunk and single lines', async () => {
    const root = makeRepository({ 'code.txt': numbered(20) });
    write(root, 'code.txt', numbered(20, { 2: 'second changed', 18: 'eighteenth changed' }));
    const service = await makeService(root, backend);

    const diff = await service.diff('code.txt', false);
    expect(diff.hunks).toHaveLength(2);
    const [first, second] = diff.hunks;
    expect(first?.lines.filter((line) => line.kind !== 'context')).toEqual([
      { kind: 'removed', text: 'line 2', oldLine: 2, newLine: null },
      { kind: 'added', text: 'second changed', oldLine: null, newLine: 2 },
    ]);

    // The first hunk alone.
    await service.stageLines('code.txt', {
      oldRanges: [{ start: first?.oldStart ?? 0, end: (first?.oldStart ?? 0) + (first?.oldLines ?? 0) - 1 }],
      newRanges: [{ start: first?.newStart ?? 0, end: (first?.newStart ?? 0) + (first?.newLines ?? 0) - 1 }],
    });
    expect(git(root, 'show', ':code.txt')).toBe(numbered(20, { 2: 'second changed' }));
    expect(git(root, 'diff', '--cached', '-U0').split('\n').filter((line) => /^[-+][^-+]/.test(line))).toEqual(['-line 2', '+second changed']);
    expect((await service.diff('code.txt', false)).hunks).toHaveLength(1);
    expect(second?.newStart).toBeGreaterThan(10);

    // Unstage only the added line of the staged hunk: the index keeps the removal.
    await service.unstageLines('code.txt', { oldRanges: [], newRanges: [{ start: 2, end: 2 }] });
    expect(git(root, 'show', ':code.txt')).toBe(numbered(20).replace('line 2\n', ''));
    await service.unstageLines('code.txt', { oldRanges: [{ start: 2, end: 2 }], newRanges: [] });
    expect(git(root, 'diff', '--cached').trim()).toBe('');

    // A single added line of the second hunk, without its removal.
    await service.stageLines('code.txt', { oldRanges: [], newRanges: [{ start: 18, end: 18 }] });
    expect(git(root, 'show', ':code.txt')).toBe(numbered(20).replace('line 18\n', 'line 18\neighteenth changed\n'));
    expect(readFileSync(join(root, 'code.txt'), 'utf8')).toBe(numbered(20, { 2: 'second changed', 18: 'eighteenth changed' }));

    await expectGitError(service.stageLines('code.txt', { oldRanges: [{ start: 9, end: 9 }], newRanges: [] }), 'CONFLICT', 'staleSelection');
  });

  it('stages lines of a new file and reads files at HEAD and in the index', async () => {
    const root = makeRepository();
    write(root, 'fresh.txt', 'alpha\nbeta\ngamma\n');
    const service = await makeService(root, backend);
    await service.stageLines('fresh.txt', { oldRanges: [], newRanges: [{ start: 1, end: 1 }, { start: 3, end: 3 }] });
    expect(git(root, 'show', ':fresh.txt')).toBe('alpha\ngamma\n');
    expect(await service.readFile('fresh.txt', 'index')).toEqual({ content: 'alpha\ngamma\n', binary: false });
    expect(await service.readFile('fresh.txt', 'HEAD')).toEqual({ content: null, binary: false });
    expect(await service.readFile('a.txt', 'HEAD')).toEqual({ content: 'one\ntwo\nthree\n', binary: false });
    const { status } = await service.status();
    expect(status?.staged).toEqual([{ path: 'fresh.txt', kind: 'added' }]);
    expect(status?.unstaged).toEqual([{ path: 'fresh.txt', kind: 'modified' }]);
  });

  it('commits, amends and signs off', async () => {
    const root = makeRepository();
    const service = await makeService(root, backend);
    await expectGitError(service.commit('nothing', false, undefined), 'CONFLICT', 'nothingToCommit');
    write(root, 'a.txt', 'changed\n');
    await service.stage(['a.txt']);
    const { oid } = await service.commit('Change a', false, true);
    expect(git(root, 'log', '-1', '--format=%H%n%B').trim()).toBe(`${oid}\nChange a\n\nSigned-off-by: Test Author <author@example.com>`);
    write(root, 'b.txt', 'added by the amend\n');
    await service.stage(['b.txt']);
    const amended = await service.commit('', true, false);
    expect(amended.oid).not.toBe(oid);
    expect(git(root, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n')).toEqual(['a.txt', 'b.txt']);
    expect(git(root, 'rev-list', '--count', 'HEAD').trim()).toBe('2');
    expect(git(root, 'log', '-1', '--format=%s').trim()).toBe('Change a');
    await service.commit('Reworded', true, false);
    expect(git(root, 'log', '-1', '--format=%s').trim()).toBe('Reworded');
  });

  it('creates, switches, renames and deletes branches, and reports a detached HEAD', async () => {
    const root = makeRepository();
    const service = await makeService(root, backend);
    await service.createBranch('feature', undefined, true);
    expect(git(root, 'branch', '--show-current').trim()).toBe('feature');
    write(root, 'a.txt', 'on feature\n');
    git(root, 'commit', '-qam', 'feature work');
    await service.switchBranch('main');
    expect(readFileSync(join(root, 'a.txt'), 'utf8')).toBe('one\ntwo\nthree\n');
    await expectGitError(service.deleteBranch('feature', false), 'CONFLICT', 'notMerged');
    await service.renameBranch('feature', 'topic');
    const branches = await service.branches();
    expect(branches.map((branch) => [branch.name, branch.current]).sort()).toEqual([
      ['main', true],
      ['topic', false],
    ]);
    await expectGitError(service.createBranch('topic', undefined, false), 'CONFLICT', 'alreadyExists');
    await service.deleteBranch('topic', true);
    expect(git(root, 'branch', '--format=%(refname:short)').trim()).toBe('main');

    git(root, 'checkout', '-q', '--detach', 'HEAD');
    const { status } = await service.status();
    expect(status?.head).toMatchObject({ branch: null, detached: true, oid: git(root, 'rev-parse', 'HEAD').trim() });
  });

  it('pushes, lists and pops a stash', async () => {
    const root = makeRepository();
    const service = await makeService(root, backend);
    expect(await service.stashPush(undefined, false)).toEqual({ created: false });
    write(root, 'a.txt', 'stashed\n');
    expect(await service.stashPush('my work', false)).toEqual({ created: true });
    expect(readFileSync(join(root, 'a.txt'), 'utf8')).toBe('one\ntwo\nthree\n');
    const stashes = await service.stashList();
    expect(stashes).toHaveLength(1);
    expect(stashes[0]?.message).toContain('my work');
    expect((await service.status()).status?.stashCount).toBe(1);
    await service.stashPop(0);
    expect(readFileSync(join(root, 'a.txt'), 'utf8')).toBe('stashed\n');
    expect(await service.stashList()).toEqual([]);
    await expectGitError(service.stashPop(0), 'NOT_FOUND');
  });

  it('detects conflicts and marks them resolved only once the markers are gone', async () => {
    const root = makeRepository();
    git(root, 'checkout', '-q', '-b', 'other');
    write(root, 'a.txt', 'one\nTHEIRS\nthree\n');
    git(root, 'commit', '-qam', 'theirs');
    git(root, 'checkout', '-q', 'main');
    write(root, 'a.txt', 'one\nOURS\nthree\n');
    git(root, 'commit', '-qam', 'ours');
    try {
      git(root, 'merge', 'other');
    } catch {
      // The conflict is the point.
    }
    const service = await makeService(root, backend);
    const { status } = await service.status();
    expect(status?.conflicted).toEqual([{ path: 'a.txt', kind: 'bothModified' }]);
    expect(status?.operation).toBe('merge');
    expect(status?.staged).toEqual([]);

    const refused = await expectGitError(service.markResolved(['a.txt'], false), 'CONFLICT', 'markersRemain');
    expect(refused.details?.paths).toEqual(['a.txt']);
    await expectGitError(service.commit('merge', false, undefined), 'CONFLICT', 'unmerged');
    writeFileSync(join(root, 'a.txt'), 'one\nOURS and THEIRS\nthree\n');
    await service.markResolved(['a.txt'], false);
    expect((await service.status()).status?.conflicted).toEqual([]);
    await service.commit('Merge other', false, undefined);
    expect(git(root, 'log', '-1', '--format=%P').trim().split(' ')).toHaveLength(2);
  });

  it('pages through the log with parents, file history, a commit and its diff, and blame', async () => {
    const root = makeRepository({ 'a.txt': 'one\ntwo\n', 'b.txt': 'b\n' });
    write(root, 'a.txt', 'one\nTWO\n');
    git(root, 'commit', '-qam', 'second');
    write(root, 'b.txt', 'b2\n');
    git(root, 'commit', '-qam', 'third');
    git(root, 'tag', 'v1');
    write(root, 'a.txt', 'one\nTWO\nuncommitted\n');
    const service = await makeService(root, backend);
    const oids = git(root, 'rev-list', 'HEAD').trim().split('\n');

    const page = await service.log({ revision: 'HEAD', all: false, skip: 0, limit: 2 });
    expect(page.hasMore).toBe(true);
    expect(page.commits.map((commit) => commit.oid)).toEqual(oids.slice(0, 2));
    expect(page.commits[0]?.parents).toEqual([oids[1]]);
    expect(page.commits[0]?.refs).toEqual(expect.arrayContaining(['HEAD -> main', 'tag: v1']));
    expect(page.commits[0]?.author).toMatchObject({ name: 'Test Author', email: 'author@example.com' });
    const rest = await service.log({ revision: 'HEAD', all: false, skip: 2, limit: 2 });
    expect(rest).toMatchObject({ hasMore: false, commits: [{ oid: oids[2], parents: [], subject: 'first' }] });
    const history = await service.log({ revision: 'HEAD', all: true, path: 'a.txt', skip: 0, limit: 10 });
    expect(history.commits.map((commit) => commit.subject)).toEqual(['second', 'first']);

    const details = await service.showCommit(oids[1] ?? '');
    expect(details.commit).toMatchObject({ subject: 'second', message: 'second', parents: [oids[2]] });
    expect(details.files).toEqual([{ path: 'a.txt', kind: 'modified' }]);
    const diff = await service.commitDiff(oids[1] ?? '', 'a.txt');
    expect(diff.hunks[0]?.lines.filter((line) => line.kind !== 'context').map((line) => `${line.kind} ${line.text}`)).toEqual(['removed two', 'added TWO']);

    const blame = await service.blame('a.txt');
    expect(blame.ranges).toEqual([
      { startLine: 1, lineCount: 1, oid: oids[2] },
      { startLine: 2, lineCount: 1, oid: oids[1] },
      { startLine: 3, lineCount: 1, oid: null },
    ]);
    expect(blame.commits[oids[1] ?? '']).toMatchObject({ subject: 'second', author: { name: 'Test Author' } });
  });

  it('refuses a bare repository, a stale index.lock and a corrupt index with typed errors', async () => {
    const bare = join(scratch('bare'), 'repo.git');
    git(scratch('bare-parent'), 'init', '-q', '--bare', bare);
    const bareService = await makeService(bare, backend);
    expect((await bareService.status()).repository.kind).toBe('bare');
    await expectGitError(bareService.commit('x', false, undefined), 'UNSUPPORTED', 'bareRepository');

    const root = makeRepository();
    write(root, 'a.txt', 'changed\n');
    const service = await makeService(root, backend);
    writeFileSync(join(root, '.git', 'index.lock'), '');
    const locked = await expectGitError(service.stage(['a.txt']), 'CONFLICT', 'locked');
    expect(locked.message).toContain('index.lock');
    rmSync(join(root, '.git', 'index.lock'));
    expect(git(root, 'diff', '--cached', '--name-only').trim()).toBe('');

    writeFileSync(join(root, '.git', 'index'), 'DIRC garbage that is not an index');
    const corrupt = await expectGitError(service.status(), 'UNAVAILABLE', 'corruptIndex');
    expect(corrupt.message.length).toBeGreaterThan(10);
  });

  it('shows a submodule whose checked-out commit moved', async () => {
    const library = makeRepository({ 'lib.txt': 'lib\n' });
    const root = makeRepository();
    git(root, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', library, 'lib');
    git(root, 'commit', '-qm', 'add submodule');
    git(join(root, 'lib'), 'commit', '-q', '--allow-empty', '-m', 'moved');
    const service = await makeService(root, backend);
    const { status } = await service.status();
    expect(status?.unstaged).toEqual([{ path: 'lib', kind: 'modified', submodule: expect.objectContaining({ commitChanged: true }) }]);
    // A submodule is never discarded: its commits stay where they are.
    expect(await service.discard(['lib'])).toBeNull();
    expect(git(join(root, 'lib'), 'log', '-1', '--format=%s').trim()).toBe('moved');
  });
});
