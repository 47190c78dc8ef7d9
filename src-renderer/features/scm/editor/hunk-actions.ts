import type { editor, IDisposable } from 'monaco-editor';
import type { GitDiffHunk } from '../../../../src-shared/contract';
import { host } from '../../../platform/host';
import type { Monaco } from '../../editor';
import { hunkAnchor } from './line-selection';
import { applyToHunk } from './stage-lines';

type Direction = 'stage' | 'unstage';

/** A line above a hunk's first change, in the style of a code lens: "Stage Hunk" and the hunk's header. */
function hunkActionNode(direction: Direction, path: string, hunk: GitDiffHunk): HTMLElement {
  // Monaco sets the display of a widget's own node: the layout lives one level down.
  const widget = document.createElement('div');
  const node = document.createElement('div');
  widget.append(node);
  node.className = 'scm-hunk-actions';
  node.dataset.testid = 'hunk-actions';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'scm-hunk-action';
  button.dataset.testid = direction === 'stage' ? 'stage-hunk' : 'unstage-hunk';
  button.textContent = direction === 'stage' ? 'Stage Hunk' : 'Unstage Hunk';
  button.addEventListener('click', () => void applyToHunk(direction, path, hunk));
  const header = document.createElement('span');
  header.className = 'scm-hunk-header';
  header.textContent = `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@${hunk.heading ? ` ${hunk.heading}` : ''}`;
  node.append(button, header);
  return widget;
}

/**
 * Puts "Stage Hunk" (or "Unstage Hunk") above every hunk of the file's git diff, in the right side of
 * a diff editor, the way code lenses are made: a view zone makes room above the hunk's first change,
 * and a content widget (which, unlike a zone, takes clicks) sits in it. The hunks come from git, as
 * staging uses them; `refresh` reads them again.
 */
export function showHunkActions(monaco: Monaco, target: editor.ICodeEditor, direction: Direction, path: string): IDisposable & { refresh(): Promise<void> } {
  let zoneIds: string[] = [];
  let widgets: editor.IContentWidget[] = [];
  let disposed = false;
  let latest = 0;
  const place = (hunks: readonly GitDiffHunk[]): void => {
    for (const widget of widgets) target.removeContentWidget(widget);
    const lineCount = target.getModel()?.getLineCount() ?? 0;
    const placed = hunks.map((hunk, index) => {
      const anchor = Math.min(hunkAnchor(hunk), lineCount);
      // Above the line after the anchor, where the zone makes room; after the last line, below it.
      const below = anchor >= lineCount;
      const node = hunkActionNode(direction, path, hunk);
      const widget: editor.IContentWidget = {
        allowEditorOverflow: false,
        suppressMouseDown: true,
        getId: () => `scm.hunk.${direction}.${index}`,
        getDomNode: () => node,
        getPosition: () => ({
          position: { lineNumber: below ? Math.max(1, anchor) : anchor + 1, column: 1 },
          preference: [below ? monaco.editor.ContentWidgetPositionPreference.BELOW : monaco.editor.ContentWidgetPositionPreference.ABOVE],
        }),
      };
      return { anchor, widget };
    });
    target.changeViewZones((accessor) => {
      for (const id of zoneIds) accessor.removeZone(id);
      zoneIds = placed.map(({ anchor }) => accessor.addZone({ afterLineNumber: anchor, heightInLines: 1, domNode: document.createElement('div') }));
    });
    widgets = placed.map(({ widget }) => widget);
    for (const widget of widgets) target.addContentWidget(widget);
  };
  const refresh = async (): Promise<void> => {
    const asked = ++latest;
    const diff = await host()
      .git.diff({ path, staged: direction === 'unstage' })
      .catch(() => null);
    if (disposed || asked !== latest) return;
    place(diff && !diff.binary && !diff.tooLarge ? diff.hunks : []);
  };
  void refresh();
  return {
    refresh,
    dispose: () => {
      disposed = true;
      place([]);
    },
  };
}
