import type { editor } from 'monaco-editor';
import type { SettingsValues } from '../../../src-shared/contract';
import type { Monaco } from './monaco-loader';

interface OpenModel {
  model: editor.ITextModel;
  /** Monaco's alternative version id at the last load or save: undoing back to it makes the buffer clean. */
  savedVersionId: number;
  viewState: editor.ICodeEditorViewState | null;
}

const openModels = new Map<string, OpenModel>();

/** One model per open file, created from its content on disk, reporting when it becomes dirty or clean. */
export function createModel(
  monaco: Monaco,
  path: string,
  content: string,
  languageId: string,
  onDirtyChange: (dirty: boolean) => void,
): editor.ITextModel {
  const existing = openModels.get(path);
  if (existing) return existing.model;
  const model = monaco.editor.createModel(content, languageId, monaco.Uri.from({ scheme: 'file', path: `/${path}` }));
  const entry: OpenModel = { model, savedVersionId: model.getAlternativeVersionId(), viewState: null };
  openModels.set(path, entry);
  model.onDidChangeContent(() => onDirtyChange(model.getAlternativeVersionId() !== entry.savedVersionId));
  return model;
}

export function getModel(path: string): editor.ITextModel | undefined {
  return openModels.get(path)?.model;
}

export function markSaved(path: string, versionId: number): boolean {
  const entry = openModels.get(path);
  if (!entry) return false;
  entry.savedVersionId = versionId;
  return entry.model.getAlternativeVersionId() !== versionId;
}

export function saveViewState(path: string, state: editor.ICodeEditorViewState | null): void {
  const entry = openModels.get(path);
  if (entry) entry.viewState = state;
}

export function viewStateOf(path: string): editor.ICodeEditorViewState | null {
  return openModels.get(path)?.viewState ?? null;
}

export function disposeModel(path: string): void {
  openModels.get(path)?.model.dispose();
  openModels.delete(path);
}

/** Indentation lives on models in Monaco, not on the editor: apply it to every open file. */
export function applyModelOptions(values: Pick<SettingsValues, 'editor.tabSize' | 'editor.insertSpaces'>): void {
  for (const { model } of openModels.values()) {
    model.updateOptions({ tabSize: values['editor.tabSize'], insertSpaces: values['editor.insertSpaces'] });
  }
}
