import type { editor, IRange } from 'monaco-editor';
import type { AiEditHunk } from '../../../src-shared/contract';
import { splitLines } from '../../../src-shared/apply/lines';

/** As much of a model as finding, checking and replacing a hunk's old lines reads. */
export type BufferLines = Pick<editor.ITextModel, 'getLineCount' | 'getLineContent' | 'getLineMaxColumn'>;

/** The old lines' text from `line`, without the break after the last one; an empty range where an insertion goes. */
export function oldLinesRange(buffer: BufferLines, line: number, count: number): IRange {
  const start = Math.min(line, buffer.getLineCount());
  if (count === 0) return { startLineNumber: start, startColumn: 1, endLineNumber: start, endColumn: 1 };
  const end = Math.min(start + count - 1, buffer.getLineCount());
  return { startLineNumber: start, startColumn: 1, endLineNumber: end, endColumn: buffer.getLineMaxColumn(end) };
}

/** Whether the buffer still has the hunk's old lines, whole, at `range`; an insertion point must start its line. */
export function hasOldLines(buffer: BufferLines, hunk: AiEditHunk, range: IRange): boolean {
  const old = splitLines(hunk.oldLines.join(''));
  if (range.startColumn !== 1) return false;
  if (old.length === 0) return range.startLineNumber === range.endLineNumber && range.endColumn === 1;
  const lastLine = range.startLineNumber + old.length - 1;
  if (range.endLineNumber !== lastLine || range.endColumn !== buffer.getLineMaxColumn(lastLine)) return false;
  // A last old line without a line break must still end the file, and one with a break must not.
  if ((old.at(-1)?.eol === '') !== (lastLine === buffer.getLineCount())) return false;
  return old.every((line, index) => buffer.getLineContent(range.startLineNumber + index) === line.text);
}

/** The edit that puts a hunk's new lines, endings and all, in place of its old lines starting at `line`. */
export function hunkEdit(buffer: BufferLines, hunk: AiEditHunk, line: number): { range: IRange; text: string } {
  const lineCount = buffer.getLineCount();
  const last = line + hunk.oldLines.length;
  // Old lines run up to the start of the next line, or to the end of a last line that has no line break.
  const range =
    last <= lineCount
      ? { startLineNumber: line, startColumn: 1, endLineNumber: last, endColumn: 1 }
      : { startLineNumber: line, startColumn: 1, endLineNumber: lineCount, endColumn: buffer.getLineMaxColumn(lineCount) };
  return { range, text: hunk.newLines.join('') };
}
