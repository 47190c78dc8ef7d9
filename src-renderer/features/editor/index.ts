export { EditorArea } from './EditorArea';
export { openFile, saveActiveEditor, closeActiveEditor, followRename } from './actions';
export { registerEditorCommands } from './commands';
export { loadMonaco } from './monaco-loader';
export { useEditorStore } from './store';
export { persistOpenEditors, restoreBackups, restoreOpenEditors } from './editor-persistence';
export { guardUnsavedChangesOnUnload } from './unsaved-guard';
