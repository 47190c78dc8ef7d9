import type { Disposable } from '../../../src-shared/contract';
import { registerCommand } from '../../app/commands';
import { closeActiveEditor, saveActiveEditor } from './actions';

export function registerEditorCommands(): Disposable[] {
  return [
    registerCommand({ id: 'workbench.action.files.save', category: 'File', title: 'Save', keybinding: 'mod+s', run: saveActiveEditor }),
    // Ctrl+W closes the browser tab in browser mode and cannot be taken over, so no default key.
    registerCommand({ id: 'workbench.action.closeActiveEditor', category: 'View', title: 'Close Editor', run: closeActiveEditor }),
  ];
}
