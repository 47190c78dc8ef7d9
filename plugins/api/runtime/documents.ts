import { EventEmitter } from './events';
import type { DocumentChangeData, DocumentData, TextChangeData } from './protocol';
import { TextDocument } from './text-document';

/** The documents open in the editor, kept in step by the workbench's events. */
export function createDocuments(initial: readonly DocumentData[]) {
  const documents = new Map<string, TextDocument>(initial.map((data) => [data.path, new TextDocument(data)]));
  const opened = new EventEmitter<TextDocument>();
  const closed = new EventEmitter<TextDocument>();
  const changed = new EventEmitter<{ document: TextDocument; contentChanges: readonly TextChangeData[] }>();
  const saved = new EventEmitter<TextDocument>();

  return {
    get: (path: string): TextDocument | undefined => documents.get(path),
    all: (): readonly TextDocument[] => Object.freeze([...documents.values()]),
    onDidOpen: opened.event,
    onDidClose: closed.event,
    onDidChange: changed.event,
    onDidSave: saved.event,
    open(data: DocumentData): void {
      const document = new TextDocument(data);
      documents.set(data.path, document);
      opened.fire(document);
    },
    change(change: DocumentChangeData): void {
      const document = documents.get(change.path);
      if (!document) return;
      document.applyChange(change);
      changed.fire(Object.freeze({ document, contentChanges: Object.freeze(change.changes.map((item) => Object.freeze({ ...item }))) }));
    },
    save(path: string): void {
      const document = documents.get(path);
      if (!document) return;
      document.markSaved();
      saved.fire(document);
    },
    close(path: string): void {
      const document = documents.get(path);
      if (!document) return;
      documents.delete(path);
      document.markClosed();
      closed.fire(document);
    },
  };
}

export type Documents = ReturnType<typeof createDocuments>;
