import { closeTabs } from './actions';
import { activeGroup, tabKey, useEditorStore, type EditorGroup, type GroupTab } from './store';

function groupById(groupId: number): EditorGroup | undefined {
  return useEditorStore.getState().groups.find((group) => group.id === groupId);
}

function closeWhere(groupId: number, which: (tab: GroupTab, index: number, tabs: GroupTab[]) => boolean): void {
  const group = groupById(groupId);
  if (group) closeTabs(groupId, group.tabs.filter(which).map(tabKey));
}

/** Every tab of the group but `key` and the pinned ones. */
export function closeOthers(groupId: number, key: string): void {
  closeWhere(groupId, (tab) => tabKey(tab) !== key && !tab.pinned);
}

export function closeToTheRight(groupId: number, key: string): void {
  closeWhere(groupId, (tab, index, tabs) => index > tabs.findIndex((candidate) => tabKey(candidate) === key) && !tab.pinned);
}

/** The group's tabs whose files have no unsaved changes. */
export function closeSaved(groupId: number): void {
  const { files } = useEditorStore.getState();
  closeWhere(groupId, (tab) => !tab.pinned && !files.find((file) => file.path === tab.path)?.dirty);
}

export function closeAll(groupId: number): void {
  closeWhere(groupId, () => true);
}

/** Runs a tab action on the active group's front tab. */
export function onActiveTab(run: (groupId: number, key: string) => void): () => void {
  return () => {
    const group = activeGroup();
    if (group?.activeKey) run(group.id, group.activeKey);
  };
}

export function togglePinned(groupId: number, key: string): void {
  const tab = groupById(groupId)?.tabs.find((candidate) => tabKey(candidate) === key);
  if (tab) useEditorStore.getState().setPinned(groupId, key, !tab.pinned);
}

/** Moves the focus to the group left or right of the active one. */
export function focusNeighbourGroup(step: -1 | 1): void {
  const { groups, activeGroupId } = useEditorStore.getState();
  const index = groups.findIndex((group) => group.id === activeGroupId);
  const target = groups[index + step];
  if (target) useEditorStore.getState().focusGroup(target.id);
}
