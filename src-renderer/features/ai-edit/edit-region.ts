import type { editor, Selection } from 'monaco-editor';
import type { AiLineRegion } from '../../../src-shared/contract';
import type { Monaco } from '../editor';

/** The selected lines, whole; with nothing selected, the empty region before the cursor's line (an insertion there). */
export function selectedRegion(selection: Selection): AiLineRegion {
  if (selection.isEmpty()) return { startLine: selection.positionLineNumber, endLine: selection.positionLineNumber - 1 };
  // A selection that ends at the start of a line does not take that line.
  const endLine = selection.endColumn === 1 && selection.endLineNumber > selection.startLineNumber ? selection.endLineNumber - 1 : selection.endLineNumber;
  return { startLine: selection.startLineNumber, endLine };
}

/**
 * The lines an edit is about, followed through changes to the buffer, so a follow-up instruction rewrites the
 * region as it is by then (accepted changes included) and the box stays above it.
 */
export class TrackedRegion {
  private ids: string[];

  constructor(
    monaco: Monaco,
    private readonly model: editor.ITextModel,
    region: AiLineRegion,
  ) {
    const lineCount = model.getLineCount();
    const start = Math.min(region.startLine, lineCount);
    const end = Math.min(region.endLine, lineCount);
    const range = end < start ? new monaco.Range(start, 1, start, 1) : new monaco.Range(start, 1, end, model.getLineMaxColumn(end));
    // Growing at the edges takes in lines accepted at the region's ends, and the lines an insertion adds.
    const stickiness = monaco.editor.TrackedRangeStickiness.AlwaysGrowsWhenTypingAtEdges;
    this.ids = model.deltaDecorations([], [{ range, options: { stickiness } }]);
  }

  current(): AiLineRegion {
    const range = this.ids[0] ? this.model.getDecorationRange(this.ids[0]) : null;
    if (!range) return { startLine: 1, endLine: 0 };
    if (range.isEmpty()) return { startLine: range.startLineNumber, endLine: range.startLineNumber - 1 };
    const endLine = range.endColumn === 1 && range.endLineNumber > range.startLineNumber ? range.endLineNumber - 1 : range.endLineNumber;
    return { startLine: range.startLineNumber, endLine };
  }

  dispose(): void {
    this.ids = this.model.deltaDecorations(this.ids, []);
  }
}
