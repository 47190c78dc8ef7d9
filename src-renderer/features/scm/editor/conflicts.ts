import type { editor, languages } from 'monaco-editor';
import { getModel, useEditorStore, type Monaco } from '../../editor';
import { markResolved } from '../operations';
import { useScmStore } from '../store';
import { parseConflicts, resolveConflict, type ConflictChoice, type ConflictRegion } from './conflict-markers';
import './scm-editor.css';

const acceptCommand = 'lathe.scm.acceptConflict';
const markResolvedCommand = 'lathe.scm.markResolved';

const choiceTitles: [ConflictChoice, string][] = [
  ['current', 'Accept Current Change'],
  ['incoming', 'Accept Incoming Change'],
  ['both', 'Accept Both Changes'],
];

function conflictedPaths(): Set<string> {
  return new Set(useScmStore.getState().snapshot?.status?.conflicted.map((conflict) => conflict.path));
}

function pathOfModel(model: editor.ITextModel): string | undefined {
  return [...conflictedPaths()].find((path) => getModel(path) === model);
}

/** Replaces a conflict block with the side (or sides) chosen, as one undoable edit. */
function accept(path: string, startLine: number, choice: ConflictChoice): void {
  const model = getModel(path);
  if (!model) return;
  const lines = model.getLinesContent();
  const region = parseConflicts(lines).find((candidate) => candidate.startLine === startLine);
  if (!region) return;
  const kept = resolveConflict(lines, region, choice);
  const eol = model.getEOL();
  const last = region.endLine >= model.getLineCount();
  // The block's lines go with their line ends; at the end of the file, with the line end before them.
  const range = last
    ? { startLineNumber: region.startLine, startColumn: 1, endLineNumber: region.endLine, endColumn: model.getLineMaxColumn(region.endLine) }
    : { startLineNumber: region.startLine, startColumn: 1, endLineNumber: region.endLine + 1, endColumn: 1 };
  const text = kept.length === 0 ? '' : kept.join(eol) + (last ? '' : eol);
  model.pushStackElement();
  model.pushEditOperations([], [{ range, text }], () => null);
  model.pushStackElement();
}

function lenses(path: string, regions: readonly ConflictRegion[]): languages.CodeLens[] {
  const resolve: languages.CodeLens = {
    range: { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 1 },
    command: { id: markResolvedCommand, title: 'Mark as Resolved', arguments: [path] },
  };
  return [
    resolve,
    ...regions.flatMap((region) =>
      choiceTitles.map(([choice, title]) => ({
        range: { startLineNumber: region.startLine, startColumn: 1, endLineNumber: region.startLine, endColumn: 1 },
        command: { id: acceptCommand, title, arguments: [path, region.startLine, choice] },
      })),
    ),
  ];
}

function regionDecorations(monaco: Monaco, model: editor.ITextModel, regions: readonly ConflictRegion[]): editor.IModelDeltaDecoration[] {
  // The range runs to the end of its last line, where the side's name is written after it.
  const whole = (start: number, end: number, className: string, after?: string): editor.IModelDeltaDecoration[] =>
    end < start
      ? []
      : [
          {
            range: new monaco.Range(start, 1, end, model.getLineMaxColumn(end)),
            options: { isWholeLine: true, className, showIfCollapsed: true, ...(after ? { after: { content: after, inlineClassName: 'scm-conflict-name' } } : {}) },
          },
        ];
  return regions.flatMap((region) => [
    ...whole(region.startLine, region.startLine, 'scm-conflict-current-header', ' (Current Change)'),
    ...whole(region.current.start, region.current.end, 'scm-conflict-current'),
    ...whole(region.incoming.start, region.incoming.end, 'scm-conflict-incoming'),
    ...whole(region.endLine, region.endLine, 'scm-conflict-incoming-header', ' (Incoming Change)'),
  ]);
}

/**
 * Files in conflict get, in any editor that shows them, code lenses above each conflict (accept
 * current, incoming or both) and above the first line (mark as resolved), and the two sides coloured.
 */
export function followConflicts(monaco: Monaco): void {
  const changed = new monaco.Emitter<languages.CodeLensProvider>();
  const tracked = new Map<string, { model: editor.ITextModel; ids: string[]; listener: { dispose(): void } }>();

  const redecorate = (path: string): void => {
    const entry = tracked.get(path);
    if (!entry || entry.model.isDisposed()) return;
    entry.ids = entry.model.deltaDecorations(entry.ids, regionDecorations(monaco, entry.model, parseConflicts(entry.model.getLinesContent())));
  };
  const sync = (): void => {
    const paths = conflictedPaths();
    for (const [path, entry] of tracked) {
      if (paths.has(path) && getModel(path) === entry.model) continue;
      entry.listener.dispose();
      if (!entry.model.isDisposed()) entry.model.deltaDecorations(entry.ids, []);
      tracked.delete(path);
    }
    for (const path of paths) {
      const model = getModel(path);
      if (!model || tracked.has(path)) continue;
      tracked.set(path, { model, ids: [], listener: model.onDidChangeContent(() => redecorate(path)) });
      redecorate(path);
    }
    changed.fire(provider);
  };

  const provider: languages.CodeLensProvider = {
    onDidChange: changed.event,
    provideCodeLenses: (model) => {
      const path = pathOfModel(model);
      return path ? { lenses: lenses(path, parseConflicts(model.getLinesContent())), dispose: () => undefined } : { lenses: [], dispose: () => undefined };
    },
  };
  monaco.languages.registerCodeLensProvider('*', provider);
  monaco.editor.registerCommand(acceptCommand, (_accessor, path: string, startLine: number, choice: ConflictChoice) => accept(path, startLine, choice));
  monaco.editor.registerCommand(markResolvedCommand, (_accessor, path: string) => void markResolved([path]));

  useScmStore.subscribe((state, previous) => {
    if (state.snapshot !== previous.snapshot) sync();
  });
  let lastFiles = useEditorStore.getState().files.length;
  useEditorStore.subscribe((state) => {
    if (state.files.length === lastFiles) return;
    lastFiles = state.files.length;
    sync();
  });
  sync();
}
