import type { editor } from 'monaco-editor';
import { getModel } from './models';
import { useEditorStore } from './store';

export interface RevealTarget {
  line: number;
  column: number;
}

/** The Monaco editor of each group, registered while the group is on screen. */
const editors = new Map<number, editor.ICodeEditor>();
/** A position to show once a group's editor has the file on screen. */
const pendingReveals = new Map<number, { path: string; target: RevealTarget }>();

export function registerGroupEditor(groupId: number, instance: editor.ICodeEditor): () => void {
  editors.set(groupId, instance);
  return () => {
    if (editors.get(groupId) === instance) editors.delete(groupId);
    pendingReveals.delete(groupId);
  };
}

/** The editor of the active group, with the file it shows. */
export function activeCodeEditor(): { editor: editor.ICodeEditor; model: editor.ITextModel; path: string } | undefined {
  const { activeGroupId, activePath } = useEditorStore.getState();
  const instance = editors.get(activeGroupId);
  const model = activePath ? getModel(activePath) : undefined;
  if (!instance || !model || !activePath || instance.getModel() !== model) return undefined;
  return { editor: instance, model, path: activePath };
}

export function revealPosition(instance: editor.ICodeEditor, target: RevealTarget): void {
  const model = instance.getModel();
  if (!model) return;
  const position = model.validatePosition({ lineNumber: target.line, column: target.column });
  instance.setPosition(position);
  instance.revealPositionInCenterIfOutsideViewport(position);
  instance.focus();
}

/** Moves the active group's cursor to `target` in `path`, now or as soon as the group shows it. */
export function requestReveal(path: string, target: RevealTarget): void {
  const active = activeCodeEditor();
  if (active?.path === path) {
    revealPosition(active.editor, target);
    return;
  }
  pendingReveals.set(useEditorStore.getState().activeGroupId, { path, target });
}

/** Called by a group's editor after it shows `path`: the reveal waiting for it, if any. */
export function takePendingReveal(groupId: number, path: string): RevealTarget | undefined {
  const pending = pendingReveals.get(groupId);
  if (pending?.path !== path) return undefined;
  pendingReveals.delete(groupId);
  return pending.target;
}
