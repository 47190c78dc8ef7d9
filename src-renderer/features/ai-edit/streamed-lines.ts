import { splitLines } from '../../../src-shared/apply/lines';

/** A rewrite as far as it has streamed: its finished lines, and the line still being written. */
export interface StreamedLines {
  complete: string[];
  /** Null while the text ends at a line break. */
  partial: string | null;
}

const fence = /^\s*(`{3,}|~{3,})/;

/**
 * The lines of a region's rewrite as it streams. Models are asked for bare code, but one that wraps it in a
 * Markdown fence anyway is planned from the fence's body, so the fence lines are not drawn either.
 */
export function streamedLines(text: string): StreamedLines {
  const lines = splitLines(text);
  const last = lines.at(-1);
  const partial = last && last.eol === '' ? last.text : null;
  let complete = (partial === null ? lines : lines.slice(0, -1)).map((line) => line.text);
  const first = complete[0] ?? partial;
  if (first === undefined || first === null || !fence.test(first)) return { complete, partial };
  // Inside a fence: drop the opening line, and stop at the closing one.
  if (complete.length === 0) return { complete: [], partial: null };
  complete = complete.slice(1);
  const close = complete.findIndex((line) => fence.test(line));
  if (close >= 0) return { complete: complete.slice(0, close), partial: null };
  return { complete, partial: partial !== null && fence.test(partial) ? null : partial };
}
