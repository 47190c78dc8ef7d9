import type { editor, IDisposable } from 'monaco-editor';
import type { Monaco } from './monaco-loader';
import { useEditorStore } from './store';

/** What a diff editor can offer next to its sides: a button in its header. */
export interface DiffEditorAction {
  id: string;
  title: string;
  icon: string;
  run(): void | Promise<void>;
}

/** A shown diff editor, handed to its input so it can add to it. */
export interface DiffEditorContext {
  monaco: Monaco;
  diffEditor: editor.IStandaloneDiffEditor;
  /** Reads the sides that are not the buffer again (after the index or a revision changed). */
  reload(): Promise<void>;
}

/** Two texts of one file, compared in Monaco's diff editor. */
export interface DiffEditorInput {
  /** Tells this comparison apart from others of the same file (`git.index:src/a.ts`). */
  id: string;
  /** The workspace file both sides belong to. */
  path: string;
  /** After the file name in its tab: "Working Tree", "Index", a commit id. */
  label: string;
  /** The two sides, read-only unless the modified one is the open buffer. */
  description: string;
  /** The left side's text; null where the file did not exist. */
  original(): Promise<string | null>;
  /** The right side's text, or 'buffer' to edit the open file itself. */
  modified: 'buffer' | (() => Promise<string | null>);
  actions?: readonly DiffEditorAction[];
  /** A line of the right side to show first (where a change bar was clicked, say). */
  revealLine?: number;
  /** Adds to the diff editor while it is shown (actions per hunk, for instance); disposed with it. */
  attach?(context: DiffEditorContext): IDisposable;
}

/** The inputs of the diff tabs, by id; a tab names its input by id so the store stays serializable. */
const inputs = new Map<string, DiffEditorInput>();

export function rememberDiffInput(input: DiffEditorInput): void {
  inputs.set(input.id, input);
}

export function diffInputOf(id: string | undefined): DiffEditorInput | undefined {
  return id === undefined ? undefined : inputs.get(id);
}

/** The diff editor shown by each group, while it is on screen. */
const shown = new Map<number, { input: DiffEditorInput; diffEditor: editor.IStandaloneDiffEditor }>();

export function registerShownDiff(groupId: number, input: DiffEditorInput, diffEditor: editor.IStandaloneDiffEditor): () => void {
  const entry = { input, diffEditor };
  shown.set(groupId, entry);
  return () => {
    if (shown.get(groupId) === entry) shown.delete(groupId);
  };
}

/** The diff editor of the active group, with its input, when that group shows one. */
export function activeDiffEditor(): { input: DiffEditorInput; diffEditor: editor.IStandaloneDiffEditor } | undefined {
  return shown.get(useEditorStore.getState().activeGroupId);
}
