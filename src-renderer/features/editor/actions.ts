import { toLatheErrorData, type FileEncoding } from '../../../src-shared/contract';
import { useAppStore } from '../../app/store';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { notify } from '../notifications';
import { languageForPath } from './language';
import { followFileChanges } from './file-changes';
import { discardBackup, moveBackup, scheduleBackup } from './hot-exit';
import { applyModelOptions, createModel, disposeModel, encodingOf, getModel, markSaved, markSaving, movePath, openModelPaths } from './models';
import { loadMonaco } from './monaco-loader';
import { useEditorStore } from './store';

const pendingOpens = new Map<string, Promise<boolean>>();

interface OpenOptions {
  /** Open a tab even when the file is gone, as an empty buffer whose save creates it again. */
  allowMissing?: boolean;
}

function onBufferChange(path: string, dirty: boolean): void {
  useEditorStore.getState().setDirty(path, dirty);
  scheduleBackup(path);
}

/** Opens a workspace file in a tab (or activates its tab), reading it through the host. */
export function openFile(path: string): Promise<void> {
  return openFileTab(path).then(() => undefined);
}

/** Like `openFile`; resolves to whether the tab is open. */
export function openFileTab(path: string, options: OpenOptions = {}): Promise<boolean> {
  const store = useEditorStore.getState();
  if (store.tabs.some((tab) => tab.path === path)) {
    store.activate(path);
    return Promise.resolve(true);
  }
  followFileChanges();
  const pending = pendingOpens.get(path);
  if (pending) return pending;
  const opening = (async () => {
    try {
      const monaco = await loadMonaco();
      let file: { content: string; encoding: FileEncoding } | null;
      try {
        file = await host().workspace.readFile({ path });
      } catch (error) {
        if (!options.allowMissing || toLatheErrorData(error).code !== 'NOT_FOUND') throw error;
        file = null;
      }
      const language = languageForPath(monaco, path);
      createModel(monaco, path, file?.content ?? '', language.id, file?.encoding ?? 'utf8', onBufferChange);
      applyModelOptions(useAppStore.getState().settings.values);
      useEditorStore.getState().addTab({
        path,
        name: path.split('/').pop() ?? path,
        languageName: language.name,
        dirty: false,
        ...(file ? {} : { deleted: true }),
      });
      return true;
    } catch (error) {
      notify({ severity: 'error', message: `Could not open ${path}: ${errorMessage(error)}` });
      return false;
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
    await host().workspace.writeFile({ path, content, encoding: encodingOf(path) });
  } catch (error) {
    markSaving(path, null);
    notify({ severity: 'error', message: `Could not save ${path}: ${errorMessage(error)}` });
    return;
  }
  // Edits typed while the write was in flight keep the buffer dirty.
  const stillDirty = markSaved(path, versionId, content);
  useEditorStore.getState().setDirty(path, stillDirty);
  if (stillDirty) scheduleBackup(path);
  else discardBackup(path);
  // Saving writes the user's text over the outside change, and brings a deleted file back.
  useEditorStore.getState().setDiskState(path, { conflict: false, deleted: false });
}

export function closeEditor(path: string): void {
  const tab = useEditorStore.getState().tabs.find((candidate) => candidate.path === path);
  if (!tab) return;
  if (tab.dirty && !window.confirm(`${tab.name} has unsaved changes. Close it and discard them?`)) return;
  useEditorStore.getState().removeTab(path);
  disposeModel(path);
  discardBackup(path);
}

export function closeActiveEditor(): void {
  const path = useEditorStore.getState().activePath;
  if (path) closeEditor(path);
}

/**
 * A file or folder was renamed or moved: its open editors follow it, keeping their text, undo
 * history and dirty state. Returns a function that moves them back (when the rename fails).
 */
export function followRename(from: string, to: string): () => void {
  const moves: [string, string][] = [];
  for (const path of openModelPaths()) {
    if (path === from || path.startsWith(`${from}/`)) {
      const target = to + path.slice(from.length);
      if (movePath(path, target)) moves.push([path, target]);
    }
  }
  if (moves.length === 0) return () => undefined;
  const retarget = (pairs: readonly [string, string][]): void => {
    const map = new Map(pairs);
    useEditorStore.setState((state) => ({
      tabs: state.tabs.map((tab) => {
        const target = map.get(tab.path);
        return target ? { ...tab, path: target, name: target.split('/').pop() ?? target, deleted: false } : tab;
      }),
      activePath: state.activePath !== null ? (map.get(state.activePath) ?? state.activePath) : null,
    }));
    for (const [source, target] of pairs) moveBackup(source, target);
  };
  retarget(moves);
  return () => {
    const back = moves.map(([source, target]) => [target, source] as [string, string]).filter(([source, target]) => movePath(source, target));
    retarget(back);
  };
}
