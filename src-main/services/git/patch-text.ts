import type { GitChange, GitFileDiff } from '../../../src-shared/contract';

/** One file's change as a unified diff, from its parsed diff (a traditional patch: `git apply` reads it, /dev/null sides included). */
export function patchText(change: Pick<GitChange, 'path' | 'oldPath' | 'kind'>, diff: GitFileDiff): string {
  const oldName = change.kind === 'added' ? '/dev/null' : `a/${change.oldPath ?? change.path}`;
  const newName = change.kind === 'deleted' ? '/dev/null' : `b/${change.path}`;
  if (diff.binary) return `Binary files ${oldName} and ${newName} differ\n`;
  if (diff.tooLarge) return `Files ${oldName} and ${newName} differ (the diff is too large to show)\n`;
  const hunks = diff.hunks.map((hunk) => {
    const lines = hunk.lines.map((line) => {
      const marker = line.kind === 'added' ? '+' : line.kind === 'removed' ? '-' : ' ';
      return `${marker}${line.text}\n${line.noNewline ? '\\ No newline at end of file\n' : ''}`;
    });
    return `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@${hunk.heading ? ` ${hunk.heading}` : ''}\n${lines.join('')}`;
  });
  return `--- ${oldName}\n+++ ${newName}\n${hunks.join('')}`;
}
