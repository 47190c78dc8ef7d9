export { EditorArea } from './EditorArea';
export {
  openFile,
  openFileAt,
  loadFile,
  openDiffEditor,
  saveActiveEditor,
  saveAllEditors,
  saveEditor,
  closeActiveEditor,
  followRename,
  openFileText,
  replaceInOpenFile,
} from './actions';
export { activeDiffEditor, type DiffEditorAction, type DiffEditorContext, type DiffEditorInput } from './diff-inputs';
export { activeCodeEditor } from './editor-instances';
export { getModel, pathOfModel } from './models';
export { onModelLifecycle, registerSaveParticipant, type ModelListener, type SaveParticipant } from './model-lifecycle';
export { encodingLabels, pickEncoding, pickIndentation, pickLanguage, toggleEol } from './status-actions';
export { registerEditorCommands } from './commands';
export { loadMonaco, type Monaco } from './monaco-loader';
export { monacoTheme } from './editor-options';
export { tabKey, useEditorStore } from './store';
export { persistOpenEditors, restoreBackups, restoreOpenEditors } from './editor-persistence';
export { guardUnsavedChangesOnUnload } from './unsaved-guard';
export { showEditorPicker, type PickerItem } from './EditorPicker';
