import type { editor } from 'monaco-editor';
import type { Monaco } from '../../editor';
import type { TextRange } from '../../../../src-shared/contract';
import './rename.css';

/**
 * Asks for the new name in a small box over the symbol, as VS Code's rename does: Enter accepts,
 * Escape or leaving the box cancels. Resolves to the name, or undefined.
 */
export function askNewName(monaco: Monaco, instance: editor.ICodeEditor, range: TextRange, placeholder: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const node = document.createElement('div');
    node.className = 'rename-box';
    node.dataset.testid = 'rename-box';
    const input = document.createElement('input');
    input.className = 'rename-input';
    input.value = placeholder;
    input.setAttribute('aria-label', `Rename ${placeholder}`);
    input.spellcheck = false;
    const hint = document.createElement('div');
    hint.className = 'rename-hint';
    hint.textContent = 'Enter to Rename, Escape to Cancel';
    node.append(input, hint);
    const widget: editor.IContentWidget = {
      getId: () => 'lathe.renameBox',
      getDomNode: () => node,
      getPosition: () => ({
        position: { lineNumber: range.start.line, column: range.start.column },
        preference: [monaco.editor.ContentWidgetPositionPreference.BELOW, monaco.editor.ContentWidgetPositionPreference.ABOVE],
      }),
    };
    let settled = false;
    const finish = (name: string | undefined): void => {
      if (settled) return;
      settled = true;
      instance.removeContentWidget(widget);
      instance.focus();
      resolve(name);
    };
    input.addEventListener('keydown', (event) => {
      // Keys typed here are the box's own, not the editor's or the workbench's.
      event.stopPropagation();
      if (event.key === 'Enter') {
        event.preventDefault();
        const name = input.value.trim();
        finish(name && name !== placeholder ? name : undefined);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        finish(undefined);
      }
    });
    input.addEventListener('blur', () => finish(undefined));
    instance.addContentWidget(widget);
    input.focus();
    input.select();
  });
}
