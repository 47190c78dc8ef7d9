import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { contract, type GitSnapshot } from '../../../../src-shared/contract';
import { createRpcClient } from '../../../../src-shared/rpc/client';
import { channelPair } from '../../helpers/channel-pair';
import { startTestHost } from '../../helpers/test-host';
import { git } from './git-fixtures';

it('pushes a status refresh to clients when files or the git directory change, and streams a sync failure as a typed error', async () => {
  const { host, workspaceRoot } = await startTestHost();
  onTestFinished(() => host.dispose());
  const pair = channelPair();
  host.router.connect(pair.host, 'wire');
  const { api } = createRpcClient(contract, pair.client);

  expect((await api.git.status()).repository.kind).toBe('none');
  const snapshots: GitSnapshot[] = [];
  const subscription = api.git.onDidChangeStatus((snapshot) => snapshots.push(snapshot));
  onTestFinished(() => subscription.dispose());
  await api.git.init();
  const until = async (check: (snapshot: GitSnapshot) => boolean): Promise<void> => {
    await expect.poll(() => snapshots.some(check), { timeout: 5000, interval: 50 }).toBe(true);
  };
  await until((snapshot) => snapshot.repository.kind === 'repository');

  // A workspace file changes: the workspace watcher triggers the refresh.
  writeFileSync(join(workspaceRoot, 'added-by-test.txt'), 'x\n');
  await until((snapshot) => snapshot.status?.untracked.some((entry) => entry.path === 'added-by-test.txt') ?? false);

  // Only .git/index changes (a git command in a terminal): the git directory's watcher triggers it.
  git(workspaceRoot, 'add', 'added-by-test.txt');
  await until((snapshot) => snapshot.status?.staged.some((entry) => entry.path === 'added-by-test.txt') ?? false);

  const failure = await new Promise((resolve) => api.git.fetch({}, { next: () => undefined, error: resolve, complete: () => resolve(null) }));
  expect(failure).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'noRemote' } });
});
