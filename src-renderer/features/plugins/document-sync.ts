import type { editor } from 'monaco-editor';
import type { Disposable } from '../../../src-shared/contract';
import type { DocumentData, EditorData, RuntimeFunctions } from '../../../plugins/api/runtime/protocol';
import { activeCodeEditor, getModel, loadMonaco, onModelLifecycle, pathOfModel, useEditorStore } from '../editor';

type Broadcast = (send: (runtime: Pick<RuntimeFunctions, 'documentOpened' | 'documentChanged' | 'documentSaved' | 'documentClosed' | 'activeEditorChanged'>) => void) => void;

const isDirty = (path: string): boolean => useEditorStore.getState().files.some((file) => file.path === path && file.dirty);

function documentData(path: string, model: editor.ITextModel): DocumentData {
  return { path, languageId: model.getLanguageId(), version: model.getVersionId(), text: model.getValue(), isDirty: isDirty(path) };
}

/** The active editor's file and selections, 0-based, or null when no text editor is active. */
export function activeEditorData(): EditorData | null {
  const active = activeCodeEditor();
  if (!active) return null;
  const selections = (active.editor.getSelections() ?? []).map((selection) => ({
    anchor: { line: selection.selectionStartLineNumber - 1, character: selection.selectionStartColumn - 1 },
    active: { line: selection.positionLineNumber - 1, character: selection.positionColumn - 1 },
  }));
  return { path: active.path, selections };
}

/** The documents open now, for a plugin that starts. */
export async function openDocuments(): Promise<DocumentData[]> {
  const monaco = await loadMonaco();
  return monaco.editor.getModels().flatMap((model) => {
    const path = pathOfModel(model);
    return path && getModel(path) === model ? [documentData(path, model)] : [];
  });
}

/**
 * Keeps running plugins' documents and active editor in step with the editor: opened, changed
 * (Monaco's changes, in the order Monaco lists them), saved, closed or moved files, and the active
 * editor with its selections.
 */
export function followDocuments(broadcast: Broadcast): Disposable {
  const contentListeners = new Map<editor.ITextModel, { dispose(): void }>();
  const follow = (model: editor.ITextModel): void => {
    if (contentListeners.has(model)) return;
    contentListeners.set(
      model,
      model.onDidChangeContent((event) => {
        const path = pathOfModel(model);
        if (!path) return;
        const changes = event.changes.map((change) => ({ rangeOffset: change.rangeOffset, rangeLength: change.rangeLength, text: change.text }));
        broadcast((runtime) => runtime.documentChanged({ path, version: event.versionId, isDirty: isDirty(path), changes }));
      }),
    );
  };
  const forget = (model: editor.ITextModel): void => {
    contentListeners.get(model)?.dispose();
    contentListeners.delete(model);
  };

  void loadMonaco().then((monaco) => monaco.editor.getModels().forEach(follow));
  const lifecycle = onModelLifecycle({
    opened: (path, model) => {
      follow(model);
      broadcast((runtime) => runtime.documentOpened(documentData(path, model)));
    },
    closed: (path, model) => {
      forget(model);
      broadcast((runtime) => runtime.documentClosed(path));
    },
    moved: (from, to, model) => {
      broadcast((runtime) => runtime.documentClosed(from));
      broadcast((runtime) => runtime.documentOpened(documentData(to, model)));
    },
    saved: (path) => broadcast((runtime) => runtime.documentSaved(path)),
  });

  let lastEditor = JSON.stringify(activeEditorData());
  const editorSubscription = useEditorStore.subscribe((state, previous) => {
    if (state.activePath === previous.activePath && state.cursor === previous.cursor && state.selectedChars === previous.selectedChars) return;
    const data = activeEditorData();
    const text = JSON.stringify(data);
    if (text === lastEditor) return;
    lastEditor = text;
    broadcast((runtime) => runtime.activeEditorChanged(data));
  });

  return {
    dispose() {
      lifecycle.dispose();
      editorSubscription();
      for (const listener of contentListeners.values()) listener.dispose();
      contentListeners.clear();
    },
  };
}
