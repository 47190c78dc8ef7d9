import type { Disposable } from '../../../src-shared/contract';
import { registerCommand } from '../../app/commands';
import { copyPath, copyRelativePath, deleteEntry, startCreate, startRename } from './operations';

/** Explorer file operations for the palette; they act on the selected explorer item (else the active file). */
export function registerExplorerCommands(): Disposable[] {
  return [
    registerCommand({ id: 'explorer.newFile', category: 'Explorer', title: 'New File...', run: () => startCreate('newFile') }),
    registerCommand({ id: 'explorer.newFolder', category: 'Explorer', title: 'New Folder...', run: () => startCreate('newFolder') }),
    registerCommand({ id: 'explorer.rename', category: 'Explorer', title: 'Rename...', run: () => startRename() }),
    registerCommand({ id: 'explorer.delete', category: 'Explorer', title: 'Delete', run: () => deleteEntry() }),
    registerCommand({ id: 'copyFilePath', category: 'File', title: 'Copy Path of Active File', run: () => copyPath() }),
    registerCommand({ id: 'copyRelativeFilePath', category: 'File', title: 'Copy Relative Path of Active File', run: () => copyRelativePath() }),
  ];
}
