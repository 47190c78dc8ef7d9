import { toLatheErrorData, type FileEncoding } from '../../../src-shared/contract';
import { useAppStore } from '../../app/store';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { notify } from '../notifications';
import { languageForPath } from './language';
import { followFileChanges } from './file-changes';
import { discardBackup, moveBackup, scheduleBackup } from './hot-exit';
import {
  applyModelOptions,
  createModel,
  disposeModel,
  encodingOf,
  getModel,
  isClean,
  markSaved,
  markSaving,
  modelDetails,
  movePath,
  openModelPaths,
  reloadFromDisk,
} from './models';
import { fireModelEvent, runSaveParticipants } from './model-lifecycle';
import { loadMonaco } from './monaco-loader';
import { rememberDiffInput, type DiffEditorInput } from './diff-inputs';
import { requestReveal } from './editor-instances';
import { activeGroup, fileState, tabKey, useEditorStore, type TabIdentity } from './store';

const pendingOpens = new Map<string, Promise<boolean>>();

interface OpenOptions {
  /** Open a tab even when the file is gone, as an empty buffer whose save creates it again. */
  allowMissing?: boolean;
}

/** Over either limit a file opens without highlighting, folding, minimap or wrapping. */
const largeFileBytes = 20 * 1024 * 1024;
const largeFileLines = 300_000;

const autoSaveTimers = new Map<string, ReturnType<typeof setTimeout>>();

function onBufferChange(path: string, dirty: boolean): void {
  useEditorStore.getState().setDirty(path, dirty);
  scheduleBackup(path);
  scheduleAutoSave(path, dirty);
}

function onDetailsChange(path: string): void {
  const details = modelDetails(path);
  if (details) useEditorStore.getState().setDetails(path, details);
}

/** Refreshes what the status bar shows about every open file (after settings change their indentation). */
export function refreshTabDetails(): void {
  for (const path of openModelPaths()) onDetailsChange(path);
}

function scheduleAutoSave(path: string, dirty: boolean): void {
  const pending = autoSaveTimers.get(path);
  if (pending !== undefined) clearTimeout(pending);
  autoSaveTimers.delete(path);
  const settings = useAppStore.getState().settings.values;
  if (!dirty || settings['files.autoSave'] !== 'afterDelay') return;
  autoSaveTimers.set(
    path,
    setTimeout(() => {
      autoSaveTimers.delete(path);
      if (useAppStore.getState().settings.values['files.autoSave'] === 'afterDelay') void autoSave(path);
    }, settings['files.autoSaveDelay']),
  );
}

/** Auto save leaves files in conflict with the disk to the user, like VS Code. */
async function autoSave(path: string): Promise<void> {
  const file = fileState(path);
  if (!file?.dirty || file.conflict) return;
  await saveEditor(path);
}

/** With `files.autoSave: onFocusChange`, saves the dirty file the editor just left. */
export function autoSaveOnFocusChange(path: string | null): void {
  if (!path || useAppStore.getState().settings.values['files.autoSave'] !== 'onFocusChange') return;
  void autoSave(path);
}

function countLines(text: string, limit: number): number {
  let lines = 1;
  for (let index = text.indexOf('\n'); index >= 0 && lines <= limit; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}

export interface ShowOptions {
  /** Open in a preview tab, which the next file opened in preview replaces (unless edited or kept). */
  preview?: boolean;
  /** The group to show it in; the active group by default. */
  groupId?: number;
}

/** Opens a workspace file in a tab (or brings its tab forward), reading it through the host. */
export async function openFile(path: string, options: ShowOptions = {}): Promise<void> {
  if (!(await loadFile(path))) return;
  showTabWithOptions({ path, view: 'text' }, options);
}

/** Opens two versions of a file side by side in a diff tab (the right one editable when it is the buffer). */
export async function openDiffEditor(input: DiffEditorInput, options: ShowOptions = {}): Promise<void> {
  if (input.modified === 'buffer' && !(await loadFile(input.path))) return;
  rememberDiffInput(input);
  showTabWithOptions({ path: input.path, view: 'diff', diff: input.id }, options);
}

function showTabWithOptions(tab: TabIdentity, options: ShowOptions): void {
  const preview = options.preview === true && useAppStore.getState().settings.values['workbench.editor.enablePreview'];
  const store = useEditorStore.getState();
  const group = store.groups.find((candidate) => candidate.id === (options.groupId ?? store.activeGroupId));
  const replaced = preview ? group?.tabs.find((candidate) => candidate.preview && candidate.path !== tab.path) : undefined;
  store.showTab({ ...tab, preview }, options.groupId);
  // The preview tab the new one replaced may have held the last view of its file.
  if (replaced && !useEditorStore.getState().shownPaths().has(replaced.path)) releaseFile(replaced.path);
}

/** Opens a file with the cursor on a line (and column), scrolled into view. */
export async function openFileAt(path: string, line: number, column = 1, options: ShowOptions = {}): Promise<void> {
  await openFile(path, options);
  if (useEditorStore.getState().activePath === path) requestReveal(path, { line, column });
}

/** Like `openFile`, without the preview choice; resolves to whether the tab is open. */
export async function openFileTab(path: string, options: OpenOptions = {}): Promise<boolean> {
  if (!(await loadFile(path, options))) return false;
  useEditorStore.getState().showTab({ path, view: 'text' });
  return true;
}

/** Reads a file into a buffer unless it is open already; resolves to whether the buffer exists. */
export function loadFile(path: string, options: OpenOptions = {}): Promise<boolean> {
  if (getModel(path)) return Promise.resolve(true);
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
      const content = file?.content ?? '';
      const largeFile = content.length > largeFileBytes || countLines(content, largeFileLines) > largeFileLines;
      const language = largeFile ? { id: 'plaintext', name: 'Plain Text' } : languageForPath(monaco, path);
      createModel(monaco, path, content, language.id, file?.encoding ?? 'utf8', onBufferChange, onDetailsChange);
      applyModelOptions(useAppStore.getState().settings.values);
      useEditorStore.getState().addFile({
        path,
        name: path.split('/').pop() ?? path,
        languageName: language.name,
        dirty: false,
        ...modelDetails(path),
        ...(largeFile ? { largeFile: true } : {}),
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
  if (path) await saveEditor(path);
}

/** Saves every dirty buffer. */
export async function saveAllEditors(): Promise<void> {
  const dirty = useEditorStore.getState().files.filter((file) => file.dirty);
  await Promise.all(dirty.map((file) => saveEditor(file.path)));
}

/** Resolves a conflict with the disk by writing the buffer over the file. */
export function keepMine(path: string): Promise<boolean> {
  return saveEditor(path);
}

/** Resolves a conflict with the disk by loading the file's text into the buffer, as one undoable edit. */
export async function takeTheirs(path: string): Promise<void> {
  let content: string;
  try {
    content = (await host().workspace.readFile({ path })).content;
  } catch (error) {
    notify({ severity: 'error', message: `Could not read ${path}: ${errorMessage(error)}` });
    return;
  }
  if (!getModel(path)) return;
  reloadFromDisk(path, content);
  const store = useEditorStore.getState();
  store.setDirty(path, !isClean(path));
  store.setDiskState(path, { conflict: false, deleted: false });
  if (store.comparePath === path) store.setComparePath(null);
  discardBackup(path);
}

/**
 * Applies a replacement to the whole text of an open file as one undoable edit, then saves it.
 * Resolves to false when the file is not open (or the save failed).
 */
export async function replaceInOpenFile(path: string, replace: (text: string) => string): Promise<boolean> {
  const model = getModel(path);
  if (!model) return false;
  const current = model.getValue();
  const next = replace(current);
  if (next !== current) {
    model.pushStackElement();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: next }], () => null);
    model.pushStackElement();
  }
  return saveEditor(path);
}

/** The buffer text of an open file (unsaved edits included); undefined when it is not open. */
export function openFileText(path: string): string | undefined {
  return getModel(path)?.getValue();
}

/** Writes one buffer through the host; resolves to whether the write succeeded. */
export async function saveEditor(path: string): Promise<boolean> {
  const model = getModel(path);
  if (!model) return false;
  await runSaveParticipants(path, model);
  const versionId = model.getAlternativeVersionId();
  const content = model.getValue();
  markSaving(path, content);
  try {
    await host().workspace.writeFile({ path, content, encoding: encodingOf(path) });
  } catch (error) {
    markSaving(path, null);
    notify({ severity: 'error', message: `Could not save ${path}: ${errorMessage(error)}` });
    return false;
  }
  // Edits typed while the write was in flight keep the buffer dirty.
  const stillDirty = markSaved(path, versionId, content);
  useEditorStore.getState().setDirty(path, stillDirty);
  if (stillDirty) scheduleBackup(path);
  else discardBackup(path);
  // Saving writes the user's text over the outside change, and brings a deleted file back.
  useEditorStore.getState().setDiskState(path, { conflict: false, deleted: false });
  if (useEditorStore.getState().comparePath === path) useEditorStore.getState().setComparePath(null);
  fireModelEvent('saved', path, model);
  return true;
}

/**
 * Closes tabs of one group. A file no other tab shows loses its buffer, after a confirm when it has
 * unsaved changes (declining keeps those tabs open). Resolves to whether every tab closed.
 */
export function closeTabs(groupId: number, keys: readonly string[]): boolean {
  const { groups, files } = useEditorStore.getState();
  const group = groups.find((candidate) => candidate.id === groupId);
  if (!group) return true;
  const closing = group.tabs.filter((tab) => keys.includes(tabKey(tab)));
  const elsewhere = new Set(groups.flatMap((other) => other.tabs.filter((tab) => !closing.includes(tab)).map((tab) => tab.path)));
  const orphaned = [...new Set(closing.map((tab) => tab.path))].filter((path) => !elsewhere.has(path));
  const dirty = files.filter((file) => file.dirty && orphaned.includes(file.path));
  const names = dirty.map((file) => file.name).join(', ');
  if (dirty.length > 0 && !window.confirm(`${names} ${dirty.length === 1 ? 'has' : 'have'} unsaved changes. Close and discard them?`)) return false;
  useEditorStore.getState().closeTabs(groupId, keys);
  for (const path of orphaned) releaseFile(path);
  return true;
}

/** Drops the buffer of a file no tab shows any more. */
function releaseFile(path: string): void {
  useEditorStore.getState().removeFile(path);
  const pending = autoSaveTimers.get(path);
  if (pending !== undefined) clearTimeout(pending);
  autoSaveTimers.delete(path);
  disposeModel(path);
  discardBackup(path);
}

/** Closes every tab of a file, in every group. */
export function closeEditor(path: string): void {
  for (const group of useEditorStore.getState().groups) {
    const keys = group.tabs.filter((tab) => tab.path === path).map(tabKey);
    if (keys.length > 0 && !closeTabs(group.id, keys)) return;
  }
}

export function closeActiveEditor(): void {
  const group = activeGroup();
  if (group?.activeKey) closeTabs(group.id, [group.activeKey]);
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
      files: state.files.map((file) => {
        const target = map.get(file.path);
        return target ? { ...file, path: target, name: target.split('/').pop() ?? target, deleted: false } : file;
      }),
      groups: state.groups.map((group) => {
        const tabs = group.tabs.map((tab) => ({ ...tab, path: map.get(tab.path) ?? tab.path }));
        const activeTab = tabs[group.tabs.findIndex((tab) => tabKey(tab) === group.activeKey)];
        return { ...group, tabs, activeKey: activeTab ? tabKey(activeTab) : null };
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
