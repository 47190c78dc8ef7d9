export { EditorArea } from './EditorArea';
export { openFile, saveActiveEditor, closeActiveEditor } from './actions';
export { registerEditorCommands } from './commands';
export { loadMonaco } from './monaco-loader';
export { useEditorStore } from './store';
export { persistOpenEditors, restoreOpenEditors } from './editor-persistence';
export { guardUnsavedChangesOnUnload } from './unsaved-guard';
