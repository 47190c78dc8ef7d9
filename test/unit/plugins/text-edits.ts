/** A replacement of a range of a text (0-based lines and characters), as a workspace edit holds it. */
export interface TextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** Applies edits made against the same text, as the editor applies one workspace edit: last position first. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = ({ line, character }: { line: number; character: number }): number => lines.slice(0, line).reduce((sum, current) => sum + current.length + 1, 0) + character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}

/** Insertions (`{ line, character, text }`) as edits. */
export function insertionEdits(insertions: readonly { line: number; character: number; text: string }[]): TextEdit[] {
  return insertions.map(({ line, character, text }) => ({ range: { start: { line, character }, end: { line, character } }, newText: text }));
}
