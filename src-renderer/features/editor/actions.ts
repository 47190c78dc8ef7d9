import { useAppStore } from '../../app/store';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { notify } from '../notifications';
import { languageForPath } from './language';
import { followFileChanges } from './file-changes';
import { applyModelOptions, createModel, disposeModel, getModel, markSaved, markSaving } from './models';
import { loadMonaco } from './monaco-loader';
import { useEditorStore } from './store';

const pendingOpens = new Map<string, Promise<void>>();

/** Opens a workspace file in a tab (or activates its tab), reading it through the host. */
export function openFile(path: string): Promise<void> {
  const store = useEditorStore.getState();
  if (store.tabs.some((tab) => tab.path === path)) {
    store.activate(path);
    return Promise.resolve();
  }
  followFileChanges();
  const pending = pendingOpens.get(path);
  if (pending) return pending;
  const opening = (async () => {
    try {
      const [monaco, file] = await Promise.all([loadMonaco(), host().workspace.readFile({ path })]);
      const language = languageForPath(monaco, path);
      createModel(monaco, path, file.content, language.id, (dirty) => useEditorStore.getState().setDirty(path, dirty));
      applyModelOptions(useAppStore.getState().settings.values);
      useEditorStore.getState().addTab({ path, name: path.split('/').pop() ?? path, languageName: language.name, dirty: false });
    } catch (error) {
      notify({ severity: 'error', message: `Could not open ${path}: ${errorMessage(error)}` });
    } finally {
      pendingOpens.delete(path);
    }
  })();
  pendingOpens.set(path, opening);
  return opening;
}

/** Writes the active buffer through the host; on failure the tab stays dirty and the reason is shown. */
export async function saveActiveEditor(): Promise<void> {
  const path = useEditorStore.getState().activePath;
  const model = path ? getModel(path) : undefined;
  if (!path || !model) return;
  const versionId = model.getAlternativeVersionId();
  const content = model.getValue();
  markSaving(path, content);
  try {
    await host().workspace.writeFile({ path, content });
  } catch (error) {
    markSaving(path, null);
    notify({ severity: 'error', message: `Could not save ${path}: ${errorMessage(error)}` });
    return;
  }
  // Edits typed while the write was in flight keep the buffer dirty.
  useEditorStore.getState().setDirty(path, markSaved(path, versionId, content));
  // Saving writes the user's text over the outside change, and brings a deleted file back.
  useEditorStore.getState().setDiskState(path, { conflict: false, deleted: false });
}

export function closeEditor(path: string): void {
  const tab = useEditorStore.getState().tabs.find((candidate) => candidate.path === path);
  if (!tab) return;
  if (tab.dirty && !window.confirm(`${tab.name} has unsaved changes. Close it and discard them?`)) return;
  useEditorStore.getState().removeTab(path);
  disposeModel(path);
}

export function closeActiveEditor(): void {
  const path = useEditorStore.getState().activePath;
  if (path) closeEditor(path);
}
