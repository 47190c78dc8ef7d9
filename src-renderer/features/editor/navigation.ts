import { showEditorPicker, type PickerItem } from './EditorPicker';
import { activeCodeEditor, revealPosition } from './editor-instances';

/** Parses `line`, `line:col` or `line,col`; null when it is not a position. */
export function parseLineQuery(query: string): { line: number; column: number } | null {
  const match = /^\s*:?(\d+)(?:\s*[:,]\s*(\d+))?\s*$/.exec(query);
  if (!match) return null;
  return { line: Number(match[1]), column: match[2] ? Number(match[2]) : 1 };
}

/** Go to Line: `line` or `line:column`, revealed in the centre of the editor. */
export function gotoLine(): void {
  const active = activeCodeEditor();
  if (!active) return;
  const { editor, model } = active;
  const current = editor.getPosition();
  const lineCount = model.getLineCount();
  showEditorPicker({
    placeholder: `Go to line (1-${String(lineCount)}), optionally :column`,
    emptyText: `Type a line number between 1 and ${String(lineCount)}${current ? ` (now at ${String(current.lineNumber)}:${String(current.column)})` : ''}`,
    items: (query) => {
      const target = parseLineQuery(query);
      if (!target) return [];
      const line = Math.min(Math.max(target.line, 1), lineCount);
      return [{ id: `${String(line)}:${String(target.column)}`, label: `Go to line ${String(line)}, column ${String(target.column)}` }];
    },
    onPick(item) {
      const target = parseLineQuery(item.id);
      if (target) revealPosition(editor, target);
    },
  });
}

const declaration =
  /^\s*(?:(?:pub(?:\([^)]*\))?|export|default|async|unsafe|static|abstract|public|private|protected|declare)\s+)*(fn|struct|enum|impl|trait|mod|function\*?|class|interface|type|const|let|def)\s+([A-Za-z_$][\w$]*(?:<[^>{]*>)?(?:\s+for\s+[A-Za-z_$][\w$:<>]*)?)/;

/** The declarations of a text found by a line-by-line scan (Monaco exposes no outline for every language). */
export function scanSymbols(text: string): { name: string; kind: string; line: number; column: number }[] {
  const symbols: { name: string; kind: string; line: number; column: number }[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const match = declaration.exec(line);
    if (!match?.[1] || !match[2]) continue;
    symbols.push({ name: match[2], kind: match[1].replace('*', ''), line: index + 1, column: line.indexOf(match[2]) + 1 });
  }
  return symbols;
}

/**
 * Go to Symbol in Editor: Monaco's outline where a symbol provider knows the language (TypeScript,
 * JSON, CSS, HTML, and language servers), else the declarations a line scan finds.
 */
export function gotoSymbol(): void {
  const active = activeCodeEditor();
  if (!active) return;
  const { editor, model } = active;
  const outline = editor.getAction('editor.action.quickOutline');
  if (outline?.isSupported()) {
    void outline.run();
    return;
  }
  const symbols = scanSymbols(model.getValue());
  const items: PickerItem[] = symbols.map((symbol) => ({
    id: `${String(symbol.line)}:${String(symbol.column)}`,
    label: symbol.name,
    description: `${symbol.kind} · line ${String(symbol.line)}`,
  }));
  showEditorPicker({
    placeholder: 'Go to symbol in editor',
    emptyText: symbols.length === 0 ? 'No symbols found in this file' : 'No matching symbols',
    items,
    onPick(item) {
      const target = parseLineQuery(item.id);
      if (target) revealPosition(editor, target);
    },
  });
}
