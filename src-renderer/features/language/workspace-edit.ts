import type { editor } from 'monaco-editor';
import type { TextEdit, WorkspaceEdit } from '../../../src-shared/contract';
import { getModel, loadFile, saveEditor } from '../editor';
import { toMonacoEdits } from './monaco-convert';

/** Edits one buffer as a single undo step. */
export function editModel(model: editor.ITextModel, edits: readonly TextEdit[]): void {
  if (edits.length === 0) return;
  model.pushStackElement();
  model.pushEditOperations([], toMonacoEdits(edits), () => null);
  model.pushStackElement();
}

/**
 * Applies a workspace edit (a rename, a code action, a quick fix) through the editor's buffers: one
 * undo step per file. Files that were not open are loaded, edited and saved, as VS Code saves the
 * files a refactoring touched; open files are left dirty for the user to review and save.
 * Resolves to the number of files changed.
 */
export async function applyWorkspaceEdit(edit: WorkspaceEdit): Promise<number> {
  const toSave = new Set<string>();
  const changed = new Set<string>();
  for (const file of edit.files) {
    if (file.edits.length === 0) continue;
    const wasOpen = getModel(file.path) !== undefined;
    if (!wasOpen && !(await loadFile(file.path))) continue;
    const model = getModel(file.path);
    if (!model) continue;
    editModel(model, file.edits);
    changed.add(file.path);
    if (!wasOpen) toSave.add(file.path);
  }
  await Promise.all([...toSave].map((path) => saveEditor(path)));
  return changed.size;
}
