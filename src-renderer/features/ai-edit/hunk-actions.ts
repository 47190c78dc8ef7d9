import type { editor, IDisposable } from 'monaco-editor';
import { zoneOrder } from './diff-drawing';
import { ZoneOverlay } from './zone-overlay';

export interface HunkActionHandlers {
  accept(hunkId: number): void;
  reject(hunkId: number): void;
}

function actionButton(label: string, title: string, testId: string, hunkId: number, run: (hunkId: number) => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `ai-edit-hunk-action ${testId}`;
  button.dataset.testid = testId;
  button.dataset.hunk = String(hunkId);
  button.textContent = label;
  button.title = title;
  button.addEventListener('click', () => run(hunkId));
  return button;
}

/** "Accept | Reject" above each pending hunk, in the style of a code lens. */
export class HunkActions implements IDisposable {
  private readonly shown = new Map<number, ZoneOverlay>();

  constructor(
    private readonly target: editor.ICodeEditor,
    private readonly handlers: HunkActionHandlers,
  ) {}

  /** Shows the actions of these hunks above the given lines, and takes away the others'. */
  show(hunks: readonly { hunkId: number; line: number }[]): void {
    const wanted = new Set(hunks.map(({ hunkId }) => hunkId));
    for (const [hunkId, overlay] of this.shown) {
      if (wanted.has(hunkId)) continue;
      overlay.dispose();
      this.shown.delete(hunkId);
    }
    for (const { hunkId, line } of hunks) {
      const existing = this.shown.get(hunkId);
      if (existing) existing.moveAfter(line - 1);
      else this.shown.set(hunkId, new ZoneOverlay(this.target, this.node(hunkId), { afterLineNumber: line - 1, ordinal: zoneOrder.actions }));
    }
  }

  dispose(): void {
    this.show([]);
  }

  private node(hunkId: number): HTMLElement {
    const node = document.createElement('div');
    node.className = 'ai-edit-hunk-actions';
    node.dataset.testid = 'ai-edit-hunk';
    node.dataset.hunk = String(hunkId);
    const separator = document.createElement('span');
    separator.className = 'ai-edit-hunk-separator';
    separator.textContent = '|';
    node.append(
      actionButton('Accept', 'Apply this change to the file', 'ai-edit-hunk-accept', hunkId, this.handlers.accept),
      separator,
      actionButton('Reject', 'Leave this part of the file as it is', 'ai-edit-hunk-reject', hunkId, this.handlers.reject),
    );
    return node;
  }
}
