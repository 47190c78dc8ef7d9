import type { IDisposable, editor } from 'monaco-editor';
import type { Disposable, TextDocumentChange } from '../../../../src-shared/contract';
import { host } from '../../../platform/host';
import { onModelLifecycle, pathOfModel, type Monaco } from '../../editor';
import { coveredLanguages, tellMissingServer, useServerStatus } from './server-status';

interface Synced {
  path: string;
  listeners: IDisposable[];
}

/** A failed notification only means the host has a stale copy until the file is opened again. */
const ignoreFailure = (): void => undefined;

function changesOf(model: editor.ITextModel, event: editor.IModelContentChangedEvent): TextDocumentChange[] {
  if (event.isFlush || event.isEolChange) return [{ text: model.getValue() }];
  return event.changes.map((change) => ({
    range: { start: { line: change.range.startLineNumber, column: change.range.startColumn }, end: { line: change.range.endLineNumber, column: change.range.endColumn } },
    text: change.text,
  }));
}

/**
 * Keeps the host's copies of open files in step with their models: opened, changed (edit by edit,
 * as Monaco reports them), saved, renamed, closed. Only files of a language some server is
 * configured for are given to the host.
 */
export function followDocuments(monaco: Monaco): Disposable {
  const synced = new Map<editor.ITextModel, Synced>();

  const open = (path: string, model: editor.ITextModel): void => {
    if (synced.has(model)) return;
    if (!coveredLanguages(useServerStatus.getState().servers).has(model.getLanguageId())) {
      tellMissingServer(model.getLanguageId());
      return;
    }
    const entry: Synced = { path, listeners: [] };
    synced.set(model, entry);
    entry.listeners.push(
      model.onDidChangeContent((event) => {
        void host().language.changeDocument({ path: entry.path, version: event.versionId, changes: changesOf(model, event) }).catch(ignoreFailure);
      }),
      // Another language may have another server: the file is given again under its new language.
      model.onDidChangeLanguage(() => {
        close(model);
        open(entry.path, model);
      }),
    );
    void host().language.openDocument({ path, languageId: model.getLanguageId(), version: model.getVersionId(), text: model.getValue() }).catch(ignoreFailure);
  };

  const close = (model: editor.ITextModel): void => {
    const entry = synced.get(model);
    if (!entry) return;
    synced.delete(model);
    for (const listener of entry.listeners) listener.dispose();
    void host().language.closeDocument({ path: entry.path }).catch(ignoreFailure);
  };

  /** Files whose language a server was configured for since they opened (or no longer is). */
  const reconcile = (): void => {
    const covered = coveredLanguages(useServerStatus.getState().servers);
    for (const model of monaco.editor.getModels()) {
      const path = pathOfModel(model);
      if (!path) continue;
      if (!covered.has(model.getLanguageId())) close(model);
      else open(path, model);
    }
  };

  const lifecycle = onModelLifecycle({
    opened: open,
    closed: (_path, model) => close(model),
    moved: (_from, to, model) => {
      close(model);
      open(to, model);
    },
    saved: (path, model) => {
      if (synced.has(model)) void host().language.saveDocument({ path }).catch(ignoreFailure);
    },
  });
  const unsubscribe = useServerStatus.subscribe((state, previous) => {
    if (state.servers !== previous.servers) reconcile();
  });
  reconcile();
  return {
    dispose() {
      lifecycle.dispose();
      unsubscribe();
      for (const model of [...synced.keys()]) close(model);
    },
  };
}
