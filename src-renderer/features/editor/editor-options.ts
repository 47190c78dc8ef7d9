import type { editor } from 'monaco-editor';
import type { SettingsValues } from '../../../src-shared/contract';

export type MonacoTheme = 'vs' | 'vs-dark';

export function monacoTheme(theme: SettingsValues['workbench.colorTheme']): MonacoTheme {
  return theme === 'light' ? 'vs' : 'vs-dark';
}

/** The editor options that follow settings, applied at creation and again on every settings change. */
export function editorOptionsFrom(values: SettingsValues): editor.IEditorOptions {
  return {
    fontSize: values['editor.fontSize'],
    wordWrap: values['editor.wordWrap'],
    minimap: { enabled: values['editor.minimap.enabled'] },
  };
}
