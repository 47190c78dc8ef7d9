import type { editor, IDisposable } from 'monaco-editor';
import { host } from '../../../platform/host';
import { openFile, useEditorStore, type DiffEditorContext, type DiffEditorInput } from '../../editor';
import { stagePaths, unstagePaths } from '../operations';
import { useScmStore } from '../store';
import { showHunkActions } from './hunk-actions';
import { selectedLineRanges, type DiffSide } from './line-selection';
import { applyToSelectedLines } from './stage-lines';

type Direction = 'stage' | 'unstage';

/** What a diff of the index lets the user do with its lines, by input. */
const staging = new WeakMap<DiffEditorInput, Direction>();
/** The side of each diff editor that last had the focus (commands run from the palette, which takes it). */
const focusedSides = new WeakMap<editor.IStandaloneDiffEditor, DiffSide>();

export function stagingDirectionOf(input: DiffEditorInput): Direction | undefined {
  return staging.get(input);
}

export function lastFocusedSide(diffEditor: editor.IStandaloneDiffEditor): DiffSide {
  return focusedSides.get(diffEditor) ?? 'new';
}

export const shortOid = (oid: string): string => oid.slice(0, 7);

/** A side read from git: the index or a commit; binary content cannot be compared as text. */
async function readRevision(path: string, revision: 'HEAD' | 'index' | (string & {})): Promise<string | null> {
  const file = await host().git.readFile({ path, revision });
  if (file.binary) throw new Error('binary files are not compared as text');
  return file.content;
}

const openFileAction = (path: string) => ({ id: 'open-file', title: 'Open File', icon: 'go-to-file', run: () => openFile(path) });

/** "Stage Selected Lines" (or "Unstage…") in the context menu of both sides of a diff editor. */
function addLineActions(diffEditor: editor.IStandaloneDiffEditor, direction: Direction, path: string): IDisposable[] {
  const label = direction === 'stage' ? 'Stage Selected Lines' : 'Unstage Selected Lines';
  const add = (side: DiffSide, target: editor.IStandaloneCodeEditor): IDisposable =>
    target.addAction({
      id: `git.${direction}SelectedLines`,
      label,
      contextMenuGroupId: '9_git',
      run: (instance) => applyToSelectedLines(direction, path, side, selectedLineRanges(instance.getSelections() ?? [])),
    });
  return [add('new', diffEditor.getModifiedEditor()), add('old', diffEditor.getOriginalEditor())];
}

/**
 * Hunk and line staging in a diff of the index: the hunks are read again after each change to the
 * index, and after each save or change on disk of the file (whose status may stay the same).
 */
function attachStaging(direction: Direction, path: string) {
  return ({ monaco, diffEditor, reload }: DiffEditorContext): IDisposable => {
    const hunks = showHunkActions(monaco, diffEditor.getModifiedEditor(), direction, path);
    const refresh = (): void => {
      void reload();
      void hunks.refresh();
    };
    const stopIndex = useScmStore.subscribe((state, previous) => {
      if (state.indexVersion !== previous.indexVersion || state.snapshot !== previous.snapshot) refresh();
    });
    const stopSaves = useEditorStore.subscribe((state, previous) => {
      const now = state.files.find((file) => file.path === path);
      const before = previous.files.find((file) => file.path === path);
      if (now && before?.dirty && !now.dirty) void hunks.refresh();
    });
    const disposables: IDisposable[] = [
      hunks,
      ...addLineActions(diffEditor, direction, path),
      diffEditor.getModifiedEditor().onDidFocusEditorText(() => focusedSides.set(diffEditor, 'new')),
      diffEditor.getOriginalEditor().onDidFocusEditorText(() => focusedSides.set(diffEditor, 'old')),
      host().workspace.onDidChangeFiles(({ changes }) => {
        if (changes.some((change) => change.path === path)) void hunks.refresh();
      }),
      { dispose: stopIndex },
      { dispose: stopSaves },
    ];
    return { dispose: () => disposables.forEach((disposable) => disposable.dispose()) };
  };
}

function withStaging(input: DiffEditorInput, direction: Direction): DiffEditorInput {
  staging.set(input, direction);
  return input;
}

/** The working tree against the index: the right side is the editable buffer (empty for a deleted file). */
export function workingTreeDiff(path: string, deleted: boolean, revealLine?: number): DiffEditorInput {
  return withStaging({
    id: `git.workingTree:${path}`,
    path,
    label: 'Working Tree',
    description: 'Index ↔ Working Tree',
    original: () => readRevision(path, 'index'),
    modified: deleted ? () => Promise.resolve(null) : 'buffer',
    actions: [openFileAction(path), { id: 'stage-file', title: 'Stage Changes', icon: 'add', run: () => stagePaths([path]) }],
    attach: attachStaging('stage', path),
    ...(revealLine === undefined ? {} : { revealLine }),
  }, 'stage');
}

/** The index against HEAD (what the next commit holds), both sides read-only. */
export function indexDiff(path: string): DiffEditorInput {
  return withStaging({
    id: `git.index:${path}`,
    path,
    label: 'Index',
    description: 'HEAD ↔ Index',
    original: () => readRevision(path, 'HEAD'),
    modified: () => readRevision(path, 'index'),
    actions: [openFileAction(path), { id: 'unstage-file', title: 'Unstage Changes', icon: 'remove', run: () => unstagePaths([path]) }],
    attach: attachStaging('unstage', path),
  }, 'unstage');
}

/** One file as a commit changed it, against the commit's first parent. */
export function commitFileDiff(commit: { oid: string; parents: readonly string[] }, file: { path: string; oldPath?: string | undefined }): DiffEditorInput {
  const parent = commit.parents[0];
  const { path } = file;
  return {
    id: `git.commit:${commit.oid}:${path}`,
    path,
    label: shortOid(commit.oid),
    description: parent ? `${shortOid(parent)} ↔ ${shortOid(commit.oid)}` : `${shortOid(commit.oid)}, a root commit`,
    original: () => (parent ? readRevision(file.oldPath ?? path, parent) : Promise.resolve(null)),
    modified: () => readRevision(path, commit.oid),
    actions: [openFileAction(path)],
  };
}
