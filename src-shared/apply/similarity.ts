/**
 * Levenshtein edit distance, two rows at a time. With a limit it stops as soon as the distance must exceed it
 * and returns limit + 1, which keeps scans over many candidate windows cheap.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (!a.length || !b.length) return Math.max(a.length, b.length);
  let previous = new Uint32Array(b.length + 1).map((_, index) => index);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    const char = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = char === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/**
 * How alike two equally long line lists are, from 0 to 1, compared without surrounding whitespace and weighted
 * by length. Given a floor, it returns 0 as soon as the result must fall below it.
 */
export function linesSimilarity(a: readonly string[], b: readonly string[], floor = 0): number {
  if (a.length !== b.length) return 0;
  const left = a.map((line) => line.trim());
  const right = b.map((line) => line.trim());
  // An empty line still weighs one, so a block of blank lines is not "identical" to anything.
  const total = left.reduce((sum, line, index) => sum + Math.max(line.length, right[index]?.length ?? 0, 1), 0);
  const budget = (1 - floor) * total;
  if (floor > 0 && left.reduce((sum, line, index) => sum + bagDistance(line, right[index] ?? ''), 0) > budget) return 0;
  let distance = 0;
  for (let index = 0; index < left.length; index++) {
    distance += editDistance(left[index] ?? '', right[index] ?? '', budget - distance);
    if (distance > budget) return 0;
  }
  return 1 - distance / total;
}

/** A cheap lower bound of the edit distance: characters one string has more of than the other must be edited. */
export function bagDistance(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const char of a) counts.set(char, (counts.get(char) ?? 0) + 1);
  for (const char of b) counts.set(char, (counts.get(char) ?? 0) - 1);
  let surplus = 0;
  let deficit = 0;
  for (const count of counts.values()) {
    if (count > 0) surplus += count;
    else deficit -= count;
  }
  return Math.max(surplus, deficit);
}
