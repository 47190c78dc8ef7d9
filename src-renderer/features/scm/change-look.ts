import type { GitChange, GitConflict } from '../../../src-shared/contract';

/** The colours of git decorations (a class `git-decoration-<kind>` each, see decorations.css). */
export type DecorationKind = 'added' | 'modified' | 'deleted' | 'renamed' | 'untracked' | 'conflict' | 'submodule';

/** How a changed file looks: its letter, its colour, and the words of its tooltip. */
export interface ChangeLook {
  letter: string;
  kind: DecorationKind;
  tooltip: string;
}

export type ChangeGroupId = 'merge' | 'staged' | 'unstaged' | 'untracked';

const byKind: Record<GitChange['kind'], { letter: string; kind: DecorationKind; words: string }> = {
  added: { letter: 'A', kind: 'added', words: 'Added' },
  modified: { letter: 'M', kind: 'modified', words: 'Modified' },
  deleted: { letter: 'D', kind: 'deleted', words: 'Deleted' },
  renamed: { letter: 'R', kind: 'renamed', words: 'Renamed' },
  copied: { letter: 'C', kind: 'added', words: 'Copied' },
  typeChanged: { letter: 'T', kind: 'modified', words: 'Type Changed' },
  untracked: { letter: 'U', kind: 'untracked', words: 'Untracked' },
};

const conflictWords: Record<GitConflict['kind'], string> = {
  bothModified: 'Both Modified',
  bothAdded: 'Both Added',
  bothDeleted: 'Both Deleted',
  addedByUs: 'Added by Us',
  addedByThem: 'Added by Them',
  deletedByUs: 'Deleted by Us',
  deletedByThem: 'Deleted by Them',
};

/** As VS Code words it: staged changes say "Index …". */
export function changeLook(change: GitChange, group: Exclude<ChangeGroupId, 'merge'>): ChangeLook {
  const look = byKind[change.kind];
  const tooltip = group === 'staged' ? `Index ${look.words}` : look.words;
  return { letter: look.letter, kind: change.submodule ? 'submodule' : look.kind, tooltip: change.submodule ? `${tooltip} (Submodule)` : tooltip };
}

export function conflictLook(conflict: GitConflict): ChangeLook {
  return { letter: 'C', kind: 'conflict', tooltip: `Conflict: ${conflictWords[conflict.kind]}` };
}
