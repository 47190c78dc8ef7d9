// The benchmark's anchor: a page that does nothing but load Monaco with one file, workers included.
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

// `?file=name.rs` opens another file of the folder (P2's harness floor uses a short one).
const response = await fetch(`./${new URLSearchParams(location.search).get('file') ?? 'file.rs'}`);
const editor = monaco.editor.create(document.getElementById('editor') as HTMLElement, {
  value: await response.text(),
  language: 'rust',
  theme: 'vs-dark',
});
editor.focus();
document.body.dataset.ready = 'true';
