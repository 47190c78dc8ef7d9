import type { WorkspaceEdit } from '../../../../src-shared/contract';
import { errorMessage } from '../../../platform/errors';
import { host } from '../../../platform/host';
import { activeCodeEditor, showEditorPicker, type Monaco } from '../../editor';
import { notify } from '../../notifications';
import { fromMonacoPosition } from '../monaco-convert';
import { applyWorkspaceEdit } from '../workspace-edit';
import { askNewName } from './rename-input';

const plural = (count: number, word: string): string => `${String(count)} ${word}${count === 1 ? '' : 's'}`;

/** Lists every file a rename touches, with its number of changes; Enter applies, Escape cancels. */
function previewRename(oldName: string, newName: string, edit: WorkspaceEdit): Promise<boolean> {
  const changes = edit.files.reduce((sum, file) => sum + file.edits.length, 0);
  return new Promise((resolve) => {
    showEditorPicker({
      placeholder: `Rename '${oldName}' to '${newName}': ${plural(changes, 'change')} in ${plural(edit.files.length, 'file')}. Enter applies, Escape cancels.`,
      items: edit.files.map((file) => ({ id: file.path, label: file.path, description: plural(file.edits.length, 'change') })),
      onPick: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}

/**
 * Rename Symbol: the server says what can be renamed, the user names it in place, and a rename that
 * reaches into other files is previewed file by file before it is applied (one undo step per file).
 */
export async function renameSymbol(monaco: Monaco): Promise<void> {
  const active = activeCodeEditor();
  const position = active?.editor.getPosition();
  if (!active || !position) return;
  const { editor: instance, path } = active;
  try {
    const target = await host().language.prepareRename({ path, position: fromMonacoPosition(position) });
    if (!target) {
      notify({ severity: 'info', message: 'This element cannot be renamed.' });
      return;
    }
    const newName = await askNewName(monaco, instance, target.range, target.placeholder);
    if (!newName) return;
    const edit = await host().language.rename({ path, position: fromMonacoPosition(position), newName });
    if (edit.files.length === 0) {
      notify({ severity: 'info', message: `No changes: nothing named '${target.placeholder}' was found to rename.` });
      return;
    }
    const reachesOtherFiles = edit.files.some((file) => file.path !== path);
    if (reachesOtherFiles && !(await previewRename(target.placeholder, newName, edit))) return;
    await applyWorkspaceEdit(edit);
  } catch (error) {
    notify({ severity: 'error', message: `Rename failed: ${errorMessage(error)}` });
  }
}
