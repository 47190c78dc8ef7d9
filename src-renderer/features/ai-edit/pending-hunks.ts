import type { editor } from 'monaco-editor';
import type { AiEditHunk } from '../../../src-shared/contract';
import type { Monaco } from '../editor';
import { hasOldLines, hunkEdit, oldLinesRange } from './hunk-lines';
import type { PlacedHunk } from './place-hunks';

/** A hunk still waiting for Accept or Reject, and the buffer line where its old lines start now. */
export type LiveHunk = PlacedHunk;

/**
 * The hunks of a plan, followed through edits of the buffer by decorations over their old lines (a point, for
 * an insertion). A hunk is offered only while those lines are exactly as the plan saw them: one whose lines
 * were edited is dropped, never applied over the new text.
 */
export class PendingHunks {
  private readonly tracked = new Map<number, { hunk: AiEditHunk; decoration: string }>();

  constructor(
    monaco: Monaco,
    private readonly model: editor.ITextModel,
    placed: readonly PlacedHunk[],
  ) {
    const stickiness = monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges;
    const ids = model.deltaDecorations(
      [],
      placed.map(({ hunk, line }) => ({ range: oldLinesRange(model, line, hunk.oldLines.length), options: { stickiness } })),
    );
    placed.forEach(({ hunk }, index) => {
      const decoration = ids[index];
      if (decoration) this.tracked.set(hunk.id, { hunk, decoration });
    });
  }

  get size(): number {
    return this.tracked.size;
  }

  ids(): number[] {
    return [...this.tracked.keys()];
  }

  /** The hunks whose old lines are as they were, where they are now; the others are dropped and returned. */
  check(): { live: LiveHunk[]; dropped: LiveHunk[] } {
    const live: LiveHunk[] = [];
    const dropped: LiveHunk[] = [];
    for (const { hunk, decoration } of this.tracked.values()) {
      const range = this.model.getDecorationRange(decoration);
      const line = range?.startLineNumber ?? hunk.oldStart + 1;
      if (range && hasOldLines(this.model, hunk, range)) live.push({ hunk, line });
      else dropped.push({ hunk, line });
    }
    this.remove(dropped.map(({ hunk }) => hunk.id));
    return { live: live.sort((a, b) => a.line - b.line), dropped };
  }

  /** Applies those of the hunks that are unchanged as one undo step; the rest are dropped. */
  accept(target: editor.ICodeEditor, ids: readonly number[]): { applied: LiveHunk[]; dropped: LiveHunk[] } {
    const wanted = new Set(ids);
    const { live, dropped } = this.check();
    const applied = live.filter(({ hunk }) => wanted.has(hunk.id));
    this.remove(applied.map(({ hunk }) => hunk.id));
    if (applied.length === 0) return { applied, dropped };
    target.pushUndoStop();
    target.executeEdits('ai-edit', applied.map(({ hunk, line }) => hunkEdit(this.model, hunk, line)));
    target.pushUndoStop();
    return { applied, dropped };
  }

  remove(ids: readonly number[]): void {
    const gone = ids.flatMap((id) => {
      const entry = this.tracked.get(id);
      this.tracked.delete(id);
      return entry ? [entry.decoration] : [];
    });
    if (gone.length > 0) this.model.deltaDecorations(gone, []);
  }

  dispose(): void {
    this.remove(this.ids());
  }
}
