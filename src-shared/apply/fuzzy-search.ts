import { editDistance, linesSimilarity } from './similarity.js';
import type { Candidate } from './types.js';

export interface FuzzyResult {
  readonly best: Candidate;
  /** The highest similarity of any other window that could matter to the margin check. */
  readonly runnerUp: number;
}

/**
 * The window of the file most like the search lines, and how close the runner-up came. A likely window is scored
 * first so the full scan can drop every window that cannot come within `margin` of it.
 */
export function bestWindow(fileLines: readonly string[], search: readonly string[], margin: number): FuzzyResult | undefined {
  const windows = fileLines.length - search.length + 1;
  if (!search.length || windows <= 0) return undefined;
  const windowAt = (start: number) => fileLines.slice(start, start + search.length);
  const seed = likelyStart(fileLines, search, windows);
  let best: Candidate = { startLine: seed + 1, endLine: seed + search.length, similarity: linesSimilarity(windowAt(seed), search) };
  let runnerUp = 0;
  for (let start = 0; start < windows; start++) {
    if (start === seed) continue;
    const similarity = linesSimilarity(windowAt(start), search, Math.max(0, best.similarity - margin));
    if (similarity > best.similarity) {
      runnerUp = best.similarity;
      best = { startLine: start + 1, endLine: start + search.length, similarity };
    } else if (similarity > runnerUp) runnerUp = similarity;
  }
  return { best, runnerUp };
}

/** The start whose window shares the most identical lines, ties going to the closest first line. */
function likelyStart(fileLines: readonly string[], search: readonly string[], windows: number): number {
  const trimmedSearch = search.map((line) => line.trim());
  const first = trimmedSearch[0] ?? '';
  let bestStart = 0;
  let bestScore = -Infinity;
  for (let start = 0; start < windows; start++) {
    let equal = 0;
    for (let offset = 0; offset < search.length; offset++) if (fileLines[start + offset]?.trim() === trimmedSearch[offset]) equal++;
    const head = fileLines[start]?.trim() ?? '';
    const headCloseness = 1 - editDistance(head, first) / Math.max(head.length, first.length, 1);
    const score = equal + headCloseness;
    if (score > bestScore) [bestStart, bestScore] = [start, score];
  }
  return bestStart;
}
