import { currentSetting } from '../../app/store';
import { host } from '../../platform/host';
import { saveEditor, useEditorStore } from '../editor';
import { notify } from '../notifications';
import { failureReason, reportGitError } from './git-errors';
import { useScmStore, currentStatus } from './store';

const fileCount = (count: number): string => `${count} ${count === 1 ? 'file' : 'files'}`;
const baseName = (path: string): string => path.split('/').pop() ?? path;

/** Runs one git call with the view marked busy; a failure is reported and resolves to undefined. */
export async function runGit<T>(title: string, call: () => Promise<T>): Promise<{ value: T } | undefined> {
  useScmStore.getState().setBusy(true);
  try {
    const value = await call();
    useScmStore.getState().indexChanged();
    return { value };
  } catch (error) {
    reportGitError(title, error, { retry: async () => void (await runGit(title, call)) });
    return undefined;
  } finally {
    useScmStore.getState().setBusy(false);
  }
}

export async function initRepository(): Promise<void> {
  const done = await runGit('Initialize Repository', () => host().git.init());
  if (done) useScmStore.getState().setSnapshot(done.value);
}

export async function stagePaths(paths: readonly string[]): Promise<void> {
  if (paths.length > 0) await runGit('Stage Changes', () => host().git.stage({ paths: [...paths] }));
}

export async function unstagePaths(paths: readonly string[]): Promise<void> {
  if (paths.length > 0) await runGit('Unstage Changes', () => host().git.unstage({ paths: [...paths] }));
}

/** Discards after a confirmation; the content is kept in the profile, and the toast offers Undo. */
export async function discardPaths(paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  const untracked = new Set(currentStatus()?.untracked.map((change) => change.path));
  const deleting = paths.filter((path) => untracked.has(path)).length;
  const what = paths.length === 1 ? baseName(paths[0] as string) : fileCount(paths.length);
  const question =
    deleting === paths.length
      ? `Are you sure you want to DELETE ${what}?`
      : `Are you sure you want to discard the changes in ${what}${deleting > 0 ? ` (${fileCount(deleting)} untracked will be deleted)` : ''}?`;
  if (!window.confirm(`${question}\n\nA backup is kept, so this can be undone.`)) return;
  const backup = (await runGit('Discard Changes', () => host().git.discard({ paths: [...paths] })))?.value;
  if (!backup) return;
  notify({
    severity: 'info',
    message: `Discarded the changes in ${what}.`,
    actions: [{ label: 'Undo', run: () => undoDiscard(backup.id) }],
  });
}

async function undoDiscard(id: string): Promise<void> {
  await runGit('Undo Discard', () => host().git.undoDiscard({ id }));
}

/** Stages conflicted files; when conflict markers remain, asks before staging them anyway. */
export async function markResolved(paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  // The service reads the files on disk: edits made to resolve them must be there first.
  const dirty = useEditorStore.getState().files.filter((file) => file.dirty && paths.includes(file.path));
  for (const file of dirty) if (!(await saveEditor(file.path))) return;
  try {
    await host().git.markResolved({ paths: [...paths] });
  } catch (error) {
    if (failureReason(error) !== 'markersRemain') {
      reportGitError('Mark as Resolved', error);
      return;
    }
    const what = paths.length === 1 ? baseName(paths[0] as string) : fileCount(paths.length);
    if (!window.confirm(`${what} still ${paths.length === 1 ? 'contains' : 'contain'} conflict markers. Mark as resolved anyway?`)) return;
    await runGit('Mark as Resolved', () => host().git.markResolved({ paths: [...paths], force: true }));
  }
}

/**
 * Commits what is staged with the message box's text. With nothing staged it offers to stage every
 * tracked change first, as VS Code does; on success the box empties.
 */
export async function commitFromMessageBox(): Promise<boolean> {
  const store = useScmStore.getState();
  if (store.busy) return false;
  const { message, amend } = store;
  if (message.trim() === '' && !amend) {
    notify({ severity: 'warning', message: 'Type a commit message first.' });
    return false;
  }
  const signoff = store.signoff ?? currentSetting('git.alwaysSignOff');
  const status = currentStatus();
  if (status && status.staged.length === 0 && !amend) {
    const tracked = status.unstaged.map((change) => change.path);
    if (tracked.length === 0) {
      const hint = status.untracked.length > 0 ? ' Stage the untracked files to commit first.' : '';
      notify({ severity: 'warning', message: `There are no staged changes to commit.${hint}` });
      return false;
    }
    if (!window.confirm('There are no staged changes to commit.\n\nStage all your changes and commit them directly?')) return false;
    if ((await runGit('Stage Changes', () => host().git.stage({ paths: tracked }))) === undefined) return false;
  }
  const result = await runGit(amend ? 'Commit (Amend)' : 'Commit', () => host().git.commit({ message, amend, signoff }));
  if (!result) return false;
  useScmStore.setState({ message: '', amend: false });
  return true;
}
