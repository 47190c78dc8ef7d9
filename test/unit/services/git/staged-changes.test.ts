import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, isolatedGitEnv, makeRepository, makeService, scratch, write } from './git-fixtures';

describe.each(['native', 'isomorphic'] as const)('staged changes (%s)', (backend) => {
  it('gives every staged change as one patch that git applies, with the latest subjects, and nothing unstaged', async () => {
    const root = makeRepository({ 'a.txt': 'one\ntwo\nthree\n', 'gone.txt': 'bye\n' });
    write(root, 'a.txt', 'one\n2\nthree\n');
    git(root, 'commit', '-qam', 'second');
    write(root, 'a.txt', 'one\n2\n3\n');
    write(root, 'new.txt', 'fresh\n');
    git(root, 'add', 'a.txt', 'new.txt');
    git(root, 'rm', '-q', 'gone.txt');
    write(root, 'new.txt', 'fresh\nnot staged\n');
    const service = await makeService(root, backend);

    const changes = await service.stagedChanges(10_000);
    expect(changes?.recentSubjects).toEqual(['second', 'first']);
    expect(changes?.truncated).toBe(false);
    const diff = changes?.diff ?? '';
    expect(diff).toContain('+++ b/a.txt');
    expect(diff).toContain('-three\n+3\n');
    expect(diff).toContain('--- /dev/null\n+++ b/new.txt');
    expect(diff).toContain('-bye\n');
    expect(diff).not.toContain('not staged');
    // Undoing the patch on the index must be possible: it says exactly what is staged.
    const patch = join(scratch('patch'), 'staged.diff');
    writeFileSync(patch, diff);
    execFileSync('git', ['apply', '--cached', '--check', '-R', patch], { cwd: root, env: isolatedGitEnv });
    await service.dispose();
  });

  it('cuts the patch at the length asked for and says so', async () => {
    const root = makeRepository();
    write(root, 'big.txt', 'é'.repeat(500) + '\n');
    git(root, 'add', 'big.txt');
    const service = await makeService(root, backend);
    const changes = await service.stagedChanges(200);
    expect(changes?.diff).toHaveLength(200);
    expect(changes?.truncated).toBe(true);
    await service.dispose();
  });

  it('is null when nothing is staged, and has no subjects before the first commit', async () => {
    const root = makeRepository();
    write(root, 'a.txt', 'changed but not staged\n');
    const service = await makeService(root, backend);
    expect(await service.stagedChanges(10_000)).toBeNull();
    await service.dispose();

    const empty = makeRepository({});
    write(empty, 'first.txt', 'hello\n');
    git(empty, 'add', 'first.txt');
    const fresh = await makeService(empty, backend);
    expect(await fresh.stagedChanges(10_000)).toMatchObject({ recentSubjects: [], truncated: false, diff: expect.stringContaining('+hello') });
    await fresh.dispose();
  });
});
