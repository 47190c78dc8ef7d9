import { loadMonaco } from '../editor';
import { followChangeBars } from './editor/change-bars';
import { followConflicts } from './editor/conflicts';
import { followGit } from './follow-git';

/** Starts following the repository, and the editor's change bars and conflict actions that come with it. */
export function startScm(): void {
  followGit();
  void loadMonaco().then((monaco) => {
    followChangeBars(monaco);
    followConflicts(monaco);
  });
}
