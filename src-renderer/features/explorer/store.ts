import { create } from 'zustand';
import type { DirectoryEntry, FileChange } from '../../../src-shared/contract';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';

/** An inline edit in the tree: a new file or folder inside `parent`, or the rename of `path`. */
export type ExplorerEdit = { kind: 'newFile' | 'newFolder'; parent: string } | { kind: 'rename'; path: string };

export interface ExplorerMenu {
  x: number;
  y: number;
  /** The row the menu is for; null on empty space (the workspace root). */
  path: string | null;
}

/** Keyed by folder path, `''` being the workspace root. */
interface ExplorerState {
  edit: ExplorerEdit | null;
  menu: ExplorerMenu | null;
  setEdit(edit: ExplorerEdit | null): void;
  setMenu(menu: ExplorerMenu | null): void;
  children: Record<string, DirectoryEntry[]>;
  loading: Record<string, boolean>;
  errors: Record<string, string>;
  expanded: Record<string, boolean>;
  selected: string | null;
  /** Set to ask the tree to take keyboard focus as soon as it is on screen. */
  focusPending: boolean;
  load(path: string): Promise<void>;
  toggle(path: string): void;
  setExpanded(path: string, expanded: boolean): void;
  select(path: string | null): void;
  collapseAll(): void;
  /** Selects a file and expands the folders above it, as VS Code does for the active editor. */
  reveal(path: string): void;
  refresh(): Promise<void>;
  requestFocus(): void;
  focusTaken(): void;
}

export const useExplorerStore = create<ExplorerState>()((set, get) => ({
  children: {},
  loading: {},
  errors: {},
  expanded: {},
  selected: null,
  focusPending: false,
  edit: null,
  menu: null,
  setEdit: (edit) => set({ edit }),
  setMenu: (menu) => set({ menu }),

  async load(path) {
    followFileChanges();
    if (get().loading[path]) {
      // A change arrived while this folder was being listed: list it again once that finishes.
      relistAfterLoad.add(path);
      return;
    }
    set((state) => ({ loading: { ...state.loading, [path]: true } }));
    try {
      const entries = await host().workspace.list({ path });
      set((state) => ({ children: { ...state.children, [path]: entries }, errors: without(state.errors, path) }));
    } catch (error) {
      set((state) => ({ errors: { ...state.errors, [path]: errorMessage(error) } }));
    } finally {
      set((state) => ({ loading: without(state.loading, path) }));
    }
    if (relistAfterLoad.delete(path)) await get().load(path);
  },

  toggle(path) {
    get().setExpanded(path, !get().expanded[path]);
  },

  setExpanded(path, expanded) {
    set((state) => ({ expanded: expanded ? { ...state.expanded, [path]: true } : without(state.expanded, path) }));
    // Folders load on first expansion only: a tree of a large repository stays cheap.
    if (expanded && !get().children[path]) void get().load(path);
  },

  select: (selected) => set({ selected }),

  collapseAll: () => set({ expanded: {} }),

  reveal(path) {
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) get().setExpanded(segments.slice(0, depth).join('/'), true);
    set({ selected: path });
  },

  async refresh() {
    const folders = ['', ...Object.keys(get().expanded)];
    set({ children: {} });
    await Promise.all(folders.map((folder) => get().load(folder)));
  },

  requestFocus: () => set({ focusPending: true }),
  focusTaken: () => set({ focusPending: false }),
}));

const relistAfterLoad = new Set<string>();
let following = false;

/** Re-lists the loaded parent folders of files created or deleted on disk; starts with the first listing. */
function followFileChanges(): void {
  if (following) return;
  following = true;
  host().workspace.onDidChangeFiles(({ changes }) => applyFileChanges(changes));
}

function applyFileChanges(changes: readonly FileChange[]): void {
  const store = useExplorerStore.getState();
  const parents = new Set<string>();
  const gone: string[] = [];
  for (const { path, kind } of changes) {
    // A changed file keeps its row; only creations and deletions alter a listing.
    if (kind === 'changed') continue;
    const slash = path.lastIndexOf('/');
    const parent = slash < 0 ? '' : path.slice(0, slash);
    if (store.children[parent] || store.loading[parent]) parents.add(parent);
    if (kind === 'deleted') gone.push(path);
  }
  // A deleted folder's listings are dropped, so a folder created again under that name is listed afresh.
  if (gone.length > 0) {
    const isGone = (folder: string): boolean => gone.some((path) => folder === path || folder.startsWith(`${path}/`));
    useExplorerStore.setState((state) => ({
      children: Object.fromEntries(Object.entries(state.children).filter(([folder]) => !isGone(folder))),
      expanded: Object.fromEntries(Object.entries(state.expanded).filter(([folder]) => !isGone(folder))),
    }));
  }
  for (const parent of parents) {
    if (parent === '' || !isGoneParent(parent, gone)) void store.load(parent);
  }
}

function isGoneParent(folder: string, gone: readonly string[]): boolean {
  return gone.some((path) => folder === path || folder.startsWith(`${path}/`));
}

function without<V>(record: Record<string, V>, key: string): Record<string, V> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}
