export interface Match {
  /** Lower is better. */
  score: number;
  /** Indices of the matched characters in the label, ascending. */
  positions: number[];
}

/**
 * A small case-insensitive matcher: a contiguous occurrence of the query wins (earliest, preferring a
 * word start); otherwise every non-space character of the query must appear in order.
 */
export function matchLabel(query: string, label: string): Match | null {
  const needle = query.trim().toLowerCase();
  if (!needle) return { score: 0, positions: [] };
  const haystack = label.toLowerCase();

  const contiguous = findContiguous(needle, haystack);
  if (contiguous >= 0) {
    const wordStart = isWordStart(label, contiguous) ? 0 : 50;
    return { score: wordStart + contiguous, positions: range(contiguous, needle.length) };
  }

  const positions: number[] = [];
  let from = 0;
  for (const char of needle) {
    if (/\s/.test(char)) continue;
    const found = haystack.indexOf(char, from);
    if (found < 0) return null;
    positions.push(found);
    from = found + 1;
  }
  return { score: 1000 + runsOf(positions) * 10 + (positions[0] ?? 0), positions };
}

function findContiguous(needle: string, haystack: string): number {
  let first = -1;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (first < 0) first = at;
    if (isWordStart(haystack, at)) return at;
  }
  return first;
}

function isWordStart(text: string, index: number): boolean {
  return index === 0 || /[\s:/._-]/.test(text.charAt(index - 1));
}

function range(start: number, length: number): number[] {
  return Array.from({ length }, (_, offset) => start + offset);
}

/** How many separate stretches the matched characters form. */
function runsOf(positions: readonly number[]): number {
  return positions.filter((position, index) => index === 0 || position !== (positions[index - 1] ?? -2) + 1).length;
}
