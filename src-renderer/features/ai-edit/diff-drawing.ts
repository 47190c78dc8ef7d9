import type { editor, IDisposable } from 'monaco-editor';
import type { Monaco } from '../editor';

/** One change as the editor shows it: lines drawn as removed, and new lines shown below them. */
export interface DrawnChange {
  /** Buffer lines (1-based, inclusive) drawn as removed; null when lines are only added. */
  removed: { from: number; to: number } | null;
  /** The new lines show after this buffer line (0: above the first line). */
  afterLine: number;
  added: readonly string[];
}

interface AddedZone {
  id: string;
  zone: editor.IViewZone;
  text: string;
}

/** View zones of one file's editor are ordered: the edit box, then a change's actions, then its new lines. */
export const zoneOrder = { box: 0, actions: 1, added: 2 } as const;

/**
 * Draws proposed changes over the buffer without touching its text: removed lines get a red background, new
 * lines are shown in green view zones under them, in the editor's font. Drawing again reuses the zones, so a
 * streamed line does not rebuild every zone on every frame.
 */
export class DiffDrawing implements IDisposable {
  private readonly removed: editor.IEditorDecorationsCollection;
  private zones: AddedZone[] = [];

  constructor(
    private readonly monaco: Monaco,
    private readonly target: editor.ICodeEditor,
  ) {
    this.removed = target.createDecorationsCollection();
  }

  draw(changes: readonly DrawnChange[]): void {
    const { Range } = this.monaco;
    this.removed.set(
      changes.flatMap(({ removed }) =>
        removed
          ? [{ range: new Range(removed.from, 1, removed.to, 1), options: { isWholeLine: true, className: 'ai-edit-removed-line', marginClassName: 'ai-edit-removed-margin' } }]
          : [],
      ),
    );
    const added = changes.filter((change) => change.added.length > 0);
    this.target.changeViewZones((accessor) => {
      added.forEach((change, index) => {
        const text = change.added.join('\n');
        const existing = this.zones[index];
        if (!existing) {
          const zone: editor.IViewZone = {
            afterLineNumber: change.afterLine,
            ordinal: zoneOrder.added,
            heightInLines: change.added.length,
            domNode: this.addedNode(change.added),
            marginDomNode: marginNode(),
          };
          this.zones.push({ id: accessor.addZone(zone), zone, text });
          return;
        }
        if (existing.text !== text) {
          existing.zone.domNode.replaceChildren(...lineNodes(change.added));
          existing.text = text;
        }
        if (existing.zone.afterLineNumber !== change.afterLine || existing.zone.heightInLines !== change.added.length) {
          existing.zone.afterLineNumber = change.afterLine;
          existing.zone.heightInLines = change.added.length;
          accessor.layoutZone(existing.id);
        }
      });
      for (const stale of this.zones.splice(added.length)) accessor.removeZone(stale.id);
    });
  }

  dispose(): void {
    this.draw([]);
  }

  private addedNode(lines: readonly string[]): HTMLElement {
    const { EditorOption } = this.monaco.editor;
    const font = this.target.getOption(EditorOption.fontInfo);
    const node = document.createElement('div');
    node.className = 'ai-edit-added';
    node.dataset.testid = 'ai-edit-added';
    Object.assign(node.style, {
      fontFamily: font.fontFamily,
      fontSize: `${String(font.fontSize)}px`,
      fontWeight: font.fontWeight,
      letterSpacing: `${String(font.letterSpacing)}px`,
      lineHeight: `${String(this.target.getOption(EditorOption.lineHeight))}px`,
      tabSize: String(this.target.getModel()?.getOptions().tabSize ?? 4),
    });
    node.append(...lineNodes(lines));
    return node;
  }
}

function lineNodes(lines: readonly string[]): HTMLElement[] {
  return lines.map((line) => {
    const node = document.createElement('div');
    node.className = 'ai-edit-added-line';
    node.textContent = line;
    return node;
  });
}

function marginNode(): HTMLElement {
  const node = document.createElement('div');
  node.className = 'ai-edit-added-margin';
  return node;
}
