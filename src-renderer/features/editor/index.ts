export { EditorArea } from './EditorArea';
export { openFile, openFileAt, saveActiveEditor, saveAllEditors, closeActiveEditor, followRename, openFileText, replaceInOpenFile } from './actions';
export { encodingLabels, pickEncoding, pickIndentation, pickLanguage, toggleEol } from './status-actions';
export { registerEditorCommands } from './commands';
export { loadMonaco } from './monaco-loader';
export { useEditorStore } from './store';
export { persistOpenEditors, restoreBackups, restoreOpenEditors } from './editor-persistence';
export { guardUnsavedChangesOnUnload } from './unsaved-guard';
export { showEditorPicker, type PickerItem } from './EditorPicker';
