import type { GitStash } from '../../../src-shared/contract';
import { host } from '../../platform/host';
import { notify } from '../notifications';
import { runGit } from './operations';
import { pickOne, promptText } from './prompts';

/** Stashes the working tree's changes under an optional message. */
export async function stashChanges(includeUntracked: boolean): Promise<void> {
  const message = await promptText({
    placeholder: 'Stash message (optional)',
    describe: (value) => (value ? `Stash the changes as '${value}'` : 'Stash the changes'),
  });
  if (message === undefined) return;
  const done = await runGit('Stash', () => host().git.stashPush(message.trim() === '' ? { includeUntracked } : { message, includeUntracked }));
  if (done && !done.value.created) notify({ severity: 'info', message: 'There are no local changes to stash.' });
}

async function pickStash(placeholder: string): Promise<GitStash | undefined> {
  const stashes = (await runGit('List Stashes', () => host().git.stashList()))?.value;
  if (!stashes) return undefined;
  const rows = stashes.map((stash) => ({
    id: String(stash.index),
    label: `stash@{${stash.index}}: ${stash.message}`,
    description: new Date(stash.createdAt).toLocaleString(),
    stash,
  }));
  return (await pickOne(placeholder, rows, { emptyText: 'There are no stashes' }))?.stash;
}

export async function popStash(): Promise<void> {
  const stash = await pickStash('Select a stash to pop');
  if (stash) await runGit('Pop Stash', () => host().git.stashPop({ index: stash.index }));
}

/** Lists the stashes; picking one offers to pop or drop it. */
export async function showStashes(): Promise<void> {
  const stash = await pickStash('Stashes: select one to pop or drop');
  if (!stash) return;
  const action = await pickOne(`stash@{${stash.index}}: ${stash.message}`, [
    { id: 'pop', label: 'Pop Stash', description: 'apply the changes and drop the stash' },
    { id: 'drop', label: 'Drop Stash', description: 'delete the stash' },
  ]);
  if (action?.id === 'pop') await runGit('Pop Stash', () => host().git.stashPop({ index: stash.index }));
  if (action?.id === 'drop' && window.confirm(`Drop stash@{${stash.index}} (${stash.message})? This cannot be undone.`)) {
    await runGit('Drop Stash', () => host().git.stashDrop({ index: stash.index }));
  }
}
