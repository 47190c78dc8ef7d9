import type { GitBranch } from '../../../../src-shared/contract';

/** `git for-each-ref --format=` for branches, one per line, fields separated by NUL. */
export const branchFormat = '%(refname)%00%(objectname)%00%(upstream:short)%00%(upstream:track,nobracket)%00%(HEAD)';

export function parseBranches(output: string): GitBranch[] {
  const branches: GitBranch[] = [];
  for (const line of output.split('\n')) {
    const [ref = '', oid = '', upstream = '', track = '', head = ''] = line.split('\0');
    const local = ref.startsWith('refs/heads/');
    if (!local && !ref.startsWith('refs/remotes/')) continue;
    // origin/HEAD only points at another remote branch.
    if (!local && ref.endsWith('/HEAD')) continue;
    branches.push({
      name: ref.slice(local ? 'refs/heads/'.length : 'refs/remotes/'.length),
      kind: local ? 'local' : 'remote',
      oid,
      current: head === '*',
      upstream: upstream || null,
      ahead: Number(/ahead (\d+)/.exec(track)?.[1] ?? 0),
      behind: Number(/behind (\d+)/.exec(track)?.[1] ?? 0),
    });
  }
  return branches;
}
