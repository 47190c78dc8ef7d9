import { diffArrays } from 'diff';
import { splitLines } from './lines.js';
import type { Hunk } from './types.js';

/** Lines with their endings, the unit hunks are made of. */
export function rawLines(text: string): string[] {
  return splitLines(text).map((line) => line.text + line.eol);
}

/** The changed runs between two line lists, each run one hunk. */
export function diffHunks(oldLines: readonly string[], newLines: readonly string[]): Hunk[] {
  const hunks: Hunk[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  let open: { oldStart: number; newStart: number; oldLines: string[]; newLines: string[] } | undefined;
  const close = () => {
    if (open) hunks.push({ id: hunks.length, ...open });
    open = undefined;
  };
  for (const change of diffArrays([...oldLines], [...newLines])) {
    if (!change.added && !change.removed) {
      close();
      oldIndex += change.value.length;
      newIndex += change.value.length;
      continue;
    }
    open ??= { oldStart: oldIndex, newStart: newIndex, oldLines: [], newLines: [] };
    if (change.removed) {
      open.oldLines.push(...change.value);
      oldIndex += change.value.length;
    } else {
      open.newLines.push(...change.value);
      newIndex += change.value.length;
    }
  }
  close();
  return hunks;
}

/**
 * The original text with only the accepted hunks applied. Hunks never overlap, so each is independent of the
 * others; a hunk whose old lines are no longer in the original throws instead of writing over changed text.
 */
export function applyAcceptedHunks(original: string, hunks: readonly Hunk[], acceptedIds: Iterable<number>): string {
  const accepted = new Set(acceptedIds);
  const lines = rawLines(original);
  const chosen = hunks.filter((hunk) => accepted.has(hunk.id)).sort((a, b) => b.oldStart - a.oldStart);
  for (const hunk of chosen) {
    const current = lines.slice(hunk.oldStart, hunk.oldStart + hunk.oldLines.length);
    if (current.join('') !== hunk.oldLines.join('')) throw new Error(`hunk ${hunk.id} does not match the text it was made for`);
    lines.splice(hunk.oldStart, hunk.oldLines.length, ...hunk.newLines);
  }
  return lines.join('');
}
