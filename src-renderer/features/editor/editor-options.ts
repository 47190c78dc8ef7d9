import type { editor } from 'monaco-editor';
import type { SettingsValues } from '../../../src-shared/contract';

export type MonacoTheme = 'vs' | 'vs-dark';

export function monacoTheme(theme: SettingsValues['workbench.colorTheme']): MonacoTheme {
  return theme === 'light' ? 'vs' : 'vs-dark';
}

/** The editor options that follow settings, applied at creation and again on every settings change. */
export function editorOptionsFrom(values: SettingsValues): editor.IEditorOptions & editor.IGlobalEditorOptions {
  return {
    // Language servers' semantic tokens colour what the syntax alone cannot tell (a parameter, a macro).
    'semanticHighlighting.enabled': true,
    fontSize: values['editor.fontSize'],
    wordWrap: values['editor.wordWrap'],
    minimap: { enabled: values['editor.minimap.enabled'] },
  };
}

/** A file too large for the full editor: no minimap, folding or wrapping (highlighting is off through its language). */
export const largeFileOptions: editor.IEditorOptions & editor.IGlobalEditorOptions = {
  minimap: { enabled: false },
  folding: false,
  wordWrap: 'off',
  largeFileOptimizations: true,
};
