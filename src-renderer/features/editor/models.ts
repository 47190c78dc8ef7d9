import type { editor } from 'monaco-editor';
import type { FileEncoding, SettingsValues } from '../../../src-shared/contract';
import { fireModelEvent } from './model-lifecycle';
import type { Monaco } from './monaco-loader';

interface OpenModel {
  /** The workspace path the buffer belongs to; follows renames made in the explorer. */
  path: string;
  model: editor.ITextModel;
  /** How the file was encoded on disk, so saving writes it back the same way. */
  encoding: FileEncoding;
  /** Monaco's alternative version id at the last load or save: undoing back to it makes the buffer clean. */
  savedVersionId: number;
  /** The text on disk as of the last load or save, to tell our own writes from changes made elsewhere. */
  savedContent: string;
  /** The text of a save still in flight: its change event is an echo, not an outside change. */
  savingContent: string | null;
  /** Scroll and cursor per editor group, restored when the group shows the file again. */
  viewStates: Map<number, editor.ICodeEditorViewState>;
  /** Indentation chosen for this file in the status bar; settings no longer change it. */
  indentation: { insertSpaces: boolean; tabSize: number } | null;
}

export interface ModelDetails {
  encoding: FileEncoding;
  eol: 'LF' | 'CRLF';
  indentation: { insertSpaces: boolean; tabSize: number };
}

const openModels = new Map<string, OpenModel>();

/** One model per open file, created from its content on disk, reporting when it becomes dirty or clean. */
export function createModel(
  monaco: Monaco,
  path: string,
  content: string,
  languageId: string,
  encoding: FileEncoding,
  onDirtyChange: (path: string, dirty: boolean) => void,
  onDetailsChange?: (path: string) => void,
): editor.ITextModel {
  const existing = openModels.get(path);
  if (existing) return existing.model;
  const model = monaco.editor.createModel(content, languageId, monaco.Uri.from({ scheme: 'file', path: `/${path}` }));
  const entry: OpenModel = {
    path,
    model,
    encoding,
    savedVersionId: model.getAlternativeVersionId(),
    savedContent: content,
    savingContent: null,
    viewStates: new Map(),
    indentation: null,
  };
  openModels.set(path, entry);
  model.onDidChangeContent((event) => {
    onDirtyChange(entry.path, model.getAlternativeVersionId() !== entry.savedVersionId);
    if (event.isEolChange) onDetailsChange?.(entry.path);
  });
  model.onDidChangeOptions(() => onDetailsChange?.(entry.path));
  fireModelEvent('opened', path, model);
  return model;
}

export function encodingOf(path: string): FileEncoding {
  return openModels.get(path)?.encoding ?? 'utf8';
}

/** The encoding the next save writes the file with. */
export function setEncoding(path: string, encoding: FileEncoding): void {
  const entry = openModels.get(path);
  if (entry) entry.encoding = encoding;
}

/** Indentation for one file, kept over the settings from now on. */
export function setIndentation(path: string, indentation: { insertSpaces: boolean; tabSize: number }): void {
  const entry = openModels.get(path);
  if (!entry) return;
  entry.indentation = indentation;
  entry.model.updateOptions(indentation);
}

export function modelDetails(path: string): ModelDetails | undefined {
  const entry = openModels.get(path);
  if (!entry) return undefined;
  const options = entry.model.getOptions();
  return {
    encoding: entry.encoding,
    eol: entry.model.getEOL() === '\r\n' ? 'CRLF' : 'LF',
    indentation: { insertSpaces: options.insertSpaces, tabSize: options.tabSize },
  };
}

/** The buffer of a file renamed or moved: it keeps its text, undo history and dirty state under the new path. */
export function movePath(from: string, to: string): boolean {
  const entry = openModels.get(from);
  if (!entry || openModels.has(to)) return false;
  openModels.delete(from);
  entry.path = to;
  openModels.set(to, entry);
  fireModelEvent('moved', from, to, entry.model);
  return true;
}

/**
 * Puts restored text into a buffer as one undoable edit, so the buffer is dirty and undo goes back
 * to the text on disk.
 */
export function applyRestoredText(path: string, text: string): boolean {
  const entry = openModels.get(path);
  if (!entry) return false;
  const { model } = entry;
  if (model.getValue() === text) return false;
  model.pushStackElement();
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
  model.pushStackElement();
  return true;
}

export function openModelPaths(): string[] {
  return [...openModels.keys()];
}

export function getModel(path: string): editor.ITextModel | undefined {
  return openModels.get(path)?.model;
}

export function markSaving(path: string, content: string | null): void {
  const entry = openModels.get(path);
  if (entry) entry.savingContent = content;
}

export function markSaved(path: string, versionId: number, content?: string): boolean {
  const entry = openModels.get(path);
  if (!entry) return false;
  entry.savedVersionId = versionId;
  if (content !== undefined) entry.savedContent = content;
  entry.savingContent = null;
  return entry.model.getAlternativeVersionId() !== versionId;
}

/** True when `content` is what we loaded or saved ourselves (or are saving right now). */
export function isOwnContent(path: string, content: string): boolean {
  const entry = openModels.get(path);
  return !!entry && (entry.savedContent === content || entry.savingContent === content);
}

export function isClean(path: string): boolean {
  const entry = openModels.get(path);
  return !!entry && entry.model.getAlternativeVersionId() === entry.savedVersionId;
}

/**
 * Replaces a clean buffer with the text on disk. Only the differing middle is edited, so cursors and
 * scroll position outside it stay where they were, and the buffer stays clean.
 */
export function reloadFromDisk(path: string, content: string): void {
  const entry = openModels.get(path);
  if (!entry) return;
  const { model } = entry;
  const current = model.getValue();
  entry.savedContent = content;
  if (current !== content) {
    let start = 0;
    const limit = Math.min(current.length, content.length);
    while (start < limit && current.charCodeAt(start) === content.charCodeAt(start)) start++;
    let end = 0;
    while (end < limit - start && current.charCodeAt(current.length - 1 - end) === content.charCodeAt(content.length - 1 - end)) end++;
    const from = model.getPositionAt(start);
    const to = model.getPositionAt(current.length - end);
    model.pushStackElement();
    model.pushEditOperations(
      [],
      [{ range: { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column }, text: content.slice(start, content.length - end) }],
      () => null,
    );
    model.pushStackElement();
  }
  entry.savedVersionId = model.getAlternativeVersionId();
}

export function saveViewState(groupId: number, path: string, state: editor.ICodeEditorViewState | null): void {
  const entry = openModels.get(path);
  if (!entry) return;
  if (state) entry.viewStates.set(groupId, state);
  else entry.viewStates.delete(groupId);
}

export function viewStateOf(groupId: number, path: string): editor.ICodeEditorViewState | null {
  return openModels.get(path)?.viewStates.get(groupId) ?? null;
}

export function disposeModel(path: string): void {
  const entry = openModels.get(path);
  if (entry) fireModelEvent('closed', path, entry.model);
  entry?.model.dispose();
  openModels.delete(path);
}

/** The workspace path of a model's file (its URI keeps the path it was opened with, across renames). */
export function pathOfModel(model: editor.ITextModel): string | undefined {
  for (const entry of openModels.values()) if (entry.model === model) return entry.path;
  return undefined;
}

/** Indentation lives on models in Monaco, not on the editor: apply it to every open file. */
export function applyModelOptions(values: Pick<SettingsValues, 'editor.tabSize' | 'editor.insertSpaces'>): void {
  for (const { model, indentation } of openModels.values()) {
    if (indentation) continue;
    model.updateOptions({ tabSize: values['editor.tabSize'], insertSpaces: values['editor.insertSpaces'] });
  }
}
