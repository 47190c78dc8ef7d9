import { report, type RuntimeContext } from './context';
import type { Documents } from './documents';
import { Disposable, EventEmitter } from './events';
import type { DecorationStyle, EditorData, Range, SelectionData } from './protocol';
import type { TextDocument } from './text-document';

interface DecorationType {
  readonly key: string;
  dispose(): void;
}

const styleOf = new WeakMap<object, DecorationStyle>();

function decorationStyle(options: DecorationStyle): DecorationStyle {
  const text = (value: unknown): string | undefined => (value === undefined ? undefined : String(value));
  const style: DecorationStyle = {};
  for (const key of ['backgroundColor', 'color', 'border'] as const) {
    const value = text(options[key]);
    if (value !== undefined) style[key] = value;
  }
  if (options.fontStyle === 'italic' || options.fontStyle === 'normal') style.fontStyle = options.fontStyle;
  if (options.fontWeight === 'bold' || options.fontWeight === 'normal') style.fontWeight = options.fontWeight;
  if (options.isWholeLine === true) style.isWholeLine = true;
  if (options.after) {
    const color = text(options.after.color);
    style.after = { contentText: String(options.after.contentText), ...(color === undefined ? {} : { color }) };
  }
  return style;
}

const copyRange = (range: Range): Range => ({ start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } });

/** `lathe.editor`: the active editor as the workbench last described it. */
export function createEditor(context: RuntimeContext, documents: Documents, initial: EditorData | null) {
  let active = initial;
  let nextDecorationType = 0;
  const activeChanged = new EventEmitter<ReturnType<typeof textEditor> | undefined>();
  const selectionChanged = new EventEmitter<{ textEditor: ReturnType<typeof textEditor>; selections: readonly SelectionData[] }>();

  function textEditor(document: TextDocument, data: EditorData) {
    const selections = Object.freeze(data.selections.map((selection) => Object.freeze({ anchor: Object.freeze({ ...selection.anchor }), active: Object.freeze({ ...selection.active }) })));
    return Object.freeze({
      document,
      selection: selections[0] ?? Object.freeze({ anchor: Object.freeze({ line: 0, character: 0 }), active: Object.freeze({ line: 0, character: 0 }) }),
      selections,
      setSelections: (next: readonly SelectionData[]): Promise<void> =>
        context.workbench.setSelections(document.path, next.map((selection) => ({ anchor: { ...selection.anchor }, active: { ...selection.active } }))),
      setDecorations(type: DecorationType, ranges: readonly Range[]): void {
        const style = styleOf.get(type);
        if (!style) throw new Error('Not a decoration type of createTextEditorDecorationType');
        report(context.workbench.setDecorations(type.key, style, { path: document.path, ranges: ranges.map(copyRange) }));
      },
    });
  }

  const current = () => {
    const document = active ? documents.get(active.path) : undefined;
    return active && document ? textEditor(document, active) : undefined;
  };

  const api = {
    get activeTextEditor() {
      return current();
    },
    onDidChangeActiveTextEditor: activeChanged.event,
    onDidChangeTextEditorSelection: selectionChanged.event,
    createTextEditorDecorationType(options: DecorationStyle): DecorationType {
      const key = `${nextDecorationType++}`;
      const disposable = new Disposable(() => report(context.workbench.disposeDecorationType(key)));
      const type = Object.freeze({ key, dispose: () => disposable.dispose() });
      styleOf.set(type, decorationStyle(options));
      return type;
    },
  };

  return {
    api,
    /** The workbench's `activeEditorChanged`: another file, or new selections in the same one. */
    update(next: EditorData | null): void {
      const samePath = next?.path === active?.path;
      active = next;
      const editor = current();
      if (samePath && editor) selectionChanged.fire(Object.freeze({ textEditor: editor, selections: editor.selections }));
      else activeChanged.fire(editor);
    },
  };
}
