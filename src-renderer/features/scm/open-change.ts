import type { GitChange } from '../../../src-shared/contract';
import { openDiffEditor, openFile } from '../editor';
import type { ChangeGroupId } from './change-look';
import { indexDiff, workingTreeDiff } from './editor/git-diff-inputs';

/**
 * Opens what a change is about: the index against HEAD for a staged change, the working tree against
 * the index for an unstaged one; untracked and conflicted files open as themselves.
 */
export function openChange(group: ChangeGroupId, change: Pick<GitChange, 'path' | 'kind'>, options: { preview?: boolean } = {}): Promise<void> {
  if (group === 'staged') return openDiffEditor(indexDiff(change.path), options);
  if (group === 'unstaged') return openDiffEditor(workingTreeDiff(change.path, change.kind === 'deleted'), options);
  return openFile(change.path, options);
}
