import { gitBranchNameSchema, type GitBranch } from '../../../src-shared/contract';
import { host } from '../../platform/host';
import type { PickerItem } from '../editor';
import { notify } from '../notifications';
import { failureReason, reportGitError } from './git-errors';
import { runGit } from './operations';
import { pickOne, promptText } from './prompts';
import { currentStatus } from './store';

/** A row of the branch picker: an action, or a branch to switch to. */
type BranchPick = PickerItem & { branch?: GitBranch };

const shortOid = (oid: string | null | undefined): string => (oid ? oid.slice(0, 8) : '');

const validateBranchName = (value: string): string | null => {
  if (value.trim() === '') return 'Enter a branch name';
  const parsed = gitBranchNameSchema.safeParse(value);
  return parsed.success ? null : `Not a valid branch name: ${parsed.error.issues[0]?.message ?? ''}`;
};

async function listBranches(): Promise<GitBranch[] | undefined> {
  return (await runGit('List Branches', () => host().git.branches()))?.value;
}

function describeBranch(branch: GitBranch): string {
  if (branch.kind === 'remote') return `Remote branch at ${shortOid(branch.oid)}`;
  const sync = branch.ahead > 0 || branch.behind > 0 ? ` · ${branch.behind}↓ ${branch.ahead}↑` : '';
  return `${branch.current ? 'current · ' : ''}${shortOid(branch.oid)}${sync}`;
}

/** The status bar's branch picker: switch to a branch, or create, rename or delete one. */
export async function showBranchPicker(): Promise<void> {
  const branches = await listBranches();
  if (!branches) return;
  const actions: BranchPick[] = [
    { id: 'action:create', label: '+ Create new branch…', description: 'from the current commit' },
    { id: 'action:createFrom', label: '+ Create new branch from…' },
    { id: 'action:rename', label: 'Rename branch…' },
    { id: 'action:delete', label: 'Delete branch…' },
  ];
  const rows = branches
    .filter((branch) => !branch.current)
    .map((branch): BranchPick => ({ id: `branch:${branch.name}`, label: branch.name, description: describeBranch(branch), branch }));
  const picked = await pickOne('Select a branch to switch to', [...actions, ...rows]);
  if (!picked) return;
  if (picked.branch) await switchBranch(picked.branch.name);
  else if (picked.id === 'action:create') await createBranch();
  else if (picked.id === 'action:createFrom') await createBranchFrom();
  else if (picked.id === 'action:rename') await renameBranch();
  else await deleteBranch();
}

/** Switches to a local branch, or to a new one tracking a remote branch. */
export async function switchBranch(name?: string): Promise<void> {
  let target = name;
  if (target === undefined) {
    const branches = await listBranches();
    if (!branches) return;
    const rows = branches.filter((branch) => !branch.current).map((branch) => ({ id: branch.name, label: branch.name, description: describeBranch(branch) }));
    target = (await pickOne('Select a branch to switch to', rows, { emptyText: 'No other branch' }))?.id;
    if (target === undefined) return;
  }
  const chosen = target;
  await runGit(`Switch to ${chosen}`, () => host().git.switchBranch({ name: chosen }));
}

/** Creates a branch at the current commit (or at `from`) and switches to it. */
export async function createBranch(from?: string): Promise<void> {
  const name = await promptText({
    placeholder: from ? `Branch name (from ${from})` : 'Branch name',
    describe: (value) => (value ? `Create branch '${value}'${from ? ` from ${from}` : ''} and switch to it` : 'Please provide a new branch name'),
    validate: validateBranchName,
  });
  if (name === undefined) return;
  await runGit('Create Branch', () => host().git.createBranch(from ? { name, from } : { name }));
}

async function createBranchFrom(): Promise<void> {
  const branches = await listBranches();
  if (!branches) return;
  const rows = branches.map((branch) => ({ id: branch.name, label: branch.name, description: describeBranch(branch) }));
  const from = await pickOne('Select a branch to create the new branch from', rows);
  if (from) await createBranch(from.id);
}

export async function renameBranch(): Promise<void> {
  const current = currentStatus()?.head.branch;
  if (!current) {
    notify({ severity: 'warning', message: 'HEAD is detached: there is no branch to rename.' });
    return;
  }
  const newName = await promptText({
    placeholder: `New name for ${current}`,
    value: current,
    describe: (value) => `Rename '${current}' to '${value}'`,
    validate: (value) => (value === current ? 'Type a different name' : validateBranchName(value)),
  });
  if (newName !== undefined) await runGit('Rename Branch', () => host().git.renameBranch({ name: current, newName }));
}

/** Deletes a local branch; one whose commits are merged nowhere is deleted only after a second yes. */
export async function deleteBranch(): Promise<void> {
  const branches = await listBranches();
  if (!branches) return;
  const rows = branches
    .filter((branch) => branch.kind === 'local' && !branch.current)
    .map((branch) => ({ id: branch.name, label: branch.name, description: describeBranch(branch) }));
  const picked = await pickOne('Select a branch to delete', rows, { emptyText: 'No branch to delete (the current one cannot be)' });
  if (!picked) return;
  try {
    await host().git.deleteBranch({ name: picked.id });
  } catch (error) {
    if (failureReason(error) !== 'notMerged') {
      reportGitError('Delete Branch', error);
      return;
    }
    if (!window.confirm(`The branch '${picked.id}' is not fully merged. Delete it anyway?`)) return;
    await runGit('Delete Branch', () => host().git.deleteBranch({ name: picked.id, force: true }));
  }
}
