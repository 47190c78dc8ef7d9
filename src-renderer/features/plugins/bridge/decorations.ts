import type { editor } from 'monaco-editor';
import type { DecorationStyle, WorkbenchFunctions } from '../../../../plugins/api/runtime/protocol';
import { activeCodeEditor, getModel } from '../../editor';
import type { PluginSession } from '../host/plugin-session';
import { decorationKeySchema, decorationStyleSchema, decorationTargetSchema, documentPathSchema, parseArguments, selectionSchema } from './schemas';
import { toTextRange } from './workspace';
import { z } from 'zod';

let nextSessionKey = 0;

/** One CSS rule per decoration type, in a style element of the session (values are checked by the schema). */
function cssRules(className: string, style: DecorationStyle): string {
  const declarations = [
    style.backgroundColor && `background-color: ${style.backgroundColor};`,
    style.color && `color: ${style.color};`,
    style.border && `border: ${style.border};`,
    style.fontStyle && `font-style: ${style.fontStyle};`,
    style.fontWeight && `font-weight: ${style.fontWeight};`,
  ].filter(Boolean);
  const after = style.after?.color ? `.${className}-after { color: ${style.after.color}; }` : '';
  return `.${className} { ${declarations.join(' ')} } ${after}`;
}

/** `TextEditor.setDecorations` and `setSelections`: model decorations, so every editor showing the file shows them. */
export function decorationFunctions(session: PluginSession): Pick<WorkbenchFunctions, 'setDecorations' | 'disposeDecorationType' | 'setSelections'> {
  const prefix = `lathe-plugin-decoration-${nextSessionKey++}`;
  const styles = document.createElement('style');
  document.head.append(styles);
  const rules = new Map<string, string>();
  /** Decoration type → file → Monaco's decoration ids. */
  const applied = new Map<string, Map<string, string[]>>();

  const clear = (typeKey: string): void => {
    for (const [path, ids] of applied.get(typeKey) ?? []) getModel(path)?.deltaDecorations(ids, []);
    applied.delete(typeKey);
  };
  session.track({
    dispose: () => {
      for (const typeKey of [...applied.keys()]) clear(typeKey);
      styles.remove();
    },
  });

  return {
    async setDecorations(key, style, target) {
      const typeKey = parseArguments('TextEditor.setDecorations', decorationKeySchema, key);
      const look = parseArguments('TextEditor.setDecorations', decorationStyleSchema, style);
      const { path, ranges } = parseArguments('TextEditor.setDecorations', decorationTargetSchema, target);
      const className = `${prefix}-${typeKey}`;
      const rule = cssRules(className, look);
      if (rules.get(typeKey) !== rule) {
        rules.set(typeKey, rule);
        styles.textContent = [...rules.values()].join('\n');
      }
      const model = getModel(path);
      if (!model) return;
      const files = applied.get(typeKey) ?? new Map<string, string[]>();
      applied.set(typeKey, files);
      const decorations: editor.IModelDeltaDecoration[] = ranges.map((range) => {
        const { start, end } = toTextRange(range);
        return {
          range: { startLineNumber: start.line, startColumn: start.column, endLineNumber: end.line, endColumn: end.column },
          options: {
            inlineClassName: className,
            isWholeLine: look.isWholeLine === true,
            ...(look.isWholeLine ? { className } : {}),
            ...(look.after ? { after: { content: look.after.contentText, inlineClassName: `${className}-after` } } : {}),
          },
        };
      });
      files.set(path, model.deltaDecorations(files.get(path) ?? [], decorations));
    },
    async disposeDecorationType(key) {
      clear(parseArguments('TextEditorDecorationType.dispose', decorationKeySchema, key));
    },
    async setSelections(path, selections) {
      const file = parseArguments('TextEditor.setSelections', documentPathSchema, path);
      const next = parseArguments('TextEditor.setSelections', z.array(selectionSchema).min(1).max(1000), selections);
      const active = activeCodeEditor();
      if (active?.path !== file) throw new Error(`${file} is not in the active editor`);
      active.editor.setSelections(
        next.map(({ anchor, active: cursor }) => ({
          selectionStartLineNumber: anchor.line + 1,
          selectionStartColumn: anchor.character + 1,
          positionLineNumber: cursor.line + 1,
          positionColumn: cursor.character + 1,
        })),
      );
    },
  };
}
