import type { GitStatus } from '../../../src-shared/contract';
import { changeLook, conflictLook, type ChangeLook, type DecorationKind } from './change-look';

/** What the explorer and the tabs show for a changed file (a letter) or a folder holding changes (no letter). */
export interface GitDecoration {
  letter: string | null;
  /** The colour class, `git-decoration-<kind>`. */
  className: string;
  tooltip: string;
}

/** Which colour a folder takes when it holds several kinds of changes. */
const folderPriority: readonly DecorationKind[] = ['conflict', 'modified', 'deleted', 'added', 'renamed', 'untracked', 'submodule'];

const decorationOf = (look: ChangeLook): GitDecoration => ({ letter: look.letter, className: `git-decoration-${look.kind}`, tooltip: look.tooltip });

/**
 * Every changed path with its decoration, and every folder above one. A file in several groups
 * shows the state of its working tree over its index, and a conflict over both (as VS Code does).
 */
export function buildDecorations(status: GitStatus | null): Map<string, GitDecoration> {
  const files = new Map<string, ChangeLook>();
  if (status) {
    for (const change of status.staged) files.set(change.path, changeLook(change, 'staged'));
    for (const change of status.untracked) files.set(change.path, changeLook(change, 'untracked'));
    for (const change of status.unstaged) files.set(change.path, changeLook(change, 'unstaged'));
    for (const conflict of status.conflicted) files.set(conflict.path, conflictLook(conflict));
  }
  const folders = new Map<string, DecorationKind>();
  for (const [path, look] of files) {
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      const folder = path.slice(0, slash);
      const current = folders.get(folder);
      if (current !== undefined && folderPriority.indexOf(current) <= folderPriority.indexOf(look.kind)) continue;
      folders.set(folder, look.kind);
    }
  }
  const decorations = new Map<string, GitDecoration>();
  for (const [folder, kind] of folders) decorations.set(folder, { letter: null, className: `git-decoration-${kind}`, tooltip: 'Contains changes' });
  for (const [path, look] of files) decorations.set(path, decorationOf(look));
  return decorations;
}
