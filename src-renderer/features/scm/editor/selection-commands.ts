import { activeCodeEditor, activeDiffEditor } from '../../editor';
import { notify } from '../../notifications';
import { lastFocusedSide, stagingDirectionOf } from './git-diff-inputs';
import { selectedLineRanges } from './line-selection';
import { applyToSelectedLines } from './stage-lines';

/**
 * "Stage Selected Lines" and "Unstage Selected Lines" from the palette: in a diff of the index, the
 * selection of the side last focused; staging also works from the file's own editor.
 */
export async function applyToActiveSelection(direction: 'stage' | 'unstage'): Promise<void> {
  const shown = activeDiffEditor();
  if (shown && stagingDirectionOf(shown.input) === direction) {
    const side = lastFocusedSide(shown.diffEditor);
    const target = side === 'old' ? shown.diffEditor.getOriginalEditor() : shown.diffEditor.getModifiedEditor();
    await applyToSelectedLines(direction, shown.input.path, side, selectedLineRanges(target.getSelections() ?? []));
    return;
  }
  const active = direction === 'stage' ? activeCodeEditor() : undefined;
  if (active) {
    await applyToSelectedLines('stage', active.path, 'new', selectedLineRanges(active.editor.getSelections() ?? []));
    return;
  }
  notify({
    severity: 'info',
    message: direction === 'stage' ? 'Open a changed file, or its changes, to stage lines of it.' : 'Open the staged changes of a file (its Index diff) to unstage lines of it.',
  });
}
