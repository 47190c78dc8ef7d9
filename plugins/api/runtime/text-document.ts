import type { DocumentChangeData, DocumentData, Position, Range } from './protocol';

/** An open file's text as the editor holds it, kept in step by the workbench's change events. */
export class TextDocument {
  readonly path: string;
  readonly languageId: string;
  #version: number;
  #isDirty: boolean;
  #isClosed = false;
  #text: string;
  /** Offsets where each line starts, computed when first needed after a change. */
  #lineStarts: number[] | undefined;

  constructor(data: DocumentData) {
    this.path = data.path;
    this.languageId = data.languageId;
    this.#version = data.version;
    this.#isDirty = data.isDirty;
    this.#text = data.text;
    Object.freeze(this);
  }

  get version(): number {
    return this.#version;
  }

  get isDirty(): boolean {
    return this.#isDirty;
  }

  get isClosed(): boolean {
    return this.#isClosed;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  getText(range?: Range): string {
    if (!range) return this.#text;
    return this.#text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  lineAt(line: number): string {
    const starts = this.lineStarts();
    const start = starts[line];
    if (start === undefined) throw new RangeError(`Line ${line} is outside the document (${starts.length} lines)`);
    const next = starts[line + 1];
    return this.#text.slice(start, next === undefined ? this.#text.length : next).replace(/\r?\n$/, '');
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.#text.length));
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((starts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: clamped - (starts[low] ?? 0) };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    const line = Math.max(0, Math.min(position.line, starts.length - 1));
    const start = starts[line] ?? 0;
    const lineEnd = start + this.lineAt(line).length;
    return Math.min(start + Math.max(0, position.character), lineEnd);
  }

  /** Applies the editor's changes, in order, each against the text the previous one left. */
  applyChange(change: DocumentChangeData): void {
    for (const { rangeOffset, rangeLength, text } of change.changes) {
      this.#text = this.#text.slice(0, rangeOffset) + text + this.#text.slice(rangeOffset + rangeLength);
    }
    this.#version = change.version;
    this.#isDirty = change.isDirty;
    this.#lineStarts = undefined;
  }

  markSaved(): void {
    this.#isDirty = false;
  }

  markClosed(): void {
    this.#isClosed = true;
  }

  private lineStarts(): number[] {
    if (this.#lineStarts) return this.#lineStarts;
    const starts = [0];
    for (let index = this.#text.indexOf('\n'); index !== -1; index = this.#text.indexOf('\n', index + 1)) starts.push(index + 1);
    this.#lineStarts = starts;
    return starts;
  }
}
