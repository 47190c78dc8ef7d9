import type { Disposable } from '../../src-shared/contract';
import { useExplorerStore } from '../features/explorer';
import { notify } from '../features/notifications';
import { updateUserSetting } from '../features/settings';
import { host } from '../platform/host';
import { registerCommand, usePaletteStore } from './commands';
import { formatHostStatus } from './host-status';
import { showSideBarView } from './layout/show-side-bar-view';
import { currentSetting } from './store';

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
