import { useCallback } from 'react';
import { ContextMenu, type ContextMenuItem } from '../../platform/ui/ContextMenu';
import { copyPath, copyRelativePath, deleteEntry, startCreate, startRename } from './operations';
import { useExplorerStore } from './store';

const close = (): void => useExplorerStore.getState().setMenu(null);

/** The explorer's right-click menu. */
export function ExplorerContextMenu() {
  const menu = useExplorerStore((state) => state.menu);
  const returnFocus = useCallback(() => useExplorerStore.getState().requestFocus(), []);
  if (!menu) return null;
  const { path } = menu;
  const groups: ContextMenuItem[][] = [
    [
      { label: 'New File...', run: () => startCreate('newFile', path) },
      { label: 'New Folder...', run: () => startCreate('newFolder', path) },
    ],
    [
      { label: 'Copy Path', run: () => copyPath(path ?? '') },
      { label: 'Copy Relative Path', run: () => copyRelativePath(path ?? '') },
    ],
  ];
  if (path !== null) {
    groups.push([
      { label: 'Rename...', keybinding: 'F2', run: () => startRename(path) },
      { label: 'Delete', keybinding: 'Delete', run: () => deleteEntry(path) },
    ]);
  }
  return <ContextMenu key={`${String(menu.x)},${String(menu.y)}`} x={menu.x} y={menu.y} groups={groups} onClose={close} onEscape={returnFocus} testId="explorer-context-menu" />;
}
