import { diffHunks } from '../../../src-shared/apply';
import type { StreamedLines } from './streamed-lines';

/** One change of a region's rewrite so far: `removed` region lines from index `at` give way to `added` lines. */
export interface LiveChange {
  at: number;
  removed: number;
  added: string[];
}

/**
 * Diffs a region's lines against its rewrite as far as it has streamed. The region lines after the last streamed
 * one are not removed, only not reached yet; the line being written shows where the model is.
 */
export function liveDiff(original: readonly string[], streamed: StreamedLines): LiveChange[] {
  const hunks = diffHunks(original, streamed.complete);
  const last = hunks.at(-1);
  const open = last && last.oldStart + last.oldLines.length === original.length && last.newStart + last.newLines.length === streamed.complete.length ? last : undefined;
  const changes = hunks.map((hunk) => ({ at: hunk.oldStart, removed: hunk === open ? 0 : hunk.oldLines.length, added: [...hunk.newLines] }));
  if (streamed.partial !== null) {
    const reached = open ? open.oldStart : original.length;
    const here = changes.find((change) => change.removed === 0 && change.at === reached);
    if (here) here.added.push(streamed.partial);
    else changes.push({ at: reached, removed: 0, added: [streamed.partial] });
  }
  return changes.filter((change) => change.removed > 0 || change.added.length > 0);
}
