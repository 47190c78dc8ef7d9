import type { TextDocumentChange, TextPosition } from '../../../src-shared/contract';

/**
 * The host's copy of an open file's text, kept in step with the editor's edits: servers that want the
 * whole text on every change get it from here, and a restarted server is given the files again.
 */
export class DocumentText {
  constructor(
    public text: string,
    public version: number,
  ) {}

  apply(changes: readonly TextDocumentChange[], version: number): void {
    for (const change of changes) {
      if (!change.range) {
        this.text = change.text;
        continue;
      }
      const start = this.offsetAt(change.range.start);
      const end = Math.max(start, this.offsetAt(change.range.end));
      this.text = this.text.slice(0, start) + change.text + this.text.slice(end);
    }
    this.version = version;
  }

  /** The UTF-16 offset of a 1-based position, clamped to the text (as Monaco clamps). */
  offsetAt(position: TextPosition): number {
    let lineStart = 0;
    for (let line = 1; line < position.line; line++) {
      const next = this.text.indexOf('\n', lineStart);
      if (next < 0) return this.text.length;
      lineStart = next + 1;
    }
    let lineEnd = this.text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = this.text.length;
    if (lineEnd > lineStart && this.text[lineEnd - 1] === '\r') lineEnd--;
    return Math.min(lineStart + position.column - 1, lineEnd);
  }
}
