import type { editor, IRange } from 'monaco-editor';
import type { AiEditHunk } from '../../../src-shared/contract';
import { splitLines } from '../../../src-shared/apply/lines';
import type { Monaco } from '../editor';
import type { PlacedHunk } from './place-hunks';

/** A hunk still waiting for Accept or Reject, and the buffer line where its old lines start now. */
export type LiveHunk = PlacedHunk;

/**
 * The hunks of a plan, followed through edits of the buffer by decorations over their old lines (a point, for
 * an insertion). A hunk is offered only while those lines are exactly as the plan saw them: one whose lines
 * were edited is dropped, never applied over the new text.
 */
export class PendingHunks {
  private readonly tracked = new Map<number, { hunk: AiEditHunk; decoration: string }>();

  constructor(
    monaco: Monaco,
    private readonly model: editor.ITextModel,
    placed: readonly PlacedHunk[],
  ) {
    const stickiness = monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges;
    const ids = model.deltaDecorations(
      [],
      placed.map(({ hunk, line }) => ({ range: oldLinesRange(monaco, model, line, hunk.oldLines.length), options: { stickiness } })),
    );
    placed.forEach(({ hunk }, index) => {
      const decoration = ids[index];
      if (decoration) this.tracked.set(hunk.id, { hunk, decoration });
    });
  }

  get size(): number {
    return this.tracked.size;
  }

  ids(): number[] {
    return [...this.tracked.keys()];
  }

  /** The hunks whose old lines are as they were, where they are now; the others are dropped and returned. */
  check(): { live: LiveHunk[]; dropped: LiveHunk[] } {
    const live: LiveHunk[] = [];
    const dropped: LiveHunk[] = [];
    for (const { hunk, decoration } of this.tracked.values()) {
      const range = this.model.getDecorationRange(decoration);
      const line = range?.startLineNumber ?? hunk.oldStart + 1;
      if (range && this.unchanged(hunk, range)) live.push({ hunk, line });
      else dropped.push({ hunk, line });
    }
    this.remove(dropped.map(({ hunk }) => hunk.id));
    return { live: live.sort((a, b) => a.line - b.line), dropped };
  }

  /** Applies those of the hunks that are unchanged as one undo step; the rest are dropped. */
  accept(monaco: Monaco, target: editor.ICodeEditor, ids: readonly number[]): { applied: LiveHunk[]; dropped: LiveHunk[] } {
    const wanted = new Set(ids);
    const { live, dropped } = this.check();
    const applied = live.filter(({ hunk }) => wanted.has(hunk.id));
    this.remove(applied.map(({ hunk }) => hunk.id));
    if (applied.length === 0) return { applied, dropped };
    const lineCount = this.model.getLineCount();
    const edits = applied.map(({ hunk, line }) => {
      const last = line + hunk.oldLines.length;
      // Old lines run up to the start of the next line, or to the end of a last line that has no line break.
      const range = last <= lineCount ? new monaco.Range(line, 1, last, 1) : new monaco.Range(line, 1, lineCount, this.model.getLineMaxColumn(lineCount));
      return { range, text: hunk.newLines.join('') };
    });
    target.pushUndoStop();
    target.executeEdits('ai-edit', edits);
    target.pushUndoStop();
    return { applied, dropped };
  }

  remove(ids: readonly number[]): void {
    const gone = ids.flatMap((id) => {
      const entry = this.tracked.get(id);
      this.tracked.delete(id);
      return entry ? [entry.decoration] : [];
    });
    if (gone.length > 0) this.model.deltaDecorations(gone, []);
  }

  dispose(): void {
    this.remove(this.ids());
  }

  /** Whether the buffer still has the hunk's old lines, whole, at its decoration; an insertion point must start its line. */
  private unchanged(hunk: AiEditHunk, range: IRange): boolean {
    const old = splitLines(hunk.oldLines.join(''));
    if (range.startColumn !== 1) return false;
    if (old.length === 0) return range.startLineNumber === range.endLineNumber && range.endColumn === 1;
    const lastLine = range.startLineNumber + old.length - 1;
    if (range.endLineNumber !== lastLine || range.endColumn !== this.model.getLineMaxColumn(lastLine)) return false;
    // A last old line without a line break must still end the file, and one with a break must not.
    if ((old.at(-1)?.eol === '') !== (lastLine === this.model.getLineCount())) return false;
    return old.every((line, index) => this.model.getLineContent(range.startLineNumber + index) === line.text);
  }
}

/** The old lines' text, without the break after the last one; an empty range where an insertion goes. */
function oldLinesRange(monaco: Monaco, model: editor.ITextModel, line: number, count: number): IRange {
  const start = Math.min(line, model.getLineCount());
  if (count === 0) return new monaco.Range(start, 1, start, 1);
  const end = Math.min(start + count - 1, model.getLineCount());
  return new monaco.Range(start, 1, end, model.getLineMaxColumn(end));
}
