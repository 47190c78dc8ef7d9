import type { Disposable } from '../../../src-shared/contract';
import { registerCommand } from '../../app/commands';
import { showSideBarView } from '../../app/layout/show-side-bar-view';

/** The workbench's own plugin commands. */
export function registerPluginCommands(): Disposable[] {
  return [
    registerCommand({
      id: 'workbench.view.plugins',
      category: 'View',
      title: 'Show Plugins',
      keybinding: 'mod+shift+x',
      run: () => showSideBarView('plugins'),
    }),
  ];
}
