import type { AiEditHunk } from '../../../src-shared/contract';
import { diffHunks } from '../../../src-shared/apply';
import { textLines } from '../../../src-shared/apply/lines';

/** A hunk and the 1-based line of the buffer where its old lines start (or where its new lines go). */
export interface PlacedHunk {
  hunk: AiEditHunk;
  line: number;
}

/**
 * Finds where a plan's hunks are in the buffer now. They were made against the text that was sent; lines the
 * user added or removed since then move them, and a hunk whose own lines the user changed is left out.
 */
export function placeHunks(hunks: readonly AiEditHunk[], sent: string, current: string): { placed: PlacedHunk[]; edited: AiEditHunk[] } {
  if (sent === current) return { placed: hunks.map((hunk) => ({ hunk, line: hunk.oldStart + 1 })), edited: [] };
  const changes = diffHunks(textLines(sent), textLines(current));
  const placed: PlacedHunk[] = [];
  const edited: AiEditHunk[] = [];
  for (const hunk of hunks) {
    const start = hunk.oldStart;
    const end = start + hunk.oldLines.length;
    let shift = 0;
    let touched = false;
    for (const change of changes) {
      const changeEnd = change.oldStart + change.oldLines.length;
      if (changeEnd <= start) shift += change.newLines.length - change.oldLines.length;
      else if (change.oldStart < end) touched = true;
    }
    if (touched) edited.push(hunk);
    else placed.push({ hunk, line: start + shift + 1 });
  }
  return { placed, edited };
}
