import { create } from 'zustand';
import type { DirectoryEntry } from '../../../src-shared/contract';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';

/** Keyed by folder path, `''` being the workspace root. */
interface ExplorerState {
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

  async load(path) {
    if (get().loading[path]) return;
    set((state) => ({ loading: { ...state.loading, [path]: true } }));
    try {
      const entries = await host().workspace.list({ path });
      set((state) => ({ children: { ...state.children, [path]: entries }, errors: without(state.errors, path) }));
    } catch (error) {
      set((state) => ({ errors: { ...state.errors, [path]: errorMessage(error) } }));
    } finally {
      set((state) => ({ loading: without(state.loading, path) }));
    }
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

function without<V>(record: Record<string, V>, key: string): Record<string, V> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}
