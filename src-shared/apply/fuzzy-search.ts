import { editDistance, linesSimilarity } from './similarity.js';
import type { Candidate } from './types.js';

export interface FuzzyResult {
  readonly best: Candidate;
  /** The other windows that came within `margin` of the best: any of them makes the best ambiguous. */
  readonly rivals: readonly Candidate[];
}

/**
 * The window of the file most like the search lines, and the others that came close. A likely window is scored
 * first so the full scan can drop every window that cannot come within `margin` of it.
 */
export function bestWindow(fileLines: readonly string[], search: readonly string[], margin: number): FuzzyResult | undefined {
  const windows = fileLines.length - search.length + 1;
  if (!search.length || windows <= 0) return undefined;
  const windowAt = (start: number) => fileLines.slice(start, start + search.length);
  const seed = likelyStart(fileLines, search, windows);
  let best: Candidate = { startLine: seed + 1, endLine: seed + search.length, similarity: linesSimilarity(windowAt(seed), search) };
  const close = (candidate: Candidate) => best.similarity - candidate.similarity < margin;
  // The best only rises, so this keeps every window that could end up within the margin of the final best.
  const rivals: Candidate[] = [];
  for (let start = 0; start < windows; start++) {
    if (start === seed) continue;
    const candidate = { startLine: start + 1, endLine: start + search.length, similarity: linesSimilarity(windowAt(start), search, Math.max(0, best.similarity - margin)) };
    if (candidate.similarity > best.similarity) {
      rivals.push(best);
      best = candidate;
    } else if (close(candidate)) rivals.push(candidate);
  }
  return { best, rivals: rivals.filter(close) };
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
