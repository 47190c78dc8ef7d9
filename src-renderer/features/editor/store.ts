import { create } from 'zustand';
import type { FileEncoding } from '../../../src-shared/contract';

/** An open file: one buffer, shown by any number of tabs in any groups. */
export interface OpenFile {
  /** Workspace-relative path with `/` separators; also the file's identity. */
  path: string;
  name: string;
  languageName: string;
  dirty: boolean;
  /** The file changed on disk while the buffer had unsaved edits; the user's text is kept. */
  conflict?: boolean;
  /** The file was deleted on disk; the buffer stays open. */
  deleted?: boolean;
  /** What the buffer is written back as. */
  encoding?: FileEncoding;
  eol?: 'LF' | 'CRLF';
  indentation?: { insertSpaces: boolean; tabSize: number };
  /** Too big for the full editor: highlighting, folding and the minimap are off. */
  largeFile?: boolean;
}

export type FileDetails = Partial<Pick<OpenFile, 'encoding' | 'eol' | 'indentation' | 'languageName' | 'largeFile'>>;

/** What a tab shows of its file: the text editor, the rendered markdown, or a comparison of two versions. */
export type TabView = 'text' | 'markdown' | 'diff';

export interface GroupTab {
  path: string;
  view: TabView;
  /** A preview tab is replaced by the next file opened in preview; editing or double-clicking keeps it. */
  preview: boolean;
  /** Pinned tabs stay at the front and survive "Close Others". */
  pinned: boolean;
  /** For a diff tab: the id of its input (see `diff-inputs.ts`). */
  diff?: string;
}

export interface EditorGroup {
  id: number;
  tabs: GroupTab[];
  /** The key (see `tabKey`) of the tab in front. */
  activeKey: string | null;
}

export interface CursorPosition {
  line: number;
  column: number;
}

/** What tells tabs apart: the file, the view, and for a diff the comparison. */
export type TabIdentity = Pick<GroupTab, 'path' | 'view' | 'diff'>;

export const tabKey = (tab: TabIdentity): string => {
  if (tab.view === 'text') return tab.path;
  return tab.view === 'diff' ? `diff:${tab.diff ?? ''}` : `${tab.view}:${tab.path}`;
};

interface EditorState {
  files: OpenFile[];
  groups: EditorGroup[];
  activeGroupId: number;
  /** The file of the active group's front tab (kept with every change, for the many readers). */
  activePath: string | null;
  cursor: CursorPosition | null;
  /** How many characters the selections of the active editor span. */
  selectedChars: number;
  /** The file whose disk text is being compared with its buffer in the diff editor. */
  comparePath: string | null;
  addFile(file: OpenFile): void;
  removeFile(path: string): void;
  setDetails(path: string, details: FileDetails): void;
  setDirty(path: string, dirty: boolean): void;
  setDiskState(path: string, state: { conflict?: boolean; deleted?: boolean }): void;
  setCursor(cursor: CursorPosition | null): void;
  setSelectedChars(count: number): void;
  setComparePath(path: string | null): void;
  /** Shows a tab in a group (the active one by default), adding it if needed, and makes the group active. */
  showTab(tab: TabIdentity & { preview?: boolean }, groupId?: number): void;
  /** Removes tabs from a group; an emptied group other than the last one goes away. */
  closeTabs(groupId: number, keys: readonly string[]): void;
  focusGroup(groupId: number): void;
  /** Opens a new group right of `groupId` holding a copy of the given tab. */
  splitRight(groupId: number, key: string): void;
  /** Shows a tab in the group right of the active one, opening that group if there is none. */
  showTabToSide(tab: TabIdentity): void;
  moveTab(key: string, from: number, to: number, index: number): void;
  setPinned(groupId: number, key: string, pinned: boolean): void;
  keepOpen(groupId: number, key: string): void;
  /** Puts back the groups a folder had when it was last closed. */
  restoreGroups(groups: readonly Omit<EditorGroup, 'id'>[], activeIndex: number): void;
  /** Every file path shown by a tab in any group. */
  shownPaths(): Set<string>;
}

let nextGroupId = 1;
const newGroup = (tabs: GroupTab[] = [], activeKey: string | null = null): EditorGroup => ({ id: nextGroupId++, tabs, activeKey });

/** The group with its pinned tabs first, as VS Code keeps them. */
function orderPinned(tabs: GroupTab[]): GroupTab[] {
  return [...tabs.filter((tab) => tab.pinned), ...tabs.filter((tab) => !tab.pinned)];
}

function pathOfKey(group: EditorGroup | undefined): string | null {
  const key = group?.activeKey;
  return group?.tabs.find((tab) => tabKey(tab) === key)?.path ?? null;
}

/** The fields derived from the groups, recomputed after every change to them. */
function withGroups(groups: EditorGroup[], activeGroupId: number): Pick<EditorState, 'groups' | 'activeGroupId' | 'activePath'> {
  const active = groups.find((group) => group.id === activeGroupId) ?? groups[0];
  return { groups, activeGroupId: active?.id ?? activeGroupId, activePath: pathOfKey(active) };
}

function updateGroup(groups: EditorGroup[], id: number, update: (group: EditorGroup) => EditorGroup): EditorGroup[] {
  return groups.map((group) => (group.id === id ? update(group) : group));
}

function insertTab(group: EditorGroup, tab: GroupTab, index = group.tabs.length): EditorGroup {
  const tabs = [...group.tabs];
  tabs.splice(Math.max(0, Math.min(index, tabs.length)), 0, tab);
  return { ...group, tabs: orderPinned(tabs), activeKey: tabKey(tab) };
}

function removeTabs(group: EditorGroup, keys: ReadonlySet<string>): EditorGroup {
  const tabs = group.tabs.filter((tab) => !keys.has(tabKey(tab)));
  if (group.activeKey === null || !keys.has(group.activeKey)) return { ...group, tabs };
  // Like VS Code: closing the front tab brings its right neighbour forward, else the left one.
  const index = group.tabs.findIndex((tab) => tabKey(tab) === group.activeKey);
  const after = group.tabs.slice(index + 1).find((tab) => !keys.has(tabKey(tab)));
  const before = group.tabs
    .slice(0, index)
    .reverse()
    .find((tab) => !keys.has(tabKey(tab)));
  const next = after ?? before;
  return { ...group, tabs, activeKey: next ? tabKey(next) : null };
}

const initialGroup = newGroup();

export const useEditorStore = create<EditorState>()((set, get) => ({
  files: [],
  groups: [initialGroup],
  activeGroupId: initialGroup.id,
  activePath: null,
  cursor: null,
  selectedChars: 0,
  comparePath: null,
  addFile: (file) => set((state) => (state.files.some((existing) => existing.path === file.path) ? state : { files: [...state.files, file] })),
  removeFile: (path) =>
    set((state) => ({
      files: state.files.filter((file) => file.path !== path),
      comparePath: state.comparePath === path ? null : state.comparePath,
    })),
  setDetails: (path, details) => set((state) => ({ files: state.files.map((file) => (file.path === path ? { ...file, ...details } : file)) })),
  setDirty: (path, dirty) =>
    set((state) => {
      const files = state.files.map((file) => (file.path === path && file.dirty !== dirty ? { ...file, dirty } : file));
      // Editing a file in a preview tab keeps the tab.
      const groups = dirty
        ? state.groups.map((group) =>
            group.tabs.some((tab) => tab.preview && tab.path === path)
              ? { ...group, tabs: group.tabs.map((tab) => (tab.path === path ? { ...tab, preview: false } : tab)) }
              : group,
          )
        : state.groups;
      return { files, groups };
    }),
  setDiskState: (path, diskState) => set((state) => ({ files: state.files.map((file) => (file.path === path ? { ...file, ...diskState } : file)) })),
  setCursor: (cursor) => set({ cursor }),
  setSelectedChars: (selectedChars) => set({ selectedChars }),
  setComparePath: (comparePath) => set({ comparePath }),
  showTab: ({ path, view, diff, preview = false }, groupId) =>
    set((state) => {
      const targetId = groupId ?? state.activeGroupId;
      const key = tabKey({ path, view, diff });
      const groups = updateGroup(state.groups, targetId, (group) => {
        const existing = group.tabs.find((tab) => tabKey(tab) === key);
        if (existing) {
          const tabs = !preview && existing.preview ? group.tabs.map((tab) => (tab === existing ? { ...tab, preview: false } : tab)) : group.tabs;
          return { ...group, tabs, activeKey: key };
        }
        const tab: GroupTab = { path, view, preview, pinned: false, ...(diff === undefined ? {} : { diff }) };
        // A new preview replaces the group's current preview tab, in its place.
        const previewIndex = preview ? group.tabs.findIndex((candidate) => candidate.preview) : -1;
        if (previewIndex >= 0) {
          const tabs = [...group.tabs];
          tabs[previewIndex] = tab;
          return { ...group, tabs, activeKey: key };
        }
        const activeIndex = group.tabs.findIndex((candidate) => tabKey(candidate) === group.activeKey);
        return insertTab(group, tab, activeIndex >= 0 ? activeIndex + 1 : group.tabs.length);
      });
      return withGroups(groups, targetId);
    }),
  closeTabs: (groupId, keys) =>
    set((state) => {
      const closing = new Set(keys);
      let groups = updateGroup(state.groups, groupId, (group) => removeTabs(group, closing));
      let activeGroupId = state.activeGroupId;
      const emptied = groups.find((group) => group.id === groupId && group.tabs.length === 0);
      if (emptied && groups.length > 1) {
        const index = groups.indexOf(emptied);
        groups = groups.filter((group) => group !== emptied);
        if (activeGroupId === groupId) activeGroupId = (groups[index - 1] ?? groups[0])?.id ?? activeGroupId;
      }
      return withGroups(groups, activeGroupId);
    }),
  focusGroup: (groupId) => set((state) => (state.activeGroupId === groupId ? state : withGroups(state.groups, groupId))),
  splitRight: (groupId, key) =>
    set((state) => {
      const index = state.groups.findIndex((group) => group.id === groupId);
      const tab = state.groups[index]?.tabs.find((candidate) => tabKey(candidate) === key);
      if (!tab) return state;
      const group = newGroup([{ ...tab, preview: false, pinned: false }], key);
      const groups = [...state.groups];
      groups.splice(index + 1, 0, group);
      return withGroups(groups, group.id);
    }),
  showTabToSide: (tab) => {
    const { groups, activeGroupId } = get();
    const right = groups[groups.findIndex((group) => group.id === activeGroupId) + 1];
    if (right) {
      get().showTab(tab, right.id);
      return;
    }
    set((state) => {
      const group = newGroup([{ ...tab, preview: false, pinned: false }], tabKey(tab));
      return withGroups([...state.groups, group], group.id);
    });
  },
  moveTab: (key, from, to, index) =>
    set((state) => {
      const source = state.groups.find((group) => group.id === from);
      const tab = source?.tabs.find((candidate) => tabKey(candidate) === key);
      if (!source || !tab || !state.groups.some((group) => group.id === to)) return state;
      if (from === to) {
        const without = source.tabs.filter((candidate) => candidate !== tab);
        const at = Math.max(0, Math.min(index > source.tabs.indexOf(tab) ? index - 1 : index, without.length));
        without.splice(at, 0, tab);
        return withGroups(updateGroup(state.groups, from, (group) => ({ ...group, tabs: orderPinned(without), activeKey: key })), to);
      }
      let groups = updateGroup(state.groups, from, (group) => removeTabs(group, new Set([key])));
      groups = updateGroup(groups, to, (group) => {
        const existing = group.tabs.find((candidate) => tabKey(candidate) === key);
        return existing ? { ...group, activeKey: key } : insertTab(group, { ...tab, preview: false }, index);
      });
      if (groups.length > 1) groups = groups.filter((group) => group.id !== from || group.tabs.length > 0);
      return withGroups(groups, to);
    }),
  setPinned: (groupId, key, pinned) =>
    set((state) =>
      withGroups(
        updateGroup(state.groups, groupId, (group) => ({
          ...group,
          tabs: orderPinned(group.tabs.map((tab) => (tabKey(tab) === key ? { ...tab, pinned, preview: false } : tab))),
        })),
        state.activeGroupId,
      ),
    ),
  keepOpen: (groupId, key) =>
    set((state) => ({
      groups: updateGroup(state.groups, groupId, (group) => ({
        ...group,
        tabs: group.tabs.map((tab) => (tabKey(tab) === key ? { ...tab, preview: false } : tab)),
      })),
    })),
  restoreGroups: (saved, activeIndex) =>
    set(() => {
      const groups = saved.map((group) => newGroup(orderPinned(group.tabs), group.activeKey));
      return withGroups(groups, groups[activeIndex]?.id ?? groups[0]?.id ?? 0);
    }),
  shownPaths: () => new Set(get().groups.flatMap((group) => group.tabs.map((tab) => tab.path))),
}));

/** The active group's state, for code outside React. */
export function activeGroup(): EditorGroup | undefined {
  const { groups, activeGroupId } = useEditorStore.getState();
  return groups.find((group) => group.id === activeGroupId);
}

export function fileState(path: string): OpenFile | undefined {
  return useEditorStore.getState().files.find((file) => file.path === path);
}

export function isActiveGroup(groupId: number): boolean {
  return useEditorStore.getState().activeGroupId === groupId;
}

/** The file a group's text editor shows: its front tab's, unless that tab is another view. */
export function textPathOf(groupId: number): string | null {
  const group = useEditorStore.getState().groups.find((candidate) => candidate.id === groupId);
  const front = group?.tabs.find((tab) => tabKey(tab) === group.activeKey);
  return front?.view === 'text' ? front.path : null;
}
