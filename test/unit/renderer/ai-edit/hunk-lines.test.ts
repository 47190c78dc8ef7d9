import type { IRange } from 'monaco-editor';
import { describe, expect, it } from 'vitest';
import { applyAcceptedHunks, planRewrite } from '../../../../src-shared/apply';
import { hasOldLines, hunkEdit, oldLinesRange, type BufferLines } from '../../../../src-renderer/features/ai-edit/hunk-lines';
import { placeHunks } from '../../../../src-renderer/features/ai-edit/place-hunks';

/** A text's lines as a model has them: the empty line after a final line break counts. */
function buffer(text: string): BufferLines {
  const lines = text.split(/\r\n|\r|\n/);
  return {
    getLineCount: () => lines.length,
    getLineContent: (line) => lines[line - 1] ?? '',
    getLineMaxColumn: (line) => (lines[line - 1]?.length ?? 0) + 1,
  };
}

/** The text with the edits made as a model makes them: every range is read against the text before any of them. */
function applyEdits(text: string, edits: readonly { range: IRange; text: string }[]): string {
  const lineStarts = [0, ...Array.from(text.matchAll(/\r\n|\r|\n/g), (match) => match.index + match[0].length)];
  const offset = (line: number, column: number) => (lineStarts[line - 1] ?? text.length) + column - 1;
  const start = ({ range }: { range: IRange }) => offset(range.startLineNumber, range.startColumn);
  return [...edits]
    .sort((a, b) => start(b) - start(a))
    .reduce((result, edit) => result.slice(0, start(edit)) + edit.text + result.slice(offset(edit.range.endLineNumber, edit.range.endColumn)), text);
}

const original = 'fn a() {\r\n    1\r\n}\r\n\r\nfn b() {\r\n    2\r\n}\r\n';
// The model answers with LF line breaks; the plan gives its new lines the file's CRLF.
const edit = planRewrite(original, 'fn a() {\n    one\n}\n\nfn b() {\n    2\n    two\n}\n');
const replacement = { id: 0, oldStart: 1, newStart: 1, oldLines: ['    1\r\n'], newLines: ['    one\r\n'] };
const insertion = { id: 1, oldStart: 6, newStart: 6, oldLines: [], newLines: ['    two\r\n'] };

/** The edits that accept the hunks with these ids, placed in `current`. */
function acceptEdits(current: string, ids: readonly number[]): { range: IRange; text: string }[] {
  const { placed } = placeHunks(edit.hunks, original, current);
  return placed.filter(({ hunk }) => ids.includes(hunk.id)).map(({ hunk, line }) => hunkEdit(buffer(current), hunk, line));
}

describe("a hunk's old lines in the buffer", () => {
  it('plans a replacement and an insertion, with CRLF new lines', () => {
    expect(edit.hunks).toEqual([replacement, insertion]);
  });

  it('spans the old lines where the hunk is placed, after lines added above; an insertion is a point at its line start', () => {
    const current = `// header\r\n${original}`;
    const lines = buffer(current);
    const found = placeHunks(edit.hunks, original, current).placed.map(({ hunk, line }) => {
      const range = oldLinesRange(lines, line, hunk.oldLines.length);
      return { range, present: hasOldLines(lines, hunk, range) };
    });
    expect(found).toEqual([
      { range: { startLineNumber: 3, startColumn: 1, endLineNumber: 3, endColumn: 6 }, present: true },
      { range: { startLineNumber: 8, startColumn: 1, endLineNumber: 8, endColumn: 1 }, present: true },
    ]);
  });

  it("no longer finds a hunk's old lines once one of them is edited or the range does not start its line", () => {
    const range = { startLineNumber: 2, startColumn: 1, endLineNumber: 2, endColumn: 6 };
    expect(hasOldLines(buffer(original), replacement, range)).toBe(true);
    expect(hasOldLines(buffer(original.replace('    1', '    7')), replacement, range)).toBe(false);
    expect(hasOldLines(buffer(original), replacement, { ...range, startColumn: 2 })).toBe(false);
    // An insertion point that text was typed into is a range now, not a point.
    expect(hasOldLines(buffer(original), insertion, { startLineNumber: 7, startColumn: 1, endLineNumber: 7, endColumn: 3 })).toBe(false);
  });

  it('requires an old last line without a line break to still end the file', () => {
    const lastLine = { id: 0, oldStart: 1, newStart: 1, oldLines: ['b'], newLines: ['B'] };
    expect(planRewrite('a\r\nb', 'a\nB').hunks).toEqual([lastLine]);
    const range = { startLineNumber: 2, startColumn: 1, endLineNumber: 2, endColumn: 2 };
    expect(hasOldLines(buffer('a\r\nb'), lastLine, range)).toBe(true);
    expect(hasOldLines(buffer('a\r\nb\r\nc'), lastLine, range)).toBe(false);
    expect(applyEdits('a\r\nb', [hunkEdit(buffer('a\r\nb'), lastLine, 2)])).toBe('a\r\nB');
  });

  it("applies accepted hunks with the file's CRLF line breaks, all of them or some", () => {
    const all = applyEdits(original, acceptEdits(original, [0, 1]));
    expect(all).toBe(edit.newText);
    expect(all).toBe('fn a() {\r\n    one\r\n}\r\n\r\nfn b() {\r\n    2\r\n    two\r\n}\r\n');
    expect(applyEdits(original, acceptEdits(original, [1]))).toBe(applyAcceptedHunks(original, edit.hunks, [1]));
  });

  it('applies accepted hunks where edits above moved them, still with CRLF', () => {
    const current = `// header\r\n${original}`;
    expect(applyEdits(current, acceptEdits(current, [0, 1]))).toBe(`// header\r\n${edit.newText}`);
  });
});
