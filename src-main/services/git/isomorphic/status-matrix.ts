import { gitStatusGroupLimit, type GitChange, type GitConflict, type GitStatus } from '../../../../src-shared/contract';
import type { IndexEntry } from './index-file';

/** One statusMatrix row: [path, HEAD (0 absent, 1 present), WORKDIR (0 absent, 1 = HEAD, 2 differs), STAGE (0 absent, 1 = HEAD, 2 = WORKDIR, 3 differs from both)]. */
export type StatusRow = [string, number, number, number];

type Groups = Pick<GitStatus, 'staged' | 'unstaged' | 'untracked' | 'conflicted' | 'truncated'>;

/** Conflict kind from which stages are present (1 base, 2 ours, 3 theirs), as git names them. */
function conflictKind(stages: Set<number>): GitConflict['kind'] {
  const [base, ours, theirs] = [stages.has(1), stages.has(2), stages.has(3)];
  if (ours && theirs) return base ? 'bothModified' : 'bothAdded';
  if (ours) return base ? 'deletedByThem' : 'addedByUs';
  if (theirs) return base ? 'deletedByUs' : 'addedByThem';
  return 'bothDeleted';
}

/** Groups statusMatrix rows the way `git status` does; unmerged index entries become conflicts. */
export function groupStatus(rows: readonly StatusRow[], index: readonly IndexEntry[]): Groups {
  const groups: Groups = { staged: [], unstaged: [], untracked: [], conflicted: [], truncated: false };
  const push = <T>(group: T[], entry: T): void => {
    if (group.length < gitStatusGroupLimit) group.push(entry);
    else groups.truncated = true;
  };
  const unmerged = new Map<string, Set<number>>();
  for (const entry of index) {
    if (entry.stage > 0) unmerged.set(entry.path, (unmerged.get(entry.path) ?? new Set()).add(entry.stage));
  }
  for (const [path, stages] of unmerged) push(groups.conflicted, { path, kind: conflictKind(stages) });

  for (const [path, head, workdir, stage] of rows) {
    if (unmerged.has(path)) continue;
    let staged: GitChange['kind'] | undefined;
    if (head === 0 && stage !== 0) staged = 'added';
    else if (head === 1 && stage === 0) staged = 'deleted';
    else if (head === 1 && (stage === 3 || (stage === 2 && workdir === 2))) staged = 'modified';
    if (staged) push(groups.staged, { path, kind: staged });

    if (stage === 0) {
      if (workdir !== 0) push(groups.untracked, { path, kind: 'untracked' });
    } else if (workdir === 0) push(groups.unstaged, { path, kind: 'deleted' });
    else if (stage === 3 || (stage === 1 && workdir === 2)) push(groups.unstaged, { path, kind: 'modified' });
  }
  return groups;
}
