import { toLatheErrorData } from '../../../src-shared/contract';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { activeCodeEditor, loadMonaco, openFile } from '../editor';
import { notify } from '../notifications';
import { askText } from './ask-text';
import { extensionForLanguage } from './code-language';

export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (error) {
    notify({ severity: 'error', message: `Could not copy to the clipboard: ${errorMessage(error)}` });
    return false;
  }
}

/** Replaces the active editor's selection (or inserts at its cursor) with the code, as one undo step. */
export function insertAtCursor(code: string): void {
  const active = activeCodeEditor();
  const selection = active?.editor.getSelection();
  if (!active || !selection) {
    notify({ severity: 'info', message: 'Open a file in the editor to insert code at its cursor.' });
    return;
  }
  const { editor } = active;
  editor.pushUndoStop();
  editor.executeEdits('ai-chat', [{ range: selection, text: code, forceMoveMarkers: true }]);
  editor.pushUndoStop();
  editor.focus();
}

/** The first `untitled-N.ext` that does not exist yet at the workspace root. */
async function freeName(extension: string): Promise<string> {
  for (let index = 1; index < 100; index += 1) {
    const name = `untitled-${String(index)}.${extension}`;
    const exists = await host()
      .workspace.stat({ path: name })
      .then(
        () => true,
        (error: unknown) => toLatheErrorData(error).code !== 'NOT_FOUND',
      );
    if (!exists) return name;
  }
  return `untitled-${String(Date.now())}.${extension}`;
}

/** Writes the code to a new file the user names (an unused `untitled-N` name is offered) and opens it. */
export async function openInNewFile(code: string, languageId: string | undefined): Promise<void> {
  const monaco = await loadMonaco();
  const path = await askText({
    placeholder: 'Name of the new file, relative to the workspace folder',
    value: await freeName(extensionForLanguage(languageId, monaco.languages.getLanguages())),
    describe: (name) => `Create ${name}`,
  });
  if (!path) return;
  try {
    await host().workspace.createFile({ path });
    await host().workspace.writeFile({ path, content: code.endsWith('\n') ? code : `${code}\n` });
    await openFile(path);
  } catch (error) {
    notify({ severity: 'error', message: `Could not create ${path}: ${errorMessage(error)}` });
  }
}
