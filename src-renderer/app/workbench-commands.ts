import type { Disposable } from '../../src-shared/contract';
import { showEditorPicker } from '../features/editor';
import { useExplorerStore } from '../features/explorer';
import { notify } from '../features/notifications';
import { updateUserSetting } from '../features/settings';
import { errorMessage } from '../platform/errors';
import { host } from '../platform/host';
import { registerCommand, usePaletteStore } from './commands';
import { formatHostStatus } from './host-status';
import { showSideBarView } from './layout/show-side-bar-view';
import { currentSetting, useAppStore } from './store';

/** The commands the shell itself owns (layout, palette, window, host). Features register their own. */
export function registerWorkbenchCommands(): Disposable[] {
  return [
    registerCommand({
      id: 'workbench.action.showCommands',
      category: 'View',
      title: 'Show All Commands',
      keybinding: ['mod+shift+p', 'f1'],
      run: () => usePaletteStore.getState().show(),
    }),
    registerCommand({
      id: 'workbench.action.toggleSidebarVisibility',
      category: 'View',
      title: 'Toggle Primary Side Bar Visibility',
      keybinding: 'mod+b',
      run: () => updateUserSetting('workbench.sideBar.visible', !currentSetting('workbench.sideBar.visible')),
    }),
    registerCommand({
      id: 'workbench.action.togglePanel',
      category: 'View',
      title: 'Toggle Panel Visibility',
      keybinding: 'mod+j',
      run: () => updateUserSetting('workbench.panel.visible', !currentSetting('workbench.panel.visible')),
    }),
    registerCommand({
      id: 'workbench.view.explorer',
      category: 'View',
      title: 'Show Explorer',
      keybinding: 'mod+shift+e',
      run: async () => {
        await showSideBarView('explorer');
        useExplorerStore.getState().requestFocus();
      },
    }),
    registerCommand({
      id: 'workbench.action.openFolder',
      category: 'File',
      title: 'Open Folder…',
      keybinding: 'mod+o',
      run: () => openFolder(),
    }),
    registerCommand({
      id: 'workbench.action.openRecent',
      category: 'File',
      title: 'Open Recent…',
      keybinding: 'mod+r',
      run: showRecentFolders,
    }),
    registerCommand({
      id: 'workbench.action.reloadWindow',
      category: 'Developer',
      title: 'Reload Window',
      run: () => location.reload(),
    }),
    registerCommand({
      id: 'lathe.showHostStatus',
      category: 'Developer',
      title: 'Show Host Status',
      run: async () => {
        notify({ severity: 'info', message: formatHostStatus(await host().app.status()) });
      },
    }),
  ];
}

/** Opening another folder restarts the host on it; browser mode cannot, and says how instead. */
async function openFolder(root?: string): Promise<void> {
  try {
    await host().workspace.openFolder(root === undefined ? {} : { root });
  } catch (error) {
    notify({ severity: 'warning', message: errorMessage(error) });
  }
}

async function showRecentFolders(): Promise<void> {
  const current = useAppStore.getState().info?.workspace?.root;
  const recent = (await host().workspace.recent()).filter((entry) => entry.root !== current);
  showEditorPicker({
    placeholder: 'Select a folder to open',
    items: recent.map((entry) => ({ id: entry.root, label: entry.name, description: entry.exists ? entry.root : `${entry.root} (missing)` })),
    emptyText: 'No other folder has been opened yet',
    onPick: (item) => void openFolder(item.id),
  });
}
