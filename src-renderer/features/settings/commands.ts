import type { Disposable } from '../../../src-shared/contract';
import { currentSetting } from '../../app/store';
import { registerCommand } from '../../app/commands';
import { showSideBarView } from '../../app/layout/show-side-bar-view';
import { updateUserSetting } from './update-setting';

export function registerSettingsCommands(): Disposable[] {
  return [
    registerCommand({
      id: 'workbench.action.openSettings',
      category: 'Preferences',
      title: 'Open Settings',
      keybinding: 'mod+,',
      run: () => showSideBarView('settings'),
    }),
    registerCommand({
      id: 'workbench.action.toggleTheme',
      category: 'Preferences',
      title: 'Toggle Light/Dark Theme',
      run: () => updateUserSetting('workbench.colorTheme', currentSetting('workbench.colorTheme') === 'dark' ? 'light' : 'dark'),
    }),
  ];
}
