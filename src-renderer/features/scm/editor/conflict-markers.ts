/** Inclusive 1-based lines; empty when `end < start`. */
export interface LineSpan {
  start: number;
  end: number;
}

/** One `<<<<<<< … >>>>>>>` block of a file, by line number. */
export interface ConflictRegion {
  /** The `<<<<<<<` line. */
  startLine: number;
  /** Our side (HEAD), between the start marker and `|||||||` or `=======`. */
  current: LineSpan;
  /** The common ancestor, between `|||||||` and `=======` (diff3 style only). */
  base: LineSpan | null;
  /** The `=======` line. */
  separatorLine: number;
  /** Their side, between `=======` and `>>>>>>>`. */
  incoming: LineSpan;
  /** The `>>>>>>>` line. */
  endLine: number;
  /** The names after the markers: `HEAD`, the other branch. */
  currentName: string;
  incomingName: string;
}

export type ConflictChoice = 'current' | 'incoming' | 'both';

const marker = (line: string, sign: string): string | null => {
  if (!line.startsWith(sign.repeat(7))) return null;
  const rest = line.slice(7);
  // `=======` stands alone; the others may be followed by a space and a name.
  if (rest !== '' && !rest.startsWith(' ') && rest !== '\r') return null;
  return rest.trim();
};

/** The conflict blocks of a text; an unfinished block (no end marker) is left out. */
export function parseConflicts(lines: readonly string[]): ConflictRegion[] {
  const regions: ConflictRegion[] = [];
  let open: { startLine: number; currentName: string; baseLine: number | null; separatorLine: number | null } | null = null;
  lines.forEach((text, index) => {
    const line = index + 1;
    const start = marker(text, '<');
    if (start !== null) {
      open = { startLine: line, currentName: start, baseLine: null, separatorLine: null };
      return;
    }
    if (!open) return;
    if (marker(text, '|') !== null && open.separatorLine === null && open.baseLine === null) {
      open.baseLine = line;
    } else if (marker(text, '=') === '' && open.separatorLine === null) {
      open.separatorLine = line;
    } else {
      const end = marker(text, '>');
      if (end === null || open.separatorLine === null) return;
      const currentEnd = (open.baseLine ?? open.separatorLine) - 1;
      regions.push({
        startLine: open.startLine,
        current: { start: open.startLine + 1, end: currentEnd },
        base: open.baseLine === null ? null : { start: open.baseLine + 1, end: open.separatorLine - 1 },
        separatorLine: open.separatorLine,
        incoming: { start: open.separatorLine + 1, end: line - 1 },
        endLine: line,
        currentName: open.currentName,
        incomingName: end,
      });
      open = null;
    }
  });
  return regions;
}

const spanLines = (lines: readonly string[], span: LineSpan): string[] => lines.slice(span.start - 1, span.end);

/** The lines that replace a conflict block (from its start marker to its end marker) for a choice. */
export function resolveConflict(lines: readonly string[], region: ConflictRegion, choice: ConflictChoice): string[] {
  const current = spanLines(lines, region.current);
  const incoming = spanLines(lines, region.incoming);
  if (choice === 'current') return current;
  if (choice === 'incoming') return incoming;
  return [...current, ...incoming];
}
