import type { FileEncoding } from '../../../src-shared/contract';
import { showEditorPicker } from './EditorPicker';
import { getModel, modelDetails, setEncoding, setIndentation } from './models';
import { loadMonaco } from './monaco-loader';
import { useEditorStore } from './store';

export const encodingLabels: Record<FileEncoding, string> = {
  utf8: 'UTF-8',
  utf8bom: 'UTF-8 with BOM',
  utf16le: 'UTF-16 LE',
  utf16be: 'UTF-16 BE',
};

function refresh(path: string): void {
  const details = modelDetails(path);
  if (details) useEditorStore.getState().setDetails(path, details);
}

function activePath(): string | null {
  const path = useEditorStore.getState().activePath;
  return path && getModel(path) ? path : null;
}

/** Spaces or tabs, and the tab size, for the active file. */
export function pickIndentation(): void {
  const path = activePath();
  const details = path ? modelDetails(path) : undefined;
  if (!path || !details) return;
  const sizes = [1, 2, 3, 4, 5, 6, 7, 8];
  const items = [
    ...sizes.map((size) => ({ id: `spaces-${String(size)}`, label: `Spaces: ${String(size)}`, description: 'Indent using spaces' })),
    ...sizes.map((size) => ({ id: `tabs-${String(size)}`, label: `Tab Size: ${String(size)}`, description: 'Indent using tabs' })),
  ];
  const { insertSpaces, tabSize } = details.indentation;
  showEditorPicker({
    placeholder: 'Select the indentation of the active file',
    items,
    activeId: `${insertSpaces ? 'spaces' : 'tabs'}-${String(tabSize)}`,
    onPick(item) {
      const [kind, size] = item.id.split('-');
      setIndentation(path, { insertSpaces: kind === 'spaces', tabSize: Number(size) });
      refresh(path);
    },
  });
}

/** The encoding the next save of the active file uses. */
export function pickEncoding(): void {
  const path = activePath();
  const details = path ? modelDetails(path) : undefined;
  if (!path || !details) return;
  showEditorPicker({
    placeholder: 'Select the encoding to save with',
    items: (Object.keys(encodingLabels) as FileEncoding[]).map((encoding) => ({ id: encoding, label: encodingLabels[encoding] })),
    activeId: details.encoding,
    onPick(item) {
      setEncoding(path, item.id as FileEncoding);
      refresh(path);
    },
  });
}

/** Switches the active file between LF and CRLF line endings (an undoable edit). */
export async function toggleEol(): Promise<void> {
  const path = activePath();
  const model = path ? getModel(path) : undefined;
  if (!path || !model) return;
  const monaco = await loadMonaco();
  const crlf = model.getEOL() === '\r\n';
  model.pushStackElement();
  model.pushEOL(crlf ? monaco.editor.EndOfLineSequence.LF : monaco.editor.EndOfLineSequence.CRLF);
  model.pushStackElement();
  refresh(path);
}

/** The language mode of the active file. */
export async function pickLanguage(): Promise<void> {
  const path = activePath();
  const model = path ? getModel(path) : undefined;
  if (!path || !model) return;
  const monaco = await loadMonaco();
  const languages = monaco.languages
    .getLanguages()
    .map((language) => ({ id: language.id, label: language.aliases?.[0] ?? language.id, description: language.id }))
    .sort((a, b) => a.label.localeCompare(b.label));
  showEditorPicker({
    placeholder: 'Select the language mode',
    items: languages,
    activeId: model.getLanguageId(),
    onPick(item) {
      const current = getModel(path);
      if (!current) return;
      monaco.editor.setModelLanguage(current, item.id);
      useEditorStore.getState().setDetails(path, { languageName: item.label });
    },
  });
}
