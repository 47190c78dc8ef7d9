import type { DragEvent } from 'react';
import { useEditorStore } from './store';

/** Drags of editor tabs carry their key and group under a type of their own, so nothing else accepts them. */
const tabDragType = 'application/x-lathe-editor-tab';

export function startTabDrag(event: DragEvent, groupId: number, key: string): void {
  event.dataTransfer.setData(tabDragType, JSON.stringify({ groupId, key }));
  event.dataTransfer.effectAllowed = 'move';
}

export function isTabDrag(event: DragEvent): boolean {
  return event.dataTransfer.types.includes(tabDragType);
}

/** Moves the dragged tab to `index` in group `groupId` (its own group or another). */
export function dropTabOnGroup(event: DragEvent, groupId: number, index: number): void {
  let dragged: unknown;
  try {
    dragged = JSON.parse(event.dataTransfer.getData(tabDragType));
  } catch {
    return;
  }
  if (typeof dragged !== 'object' || dragged === null) return;
  const { groupId: from, key } = dragged as Record<string, unknown>;
  if (typeof from !== 'number' || typeof key !== 'string') return;
  useEditorStore.getState().moveTab(key, from, groupId, index);
}
