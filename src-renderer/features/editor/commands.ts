import type { Disposable } from '../../../src-shared/contract';
import { registerCommand } from '../../app/commands';
import { closeActiveEditor, saveActiveEditor, saveAllEditors } from './actions';
import { activeMarkdownPath, openMarkdownPreview } from './markdown-actions';
import { gotoLine, gotoSymbol } from './navigation';
import { pickEncoding, pickIndentation, pickLanguage, toggleEol } from './status-actions';
import { closeAll, closeOthers, closeSaved, focusNeighbourGroup, onActiveTab, togglePinned } from './tab-actions';
import { useEditorStore } from './store';

function focusGroupAt(index: number): void {
  const group = useEditorStore.getState().groups[index];
  if (group) useEditorStore.getState().focusGroup(group.id);
}

function previewActiveMarkdown(where: 'side' | 'here'): void {
  const path = activeMarkdownPath();
  if (path) void openMarkdownPreview(path, where);
}

export function registerEditorCommands(): Disposable[] {
  return [
    registerCommand({ id: 'workbench.action.files.save', category: 'File', title: 'Save', keybinding: 'mod+s', run: saveActiveEditor }),
    registerCommand({ id: 'workbench.action.files.saveAll', category: 'File', title: 'Save All', keybinding: 'mod+alt+s', run: saveAllEditors }),
    // Ctrl+W closes the browser tab in browser mode and cannot be taken over, so no default key.
    registerCommand({ id: 'workbench.action.closeActiveEditor', category: 'View', title: 'Close Editor', run: closeActiveEditor }),
    registerCommand({ id: 'workbench.action.closeOtherEditors', category: 'View', title: 'Close Other Editors in Group', run: onActiveTab(closeOthers) }),
    registerCommand({
      id: 'workbench.action.closeUnmodifiedEditors',
      category: 'View',
      title: 'Close Saved Editors in Group',
      keybinding: 'mod+k u',
      run: onActiveTab((groupId) => closeSaved(groupId)),
    }),
    registerCommand({
      id: 'workbench.action.closeEditorsInGroup',
      category: 'View',
      title: 'Close All Editors in Group',
      keybinding: 'mod+k w',
      run: onActiveTab((groupId) => closeAll(groupId)),
    }),
    registerCommand({ id: 'workbench.action.pinEditor', category: 'View', title: 'Pin / Unpin Editor', keybinding: 'mod+k shift+enter', run: onActiveTab(togglePinned) }),
    registerCommand({
      id: 'workbench.action.keepEditor',
      category: 'View',
      title: 'Keep Editor',
      keybinding: 'mod+k enter',
      run: onActiveTab((groupId, key) => useEditorStore.getState().keepOpen(groupId, key)),
    }),
    registerCommand({
      id: 'workbench.action.splitEditor',
      category: 'View',
      title: 'Split Editor Right',
      keybinding: 'mod+\\',
      run: onActiveTab((groupId, key) => useEditorStore.getState().splitRight(groupId, key)),
    }),
    registerCommand({ id: 'workbench.action.focusFirstEditorGroup', category: 'View', title: 'Focus First Editor Group', keybinding: 'mod+1', run: () => focusGroupAt(0) }),
    registerCommand({ id: 'workbench.action.focusSecondEditorGroup', category: 'View', title: 'Focus Second Editor Group', keybinding: 'mod+2', run: () => focusGroupAt(1) }),
    registerCommand({ id: 'workbench.action.focusThirdEditorGroup', category: 'View', title: 'Focus Third Editor Group', keybinding: 'mod+3', run: () => focusGroupAt(2) }),
    registerCommand({ id: 'workbench.action.focusPreviousGroup', category: 'View', title: 'Focus Previous Editor Group', run: () => focusNeighbourGroup(-1) }),
    registerCommand({ id: 'workbench.action.focusNextGroup', category: 'View', title: 'Focus Next Editor Group', run: () => focusNeighbourGroup(1) }),
    registerCommand({ id: 'markdown.showPreview', category: 'Markdown', title: 'Open Preview', keybinding: 'mod+shift+v', run: () => previewActiveMarkdown('here') }),
    registerCommand({ id: 'markdown.showPreviewToSide', category: 'Markdown', title: 'Open Preview to the Side', keybinding: 'mod+k v', run: () => previewActiveMarkdown('side') }),
    registerCommand({ id: 'workbench.action.gotoLine', category: 'Go', title: 'Go to Line/Column…', keybinding: 'mod+g', run: gotoLine }),
    registerCommand({ id: 'workbench.action.gotoSymbol', category: 'Go', title: 'Go to Symbol in Editor…', keybinding: 'mod+shift+o', run: gotoSymbol }),
    registerCommand({ id: 'editor.action.changeIndentation', category: 'View', title: 'Change Indentation', run: pickIndentation }),
    registerCommand({ id: 'workbench.action.editor.changeEncoding', category: 'File', title: 'Change File Encoding', run: pickEncoding }),
    registerCommand({ id: 'workbench.action.editor.changeEOL', category: 'View', title: 'Toggle End of Line Sequence', run: toggleEol }),
    registerCommand({ id: 'workbench.action.editor.changeLanguageMode', category: 'View', title: 'Change Language Mode', run: pickLanguage }),
  ];
}
