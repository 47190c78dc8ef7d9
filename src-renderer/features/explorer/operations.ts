import { useAppStore } from '../../app/store';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { followRename, openFile, useEditorStore } from '../editor';
import { notify } from '../notifications';
import { useExplorerStore } from './store';

export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function join(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

function isFolder(path: string): boolean {
  if (path === '') return true;
  const entry = useExplorerStore
    .getState()
    .children[parentOf(path)]?.find((candidate) => candidate.path === path);
  return entry?.kind === 'directory';
}

/** The item explorer commands act on: the selected row, else the active editor's file. */
export function targetPath(): string | null {
  return useExplorerStore.getState().selected ?? useEditorStore.getState().activePath;
}

/** Where a new file goes when `path` is the target: into it when it is a folder, else beside it. */
function folderFor(path: string | null): string {
  if (path === null) return '';
  return isFolder(path) ? path : parentOf(path);
}

async function ensureListed(folder: string): Promise<void> {
  const store = useExplorerStore.getState();
  if (folder !== '') {
    for (const ancestor of [...ancestorsOf(folder), folder]) store.setExpanded(ancestor, true);
  }
  if (!useExplorerStore.getState().children[folder]) await store.load(folder);
}

function ancestorsOf(path: string): string[] {
  const segments = path.split('/');
  return segments.slice(1).map((_, index) => segments.slice(0, index + 1).join('/'));
}

/** Starts typing the name of a new file or folder in the tree, inside or beside `path`. */
export async function startCreate(kind: 'newFile' | 'newFolder', path: string | null = targetPath()): Promise<void> {
  const parent = folderFor(path);
  await ensureListed(parent);
  useExplorerStore.getState().setEdit({ kind, parent });
}

export function startRename(path: string | null = targetPath()): void {
  if (!path) return;
  useExplorerStore.getState().select(path);
  useExplorerStore.getState().setEdit({ kind: 'rename', path });
}

/** Why `name` cannot be used in `folder` (null when it can). `current` is the entry being renamed. */
export function validateName(folder: string, name: string, current?: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'A file or folder name must be provided.';
  if (/[/\\]/.test(trimmed)) return 'A file or folder name cannot contain / or \\.';
  if (trimmed === '.' || trimmed === '..') return `${trimmed} is not a valid name.`;
  const siblings = useExplorerStore.getState().children[folder] ?? [];
  const clash = siblings.find((entry) => entry.name === trimmed && entry.path !== current);
  // A case-only rename of the entry itself is allowed.
  if (clash) return `A file or folder ${trimmed} already exists at this location. Please choose a different name.`;
  return null;
}

/**
 * Commits the inline edit with `name`. Returns the message to show under the input and keep it open,
 * or null once done.
 */
export async function commitEdit(name: string): Promise<string | null> {
  const store = useExplorerStore.getState();
  const { edit } = store;
  if (!edit) return null;
  const trimmed = name.trim();
  if (edit.kind === 'rename') {
    if (trimmed === baseName(edit.path)) {
      store.setEdit(null);
      return null;
    }
    const folder = parentOf(edit.path);
    const problem = validateName(folder, trimmed, edit.path);
    if (problem) return problem;
    const error = await move(edit.path, join(folder, trimmed));
    if (error) return error;
    useExplorerStore.getState().setEdit(null);
    return null;
  }
  const problem = validateName(edit.parent, trimmed);
  if (problem) return problem;
  const path = join(edit.parent, trimmed);
  try {
    if (edit.kind === 'newFile') await host().workspace.createFile({ path });
    else await host().workspace.createFolder({ path });
  } catch (error) {
    return errorMessage(error);
  }
  useExplorerStore.getState().setEdit(null);
  await useExplorerStore.getState().load(edit.parent);
  useExplorerStore.getState().select(path);
  if (edit.kind === 'newFile') await openFile(path);
  else useExplorerStore.getState().requestFocus();
  return null;
}

/** Renames or moves `from` to `to`; open editors follow. Returns the error message, if any. */
async function move(from: string, to: string): Promise<string | null> {
  // Editors are re-pointed first, so the watcher's delete of the old path does not mark them deleted.
  const undo = followRename(from, to);
  try {
    await host().workspace.rename({ from, to, overwrite: false });
  } catch (error) {
    undo();
    return errorMessage(error);
  }
  const store = useExplorerStore.getState();
  // Expanded folders under the old path stay expanded under the new one.
  const expanded = Object.fromEntries(
    Object.entries(store.expanded).map(([folder, open]) =>
      folder === from || folder.startsWith(`${from}/`) ? [to + folder.slice(from.length), open] : [folder, open],
    ),
  );
  useExplorerStore.setState({ expanded, selected: to });
  await Promise.all([...new Set([parentOf(from), parentOf(to)])].map((folder) => useExplorerStore.getState().load(folder)));
  return null;
}

/** Whether dropping `from` onto `folder` is a move (not onto itself, its own child, or where it already is). */
export function canDrop(from: string, folder: string): boolean {
  if (from === folder || folder.startsWith(`${from}/`)) return false;
  return parentOf(from) !== folder;
}

export async function moveInto(from: string, folder: string): Promise<void> {
  if (!canDrop(from, folder)) return;
  const problem = validateName(folder, baseName(from));
  if (problem) {
    notify({ severity: 'error', message: problem });
    return;
  }
  const error = await move(from, join(folder, baseName(from)));
  if (error) notify({ severity: 'error', message: `Could not move ${from}: ${error}` });
}

/**
 * Deletes like VS Code: to the trash without asking where there is one (Electron); in browser mode,
 * where deleting is permanent, only after the user confirms.
 */
export async function deleteEntry(path: string | null = targetPath()): Promise<void> {
  if (!path) return;
  const useTrash = useAppStore.getState().info?.shell === 'electron';
  if (!useTrash) {
    const what = isFolder(path) ? `the folder '${baseName(path)}' and its contents` : `'${baseName(path)}'`;
    if (!window.confirm(`Are you sure you want to permanently delete ${what}?\n\nThis action cannot be undone.`)) return;
  }
  try {
    await host().workspace.delete({ path, useTrash });
  } catch (error) {
    notify({ severity: 'error', message: `Could not delete ${path}: ${errorMessage(error)}` });
    return;
  }
  const store = useExplorerStore.getState();
  if (store.selected === path) store.select(null);
  await store.load(parentOf(path));
}

function absolutePath(path: string): string | null {
  const root = useAppStore.getState().info?.workspace?.root;
  if (!root) return null;
  const separator = root.includes('\\') && !root.includes('/') ? '\\' : '/';
  if (path === '') return root;
  const trimmedRoot = root.endsWith(separator) ? root.slice(0, -1) : root;
  return `${trimmedRoot}${separator}${path.split('/').join(separator)}`;
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch (error) {
    notify({ severity: 'error', message: `Could not copy to the clipboard: ${errorMessage(error)}` });
  }
}

export async function copyPath(path: string | null = targetPath()): Promise<void> {
  const absolute = absolutePath(path ?? '');
  if (absolute !== null) await copyText(absolute);
}

export async function copyRelativePath(path: string | null = targetPath()): Promise<void> {
  if (path !== null) await copyText(path);
}
