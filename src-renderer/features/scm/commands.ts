import type { Disposable } from '../../../src-shared/contract';
import { registerCommand } from '../../app/commands';
import { showSideBarView } from '../../app/layout/show-side-bar-view';
import { openFile, useEditorStore } from '../editor';
import { notify } from '../notifications';
import { createBranch, deleteBranch, renameBranch, switchBranch } from './branches';
import { toggleBlame } from './editor/blame';
import { applyToActiveSelection } from './editor/selection-commands';
import { refreshStatus } from './follow-git';
import { showFileHistory } from './history/history-store';
import { openChange } from './open-change';
import { commitFromMessageBox, initRepository, markResolved, stagePaths, unstagePaths } from './operations';
import { popStash, showStashes, stashChanges } from './stash';
import { currentStatus, useScmStore } from './store';
import { fetchRemote, pull, push, syncBranch } from './sync';

async function showScm(): Promise<void> {
  await showSideBarView('scm');
  useScmStore.getState().requestFocus();
}

/** Runs `run` on the active editor's file, or says why nothing happened. */
function onActiveFile(run: (path: string) => unknown): () => Promise<void> {
  return async () => {
    const path = useEditorStore.getState().activePath;
    if (path) await run(path);
    else notify({ severity: 'info', message: 'Open a file first.' });
  };
}

function openActiveChange(path: string): Promise<void> {
  const status = currentStatus();
  const unstaged = status?.unstaged.find((change) => change.path === path);
  if (unstaged) return openChange('unstaged', unstaged);
  const staged = status?.staged.find((change) => change.path === path);
  if (staged) return openChange('staged', staged);
  notify({ severity: 'info', message: `${path} has no changes.` });
  return Promise.resolve();
}

async function showGraph(path: string | null): Promise<void> {
  await showSideBarView('scm');
  showFileHistory(path);
}

export function registerScmCommands(): Disposable[] {
  const git = (id: string, title: string, run: () => unknown, keybinding?: string): Disposable =>
    registerCommand({ id, category: 'Git', title, run: async () => void (await run()), ...(keybinding ? { keybinding } : {}) });
  return [
    registerCommand({ id: 'workbench.view.scm', category: 'View', title: 'Show Source Control', keybinding: 'ctrl+shift+g', run: showScm }),
    git('git.init', 'Initialize Repository', initRepository),
    git('git.refresh', 'Refresh', refreshStatus),
    git('git.commit', 'Commit', commitFromMessageBox),
    git('git.commitAmend', 'Commit (Amend)', () => {
      useScmStore.getState().setAmend(true);
      return commitFromMessageBox();
    }),
    git('git.stage', 'Stage Changes', onActiveFile((path) => stagePaths([path]))),
    git('git.unstage', 'Unstage Changes', onActiveFile((path) => unstagePaths([path]))),
    git('git.stageAll', 'Stage All Changes', () => stagePaths([...(currentStatus()?.unstaged ?? []), ...(currentStatus()?.untracked ?? [])].map((change) => change.path))),
    git('git.unstageAll', 'Unstage All Changes', () => unstagePaths((currentStatus()?.staged ?? []).map((change) => change.path))),
    git('git.stageSelectedRanges', 'Stage Selected Lines', () => applyToActiveSelection('stage')),
    git('git.unstageSelectedRanges', 'Unstage Selected Lines', () => applyToActiveSelection('unstage')),
    git('git.openChange', 'Open Changes', onActiveFile(openActiveChange)),
    git('git.openFile', 'Open File', onActiveFile((path) => openFile(path))),
    git('git.markResolved', 'Mark as Resolved', onActiveFile((path) => markResolved([path]))),
    git('git.fetch', 'Fetch', fetchRemote),
    git('git.pull', 'Pull', pull),
    git('git.push', 'Push', push),
    git('git.sync', 'Sync', syncBranch),
    git('git.checkout', 'Checkout to…', () => switchBranch()),
    git('git.branch', 'Create Branch…', () => createBranch()),
    git('git.renameBranch', 'Rename Branch…', renameBranch),
    git('git.deleteBranch', 'Delete Branch…', deleteBranch),
    git('git.stash', 'Stash', () => stashChanges(false)),
    git('git.stashIncludeUntracked', 'Stash (Include Untracked)', () => stashChanges(true)),
    git('git.stashPop', 'Pop Stash…', popStash),
    git('git.stashList', 'Show Stashes…', showStashes),
    git('git.showGraph', 'Show Graph', () => showGraph(null)),
    git('git.viewFileHistory', 'View File History', onActiveFile((path) => showGraph(path))),
    git('git.blame', 'Toggle Blame', toggleBlame),
  ];
}
