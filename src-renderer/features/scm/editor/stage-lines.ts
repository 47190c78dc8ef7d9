import type { GitDiffHunk, GitLineSelection } from '../../../../src-shared/contract';
import { host } from '../../../platform/host';
import { saveEditor, useEditorStore } from '../../editor';
import { notify } from '../../notifications';
import { failureReason, reportGitError } from '../git-errors';
import { useScmStore } from '../store';
import { hunkSelection, selectionFromLines, type DiffSide, type LineRange } from './line-selection';

type Direction = 'stage' | 'unstage';

const words = { stage: 'Stage', unstage: 'Unstage' } as const;

/** Staging reads the file on disk: unsaved edits are saved first, as they are what the user sees. */
async function saveIfDirty(path: string): Promise<boolean> {
  const dirty = useEditorStore.getState().files.some((file) => file.path === path && file.dirty);
  return !dirty || saveEditor(path);
}

/**
 * Stages or unstages what `select` picks from the file's current diff. The diff is read right before,
 * and read again once if the service finds it changed in between.
 */
async function applyToLines(direction: Direction, path: string, title: string, select: (hunks: readonly GitDiffHunk[]) => GitLineSelection | null): Promise<void> {
  if (direction === 'stage' && !(await saveIfDirty(path))) return;
  for (let attempt = 0; ; attempt++) {
    try {
      const diff = await host().git.diff({ path, staged: direction === 'unstage' });
      if (diff.binary || diff.tooLarge) {
        notify({ severity: 'warning', message: `${path} is ${diff.binary ? 'binary' : 'too large for a line diff'}: ${words[direction].toLowerCase()} the whole file instead.` });
        return;
      }
      const selection = select(diff.hunks);
      if (!selection) {
        notify({ severity: 'info', message: `The selected lines have no changes to ${words[direction].toLowerCase()}.` });
        return;
      }
      await (direction === 'stage' ? host().git.stageLines(selection) : host().git.unstageLines(selection));
      useScmStore.getState().indexChanged();
      return;
    } catch (error) {
      if (attempt === 0 && failureReason(error) === 'staleSelection') continue;
      reportGitError(title, error);
      return;
    }
  }
}

/** Stages (or unstages) the changed lines that the selected editor lines cover, on one side of the diff. */
export function applyToSelectedLines(direction: Direction, path: string, side: DiffSide, ranges: readonly LineRange[]): Promise<void> {
  return applyToLines(direction, path, `${words[direction]} Selected Lines`, (hunks) => selectionFromLines(path, hunks, side, ranges));
}

/**
 * Stages (or unstages) one hunk, found again in the fresh diff by where it starts: saving the buffer
 * may have moved it, not changed it.
 */
export function applyToHunk(direction: Direction, path: string, hunk: GitDiffHunk): Promise<void> {
  return applyToLines(direction, path, `${words[direction]} Hunk`, (hunks) => {
    const same = hunks.find((candidate) => candidate.oldStart === hunk.oldStart && candidate.newStart === hunk.newStart) ?? hunks.find((candidate) => candidate.oldStart === hunk.oldStart);
    return same ? hunkSelection(path, same) : null;
  });
}
