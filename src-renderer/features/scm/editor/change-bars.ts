import type { editor } from 'monaco-editor';
import { host } from '../../../platform/host';
import { getModel, openDiffEditor, tabKey, useEditorStore, type Monaco } from '../../editor';
import { useScmStore } from '../store';
import { workingTreeDiff } from './git-diff-inputs';
import { changeBars, type Bar } from './change-bar-ranges';
import './scm-editor.css';

/** The colours come from the theme; Monaco's overview ruler wants them as values, not variables. */
function themeColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

const decorated = new Map<string, { model: editor.ITextModel; ids: string[] }>();

function decorate(monaco: Monaco, path: string, model: editor.ITextModel, bars: readonly Bar[]): void {
  const previous = decorated.get(path);
  const ids = model.deltaDecorations(
    previous?.model === model ? previous.ids : [],
    bars.map((bar) => ({
      range: new monaco.Range(bar.start, 1, bar.end, 1),
      options: {
        isWholeLine: true,
        linesDecorationsClassName: `scm-gutter-${bar.kind}`,
        overviewRuler: { color: themeColor(`--git-gutter-${bar.kind}`), position: monaco.editor.OverviewRulerLane.Left },
        minimap: { color: themeColor(`--git-gutter-${bar.kind}`), position: monaco.editor.MinimapPosition.Gutter },
      },
    })),
  );
  if (ids.length > 0) decorated.set(path, { model, ids });
  else decorated.delete(path);
}

/** The files the editor groups show in front, as text. */
function shownTextPaths(): string[] {
  return useEditorStore
    .getState()
    .groups.flatMap((group) => group.tabs.filter((tab) => tabKey(tab) === group.activeKey && tab.view === 'text').map((tab) => tab.path));
}

/** What the bars depend on, besides the status: which files are shown, and which have unsaved edits. */
function editorKey(): string {
  const dirty = useEditorStore
    .getState()
    .files.filter((file) => file.dirty)
    .map((file) => file.path);
  return JSON.stringify([shownTextPaths(), dirty]);
}

/**
 * Change bars in the gutter of the files on screen, from their unstaged diff: read again when the
 * status or the index changes, when another file comes to the front, and when a shown file changes
 * on disk or is saved. A click on a bar opens the file's changes at that line.
 */
export function followChangeBars(monaco: Monaco): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  const update = async (): Promise<void> => {
    const asked = ++generation;
    const status = useScmStore.getState().snapshot?.status;
    const changed = new Set(status?.unstaged.filter((change) => !change.submodule).map((change) => change.path));
    const shown = new Set(shownTextPaths());
    for (const [path, entry] of decorated) {
      if (!shown.has(path) || !changed.has(path)) decorate(monaco, path, entry.model, []);
    }
    for (const path of shown) {
      const model = getModel(path);
      if (!model || !changed.has(path)) continue;
      const diff = await host()
        .git.diff({ path, staged: false })
        .catch(() => null);
      if (asked !== generation || model.isDisposed()) return;
      decorate(monaco, path, model, diff && !diff.binary && !diff.tooLarge ? changeBars(diff.hunks) : []);
    }
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), 150);
  };
  useScmStore.subscribe((state, previous) => {
    if (state.snapshot !== previous.snapshot || state.indexVersion !== previous.indexVersion) schedule();
  });
  // A changed file keeps the same status when it changes again: its bars follow the file itself.
  host().workspace.onDidChangeFiles(({ changes }) => {
    const shown = new Set(shownTextPaths());
    if (changes.some((change) => shown.has(change.path))) schedule();
  });
  let lastKey = editorKey();
  useEditorStore.subscribe(() => {
    const key = editorKey();
    if (key === lastKey) return;
    lastKey = key;
    schedule();
  });
  monaco.editor.onDidCreateEditor((codeEditor) => {
    codeEditor.onMouseDown((event) => {
      if (event.target.type !== monaco.editor.MouseTargetType.GUTTER_LINE_DECORATIONS) return;
      const line = event.target.position?.lineNumber;
      const model = codeEditor.getModel();
      const entry = [...decorated].find(([, candidate]) => candidate.model === model);
      if (!line || !model || !entry) return;
      const onBar = entry[1].ids.some((id) => {
        const range = model.getDecorationRange(id);
        return range !== null && line >= range.startLineNumber && line <= range.endLineNumber;
      });
      if (onBar) void openDiffEditor(workingTreeDiff(entry[0], false, line));
    });
  });
  schedule();
}
