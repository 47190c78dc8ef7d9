import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitStatus } from '../../../src-shared/contract';

const markers: [string, NonNullable<GitStatus['operation']>][] = [
  ['rebase-merge', 'rebase'],
  ['rebase-apply', 'rebase'],
  ['MERGE_HEAD', 'merge'],
  ['CHERRY_PICK_HEAD', 'cherryPick'],
  ['REVERT_HEAD', 'revert'],
];

/** The operation git has in progress, read from the files it leaves in the git directory. */
export async function operationInProgress(gitDir: string): Promise<GitStatus['operation']> {
  const present = await Promise.all(
    markers.map(([file]) =>
      access(join(gitDir, file)).then(
        () => true,
        () => false,
      ),
    ),
  );
  const found = markers.find((_marker, index) => present[index]);
  return found ? found[1] : null;
}
