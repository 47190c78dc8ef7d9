import { loadFile } from './actions';
import { useEditorStore } from './store';

export const isMarkdownPath = (path: string): boolean => /\.(md|markdown|mdown|mkd)$/i.test(path);

/** Shows the rendered markdown of a file, in the active group or the one beside it. */
export async function openMarkdownPreview(path: string, where: 'side' | 'here'): Promise<void> {
  if (!(await loadFile(path))) return;
  const tab = { path, view: 'markdown' as const };
  if (where === 'side') useEditorStore.getState().showTabToSide(tab);
  else useEditorStore.getState().showTab(tab);
}

/** The preview of the active markdown file (or the file behind an active preview). */
export function activeMarkdownPath(): string | null {
  const path = useEditorStore.getState().activePath;
  return path && isMarkdownPath(path) ? path : null;
}
