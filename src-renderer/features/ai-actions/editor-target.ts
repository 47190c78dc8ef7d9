import type { Range, editor } from 'monaco-editor';
import type { AiLineRegion } from '../../../src-shared/contract';
import { activeCodeEditor } from '../editor';
import { notify } from '../notifications';

export interface EditorTarget {
  editor: editor.ICodeEditor;
  model: editor.ITextModel;
  path: string;
}

/** The active text editor; without one, says what opening a file would let the user do. */
export function activeTarget(toDo: string): EditorTarget | undefined {
  const active = activeCodeEditor();
  if (!active) notify({ severity: 'info', message: `Open a file in the editor to ${toDo}.` });
  return active;
}

/** The lines a selection covers, or null when nothing is selected; a selection ending at the start of a line does not take that line. */
export function selectedLines(selection: Range | null): AiLineRegion | null {
  if (!selection || selection.isEmpty()) return null;
  const { startLineNumber: startLine, endLineNumber, endColumn } = selection;
  return { startLine, endLine: endColumn === 1 && endLineNumber > startLine ? endLineNumber - 1 : endLineNumber };
}

/** The text of whole lines (1-based, inclusive). */
export function linesText(model: editor.ITextModel, region: AiLineRegion): string {
  return model.getLinesContent().slice(region.startLine - 1, region.endLine).join('\n');
}

/** `src/main.rs:4-9`, or `src/main.rs:4` for one line: how the chat and the problems name a place. */
export function placeLabel(path: string, region: AiLineRegion): string {
  return region.startLine === region.endLine ? `${path}:${String(region.startLine)}` : `${path}:${String(region.startLine)}-${String(region.endLine)}`;
}

export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
