import { host } from '../../platform/host';
import { activeCodeEditor, getModel, showEditorPicker, useEditorStore, type PickerItem } from '../editor';
import { useProblemsStore } from '../language';
import { QuickOpenMatcher, useQuickOpenStore } from '../quick-open';
import { activeTerminalInstance, useTerminalStore } from '../terminal';
import type { ContextChip } from './context-chips';
import { problemsText } from './problems-context';

/** How much of a terminal goes with a message: its last lines, where the latest command's output is. */
const terminalLines = 200;
const pickerRows = 100;

/** The active editor's file and selected lines; null without a text editor in front. */
function activeEditorPlace() {
  const active = activeCodeEditor();
  if (!active) return null;
  const selection = active.editor.getSelection();
  if (!selection || selection.isEmpty()) return { active, selection: null, lines: null };
  // A selection that ends at the start of a line does not take that line.
  const end = selection.endColumn === 1 && selection.endLineNumber > selection.startLineNumber ? selection.endLineNumber - 1 : selection.endLineNumber;
  return { active, selection, lines: { start: selection.startLineNumber, end } };
}

/** The chip the active editor offers, for showing: its text is read only when the message is sent. */
export function activeEditorPreview(): ContextChip | null {
  const place = activeEditorPlace();
  if (!place) return null;
  const { path } = place.active;
  return place.lines ? { kind: 'selection', path, startLine: place.lines.start, endLine: place.lines.end, text: '' } : { kind: 'file', path };
}

/** The active editor's selection, or its whole file when nothing is selected; null without a text editor. */
export function activeEditorChip(): ContextChip | null {
  const place = activeEditorPlace();
  if (!place) return null;
  const { active, selection, lines } = place;
  if (selection && lines) return { kind: 'selection', path: active.path, startLine: lines.start, endLine: lines.end, text: active.model.getValueInRange(selection) };
  return fileChip(active.path);
}

/** A file as the workbench has it: read from disk when saved, the buffer's text when it has unsaved edits. */
function fileChip(path: string): ContextChip {
  const dirty = useEditorStore.getState().files.find((file) => file.path === path)?.dirty === true;
  const model = dirty ? getModel(path) : undefined;
  return model ? { kind: 'unsaved-file', path, text: model.getValue() } : { kind: 'file', path };
}

export function openEditorChips(): ContextChip[] {
  return useEditorStore
    .getState()
    .files.filter((file) => file.deleted !== true)
    .map((file) => fileChip(file.path));
}

/** The last lines of the active terminal; null when there is none or it shows nothing. */
export function terminalChip(): Extract<ContextChip, { kind: 'terminal' }> | null {
  const instance = activeTerminalInstance();
  const text = instance?.recentText(terminalLines).trim();
  if (!instance || !text) return null;
  return { kind: 'terminal', name: useTerminalStore.getState().terminals[instance.id]?.name ?? 'Terminal', text };
}

/** The errors and warnings of the Problems view; null when there are none. */
export function problemsChip(): Extract<ContextChip, { kind: 'problems' }> | null {
  const { text, count } = problemsText(useProblemsStore.getState().bySource);
  return count === 0 ? null : { kind: 'problems', count, text };
}

function pick(placeholder: string, items: (query: string) => readonly PickerItem[], emptyText: string): Promise<PickerItem | undefined> {
  return new Promise((resolve) => {
    showEditorPicker({ placeholder, items, emptyText, onPick: resolve, onCancel: () => resolve(undefined) });
  });
}

/** `@file`: the workspace's files, fuzzy-matched as in Go to File (recent files first). */
export async function pickFile(): Promise<ContextChip[]> {
  const matcher = new QuickOpenMatcher((await host().workspace.findFiles({})).paths);
  const picked = await pick(
    'Search for a file to attach',
    (query) =>
      matcher.items(query.trim(), useQuickOpenStore.getState().recent, pickerRows).map((item) => ({ id: item.path, label: item.name, description: item.folder })),
    'No matching files',
  );
  return picked ? [{ kind: 'file', path: picked.id }] : [];
}

/** `@folder`: every folder holding workspace files (the host sends the names of its files, not their text). */
export async function pickFolder(): Promise<ContextChip[]> {
  const { paths } = await host().workspace.findFiles({});
  const folders = new Set<string>();
  for (const path of paths) {
    for (let slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) folders.add(path.slice(0, slash));
  }
  const matcher = new QuickOpenMatcher([...folders].sort());
  const picked = await pick(
    'Search for a folder to attach',
    (query) => [
      ...(query.trim() === '' ? [{ id: '', label: 'Workspace folder', description: 'the names of all files' }] : []),
      ...matcher.items(query.trim(), [], pickerRows).map((item) => ({ id: item.path, label: item.name, description: item.folder })),
    ],
    'No matching folders',
  );
  return picked ? [{ kind: 'folder', path: picked.id }] : [];
}

/** "Add Context…" (and `@` in the composer): what can go with a message, and the chips the user picked. */
export async function pickContext(): Promise<ContextChip[]> {
  const editor = activeEditorChip();
  const openCount = useEditorStore.getState().files.filter((file) => file.deleted !== true).length;
  const problems = problemsChip();
  const terminal = terminalChip();
  const sources: { item: PickerItem; chips: () => Promise<ContextChip[]> }[] = [
    { item: { id: 'file', label: 'Files…', description: '@file' }, chips: pickFile },
    { item: { id: 'folder', label: 'Folders…', description: '@folder' }, chips: pickFolder },
  ];
  if (editor) {
    const label = editor.kind === 'selection' ? 'Selection' : 'Current File';
    sources.push({ item: { id: 'editor', label, description: 'path' in editor ? editor.path : '' }, chips: async () => [editor] });
  }
  if (openCount > 0) {
    sources.push({ item: { id: 'open-editors', label: 'Open Editors', description: `${String(openCount)} file${openCount === 1 ? '' : 's'}` }, chips: async () => openEditorChips() });
  }
  if (problems) {
    sources.push({ item: { id: 'problems', label: 'Problems', description: `${String(problems.count)} errors and warnings` }, chips: async () => [problems] });
  }
  if (terminal) {
    sources.push({ item: { id: 'terminal', label: 'Terminal Output', description: `last ${String(terminalLines)} lines of ${terminal.name}` }, chips: async () => [terminal] });
  }
  const picked = await pick(
    'Attach context',
    (query) => sources.map((source) => source.item).filter((item) => item.label.toLowerCase().includes(query.trim().toLowerCase())),
    'Nothing to attach by that name',
  );
  return (await sources.find((source) => source.item.id === picked?.id)?.chips()) ?? [];
}
