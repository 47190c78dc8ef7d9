import type { GitDiffHunk, GitDiffLine } from '../../../src-shared/contract';

export interface LineRange {
  start: number;
  end: number;
}

export interface LineSelection {
  oldRanges: readonly LineRange[];
  newRanges: readonly LineRange[];
}

const inRanges = (line: number | null, ranges: readonly LineRange[]): boolean =>
  line !== null && ranges.some((range) => line >= range.start && line <= range.end);

/** Whether a changed line of the diff is selected (context lines never are). */
export function isSelected(line: GitDiffLine, selection: LineSelection): boolean {
  if (line.kind === 'removed') return inRanges(line.oldLine, selection.oldRanges);
  if (line.kind === 'added') return inRanges(line.newLine, selection.newRanges);
  return false;
}

/** Counts the changed lines of a diff and how many of them the selection picks. */
export function countSelected(hunks: readonly GitDiffHunk[], selection: LineSelection): { changed: number; selected: number } {
  let changed = 0;
  let selected = 0;
  for (const hunk of hunks) {
    for (const line of hunk.lines) {
      if (line.kind === 'context') continue;
      changed += 1;
      if (isSelected(line, selection)) selected += 1;
    }
  }
  return { changed, selected };
}

/**
 * Rebuilds one side of a diff with the selected changes carried over from the other side.
 * From `old` (staging: base = index): selected removals go, selected additions come in.
 * From `new` (unstaging: base = index, diff HEAD → index): selected additions go, selected removals come back.
 * Unchanged text is copied from `base` byte for byte; carried-over lines come from the diff.
 */
export function applySelection(base: string, hunks: readonly GitDiffHunk[], from: 'old' | 'new', selection: LineSelection): string {
  const baseLines = base === '' ? [] : base.split(/(?<=\n)/);
  const ownKind = from === 'old' ? 'removed' : 'added';
  const output: string[] = [];
  const emit = (piece: string): void => {
    // A carried-over line after a last line without newline must not run into it.
    const last = output.length - 1;
    if (last >= 0 && !(output[last] as string).endsWith('\n')) output[last] += '\n';
    output.push(piece);
  };
  let cursor = 0;
  for (const hunk of hunks) {
    const start = from === 'old' ? hunk.oldStart : hunk.newStart;
    const count = from === 'old' ? hunk.oldLines : hunk.newLines;
    const before = count === 0 ? start : start - 1;
    while (cursor < before && cursor < baseLines.length) emit(baseLines[cursor++] as string);
    for (const line of hunk.lines) {
      if (line.kind === 'context') {
        emit(baseLines[cursor++] ?? '');
      } else if (line.kind === ownKind) {
        const text = baseLines[cursor++] ?? '';
        if (!isSelected(line, selection)) emit(text);
      } else if (isSelected(line, selection)) {
        emit(line.noNewline ? line.text : `${line.text}\n`);
      }
    }
  }
  while (cursor < baseLines.length) emit(baseLines[cursor++] as string);
  return output.join('');
}
