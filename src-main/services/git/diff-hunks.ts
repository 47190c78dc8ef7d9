import { structuredPatch } from 'diff';
import type { GitDiffHunk, GitDiffLine, GitFileDiff } from '../../../src-shared/contract';

/** A hunk as unified diff text has it: lines prefixed with ' ', '+', '-' or '\'. */
export interface RawHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  heading: string;
  lines: string[];
}

/** Diffs larger than this (either side, in characters) are not split into hunks. */
export const maxDiffTextLength = 10 * 1024 * 1024;

const hunkHeader = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

/** The hunks of one file's unified diff (as `git diff` prints it), and whether git called it binary. */
export function parseUnifiedDiff(text: string): { binary: boolean; hunks: RawHunk[] } {
  const lines = text.split('\n');
  const hunks: RawHunk[] = [];
  let binary = false;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    const header = hunkHeader.exec(line);
    if (!header) {
      if (/^Binary files .* differ$/.test(line) || line === 'GIT binary patch') binary = true;
      index += 1;
      continue;
    }
    const hunk: RawHunk = {
      oldStart: Number(header[1]),
      oldLines: header[2] === undefined ? 1 : Number(header[2]),
      newStart: Number(header[3]),
      newLines: header[4] === undefined ? 1 : Number(header[4]),
      heading: header[5] ?? '',
      lines: [],
    };
    index += 1;
    // Count the lines each side consumes: content may itself start with "@@" or "diff".
    let oldLeft = hunk.oldLines;
    let newLeft = hunk.newLines;
    while (index < lines.length && (oldLeft > 0 || newLeft > 0 || lines[index]?.startsWith('\\'))) {
      const body = lines[index] ?? '';
      const marker = body[0];
      if (marker === ' ' || body === '') {
        oldLeft -= 1;
        newLeft -= 1;
      } else if (marker === '-') oldLeft -= 1;
      else if (marker === '+') newLeft -= 1;
      hunk.lines.push(body === '' ? ' ' : body);
      index += 1;
    }
    hunks.push(hunk);
  }
  return { binary, hunks };
}

/** Numbers each line of each hunk on both sides and folds "\ No newline at end of file" into the line before. */
export function numberHunks(raw: readonly RawHunk[]): GitDiffHunk[] {
  return raw.map((hunk) => {
    let oldLine = hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart;
    let newLine = hunk.newLines === 0 ? hunk.newStart + 1 : hunk.newStart;
    const lines: GitDiffLine[] = [];
    for (const body of hunk.lines) {
      const marker = body[0];
      const text = body.slice(1);
      if (marker === '\\') {
        const previous = lines[lines.length - 1];
        if (previous) previous.noNewline = true;
      } else if (marker === '+') lines.push({ kind: 'added', text, oldLine: null, newLine: newLine++ });
      else if (marker === '-') lines.push({ kind: 'removed', text, oldLine: oldLine++, newLine: null });
      else lines.push({ kind: 'context', text, oldLine: oldLine++, newLine: newLine++ });
    }
    return { oldStart: hunk.oldStart, oldLines: hunk.oldLines, newStart: hunk.newStart, newLines: hunk.newLines, heading: hunk.heading, lines };
  });
}

/**
 * Hunks between two texts, with git's three lines of context, computed off the event loop's
 * critical path (jsdiff's async mode); undefined when the diff takes too long.
 */
export function diffTexts(oldText: string, newText: string): Promise<GitDiffHunk[] | undefined> {
  return new Promise((resolve) => {
    structuredPatch('', '', oldText, newText, undefined, undefined, {
      context: 3,
      timeout: 5000,
      callback: (patch) => resolve(patch ? numberHunks(patch.hunks.map(asGitHunk)) : undefined),
    });
  });
}

/** jsdiff numbers an empty side from 1, git from 0 (the line after which the other side's lines go). */
function asGitHunk(hunk: Omit<RawHunk, 'heading'>): RawHunk {
  return {
    ...hunk,
    oldStart: hunk.oldLines === 0 ? Math.max(0, hunk.oldStart - 1) : hunk.oldStart,
    newStart: hunk.newLines === 0 ? Math.max(0, hunk.newStart - 1) : hunk.newStart,
    heading: '',
  };
}

/** git's heuristic: a NUL byte in the first 8000 bytes means binary. */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}

/** A file diff between two contents (null: the file does not exist on that side). */
export async function diffContents(path: string, older: Buffer | null, newer: Buffer | null): Promise<GitFileDiff> {
  const base = { path, hunks: [] };
  if ((older && isBinary(older)) || (newer && isBinary(newer))) return { ...base, binary: true, tooLarge: false };
  if ((older?.length ?? 0) > maxDiffTextLength || (newer?.length ?? 0) > maxDiffTextLength) return { ...base, binary: false, tooLarge: true };
  const hunks = await diffTexts(older?.toString('utf8') ?? '', newer?.toString('utf8') ?? '');
  return { ...base, binary: false, tooLarge: hunks === undefined, hunks: hunks ?? [] };
}
