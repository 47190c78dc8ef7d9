import { create } from 'zustand';

export interface EditorTab {
  /** Workspace-relative path with `/` separators; also the tab's identity. */
  path: string;
  name: string;
  languageName: string;
  dirty: boolean;
  /** The file changed on disk while the buffer had unsaved edits; the user's text is kept. */
  conflict?: boolean;
  /** The file was deleted on disk; the buffer stays open. */
  deleted?: boolean;
}

export interface CursorPosition {
  line: number;
  column: number;
}

interface EditorState {
  tabs: EditorTab[];
  activePath: string | null;
  cursor: CursorPosition | null;
  addTab(tab: EditorTab): void;
  activate(path: string): void;
  removeTab(path: string): void;
  setDirty(path: string, dirty: boolean): void;
  setCursor(cursor: CursorPosition | null): void;
  setDiskState(path: string, state: { conflict?: boolean; deleted?: boolean }): void;
}

export const useEditorStore = create<EditorState>()((set) => ({
  tabs: [],
  activePath: null,
  cursor: null,
  addTab: (tab) =>
    set((state) => ({
      tabs: state.tabs.some((existing) => existing.path === tab.path) ? state.tabs : [...state.tabs, tab],
      activePath: tab.path,
    })),
  activate: (activePath) => set({ activePath }),
  removeTab: (path) =>
    set((state) => {
      const index = state.tabs.findIndex((tab) => tab.path === path);
      if (index < 0) return state;
      const tabs = state.tabs.filter((tab) => tab.path !== path);
      // Like VS Code: closing the active tab activates its right neighbour, else the left one.
      const activePath = state.activePath === path ? (tabs[index] ?? tabs[index - 1])?.path ?? null : state.activePath;
      return { tabs, activePath, cursor: activePath ? state.cursor : null };
    }),
  setDirty: (path, dirty) =>
    set((state) => ({ tabs: state.tabs.map((tab) => (tab.path === path && tab.dirty !== dirty ? { ...tab, dirty } : tab)) })),
  setCursor: (cursor) => set({ cursor }),
  setDiskState: (path, diskState) =>
    set((state) => ({ tabs: state.tabs.map((tab) => (tab.path === path ? { ...tab, ...diskState } : tab)) })),
}));
