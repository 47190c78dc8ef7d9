import type { GitDiffHunk } from '../../../../src-shared/contract';
import { toRanges } from './line-selection';

export type BarKind = 'added' | 'modified' | 'deleted';

export interface Bar {
  kind: BarKind;
  start: number;
  end: number;
}

/** Where the bars go: added and modified runs of lines, and a wedge under the line a deletion follows. */
export function changeBars(hunks: readonly GitDiffHunk[]): Bar[] {
  const bars: Bar[] = [];
  for (const hunk of hunks) {
    let removed = 0;
    let added: number[] = [];
    let lastNew = hunk.newLines === 0 ? hunk.newStart : hunk.newStart - 1;
    const flush = (): void => {
      if (added.length > 0) {
        const kind: BarKind = removed > 0 ? 'modified' : 'added';
        for (const range of toRanges(added)) bars.push({ kind, ...range });
      } else if (removed > 0) {
        bars.push({ kind: 'deleted', start: Math.max(1, lastNew), end: Math.max(1, lastNew) });
      }
      removed = 0;
      added = [];
    };
    for (const line of hunk.lines) {
      if (line.kind === 'context') {
        flush();
        lastNew = line.newLine ?? lastNew;
      } else if (line.kind === 'removed') {
        removed += 1;
      } else if (line.newLine !== null) {
        added.push(line.newLine);
      }
    }
    flush();
  }
  return bars;
}
