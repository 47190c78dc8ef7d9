import { diffArrays } from 'diff';
import type { GitBlame } from '../../../../src-shared/contract';

/** One version of the file in its history, newest first: the commit that made it and its text. */
export interface FileVersion {
  oid: string;
  author: { name: string; email: string; time: number };
  subject: string;
  /** Null where the file cannot be read at this commit (it had another name): older history stops there. */
  text: string | null;
}

const splitLines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/** For each line of `newer`, its index in `older`, or -1 where the line is new. Computed asynchronously. */
function mapLines(older: string[], newer: string[]): Promise<number[]> {
  return new Promise((resolve) => {
    diffArrays(older, newer, {
      callback: (changes) => {
        const map: number[] = [];
        let oldIndex = 0;
        for (const change of changes ?? []) {
          if (change.removed) oldIndex += change.count;
          else if (change.added) for (let line = 0; line < change.count; line += 1) map.push(-1);
          else for (let line = 0; line < change.count; line += 1) map.push(oldIndex++);
        }
        resolve(map);
      },
    });
  });
}

/**
 * Who last changed each line of the working tree: lines are followed back through the file's
 * versions; a line is owned by the first version that adds it (or the oldest one reached).
 * `versions` must start at HEAD's version; lines the working tree adds are uncommitted.
 */
export async function blameLines(worktreeText: string, versions: readonly FileVersion[]): Promise<GitBlame> {
  const worktree = splitLines(worktreeText);
  const owners: (string | null)[] = new Array<string | null>(worktree.length).fill(null);
  const commits: GitBlame['commits'] = {};
  // Where each still-unowned working-tree line sits in the version being looked at.
  let tracking = new Map<number, number>();
  const first = versions[0];
  if (first?.text != null) {
    const map = await mapLines(splitLines(first.text), worktree);
    map.forEach((older, line) => {
      if (older >= 0) tracking.set(line, older);
    });
  }
  for (let index = 0; index < versions.length && tracking.size > 0; index += 1) {
    const version = versions[index] as FileVersion;
    const older = versions[index + 1];
    const olderLines = older?.text != null ? splitLines(older.text) : null;
    const map = olderLines && version.text != null ? await mapLines(olderLines, splitLines(version.text)) : null;
    const next = new Map<number, number>();
    for (const [line, position] of tracking) {
      const olderPosition = map ? (map[position] ?? -1) : -1;
      if (olderPosition >= 0) next.set(line, olderPosition);
      else {
        owners[line] = version.oid;
        commits[version.oid] = { author: version.author, subject: version.subject };
      }
    }
    tracking = next;
  }
  const ranges: GitBlame['ranges'] = [];
  owners.forEach((oid, index) => {
    const last = ranges[ranges.length - 1];
    if (last && last.oid === oid) last.lineCount += 1;
    else ranges.push({ startLine: index + 1, lineCount: 1, oid });
  });
  return { ranges, commits };
}
