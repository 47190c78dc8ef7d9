import type { GitDiffHunk, GitLineSelection } from '../../../../src-shared/contract';

export interface LineRange {
  start: number;
  end: number;
}

/** The side of a diff editor a selection was made in: the left (old) or the right (new). */
export type DiffSide = 'old' | 'new';

/** A run of changed lines between context lines: what a diff editor draws as one change. */
interface ChangeBlock {
  removed: number[];
  added: number[];
  /** For the side with no lines in this block: the line after which the change sits there. */
  oldAnchor: number;
  newAnchor: number;
}

/** The selection of a whole hunk, as the contract spells it. */
export function hunkSelection(path: string, hunk: GitDiffHunk): GitLineSelection {
  return {
    path,
    oldRanges: hunk.oldLines > 0 ? [{ start: hunk.oldStart, end: hunk.oldStart + hunk.oldLines - 1 }] : [],
    newRanges: hunk.newLines > 0 ? [{ start: hunk.newStart, end: hunk.newStart + hunk.newLines - 1 }] : [],
  };
}

/** Consecutive line numbers folded into ranges. */
export function toRanges(lines: readonly number[]): LineRange[] {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const ranges: LineRange[] = [];
  for (const line of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && line === last.end + 1) last.end = line;
    else ranges.push({ start: line, end: line });
  }
  return ranges;
}

function changeBlocks(hunk: GitDiffHunk): ChangeBlock[] {
  const blocks: ChangeBlock[] = [];
  // Before the first line of a hunk, the anchor is the line before its start on each side.
  let lastOld = hunk.oldLines === 0 ? hunk.oldStart : hunk.oldStart - 1;
  let lastNew = hunk.newLines === 0 ? hunk.newStart : hunk.newStart - 1;
  let current: ChangeBlock | null = null;
  for (const line of hunk.lines) {
    if (line.kind === 'context') {
      current = null;
    } else {
      if (!current) {
        current = { removed: [], added: [], oldAnchor: lastOld, newAnchor: lastNew };
        blocks.push(current);
      }
      if (line.kind === 'removed' && line.oldLine !== null) current.removed.push(line.oldLine);
      if (line.kind === 'added' && line.newLine !== null) current.added.push(line.newLine);
    }
    if (line.oldLine !== null) lastOld = line.oldLine;
    if (line.newLine !== null) lastNew = line.newLine;
  }
  return blocks;
}

const covers = (ranges: readonly LineRange[], line: number): boolean => ranges.some((range) => line >= range.start && line <= range.end);

/**
 * The changed lines a selection of editor lines picks, like VS Code's "Stage Selected Ranges": on the
 * side the lines were selected, the selected changed lines; on the other side, the same lines one for
 * one when the change has as many lines on both sides, else all of them. A change with no lines on the
 * selected side (a pure deletion seen from the new side) is picked when a line next to it is selected.
 */
export function selectionFromLines(path: string, hunks: readonly GitDiffHunk[], side: DiffSide, ranges: readonly LineRange[]): GitLineSelection | null {
  const picked = { old: [] as number[], new: [] as number[] };
  for (const hunk of hunks) {
    for (const block of changeBlocks(hunk)) {
      const own = side === 'old' ? block.removed : block.added;
      const other = side === 'old' ? block.added : block.removed;
      const otherSide: DiffSide = side === 'old' ? 'new' : 'old';
      if (own.length === 0) {
        const anchor = side === 'old' ? block.oldAnchor : block.newAnchor;
        if (covers(ranges, anchor) || covers(ranges, anchor + 1)) picked[otherSide].push(...other);
        continue;
      }
      const selected = own.map((line, index) => ({ line, index })).filter(({ line }) => covers(ranges, line));
      if (selected.length === 0) continue;
      picked[side].push(...selected.map(({ line }) => line));
      if (own.length === other.length) picked[otherSide].push(...selected.map(({ index }) => other[index] as number));
      else picked[otherSide].push(...other);
    }
  }
  if (picked.old.length === 0 && picked.new.length === 0) return null;
  return { path, oldRanges: toRanges(picked.old), newRanges: toRanges(picked.new) };
}

/** The line (of the new side) after which a hunk's first change sits: where its actions go. */
export function hunkAnchor(hunk: GitDiffHunk): number {
  return changeBlocks(hunk)[0]?.newAnchor ?? Math.max(0, hunk.newStart - 1);
}

/** Lines selected in an editor, whole lines: a selection that ends at the start of a line leaves that line out. */
export function selectedLineRanges(selections: readonly { startLineNumber: number; endLineNumber: number; endColumn: number }[]): LineRange[] {
  return selections.map((selection) => {
    const end = selection.endColumn === 1 && selection.endLineNumber > selection.startLineNumber ? selection.endLineNumber - 1 : selection.endLineNumber;
    return { start: selection.startLineNumber, end };
  });
}
