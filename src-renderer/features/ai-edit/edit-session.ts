import type { editor, IDisposable } from 'monaco-editor';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { AiLineRegion, AiProposeEditChunk, AiProviderStatus, Disposable, LatheErrorData } from '../../../src-shared/contract';
import { textLines } from '../../../src-shared/apply/lines';
import { host } from '../../platform/host';
import type { Monaco } from '../editor';
import type { Problem } from '../language';
import { inCargoCrate, saveAndCheck } from './cargo-check';
import { DiffDrawing, zoneOrder, type DrawnChange } from './diff-drawing';
import { EditBox, type EditBoxActions } from './EditBox';
import { TrackedRegion } from './edit-region';
import { HunkActions } from './hunk-actions';
import { liveDiff } from './live-diff';
import { modelLabel, plannedModel } from './model-label';
import { diagnosticsSettled, fileProblems, followFileProblems, newProblems, type NewProblem } from './new-problems';
import { PendingHunks, type LiveHunk } from './pending-hunks';
import { placeHunks } from './place-hunks';
import { updateBox, useAiEditStore, type EditBox as EditBoxState, type ProblemsCheck } from './store';
import { streamedLines } from './streamed-lines';
import { retryText } from './words';
import { ZoneOverlay } from './zone-overlay';

/** The editor an edit is made in, and the file it shows. */
export interface EditTarget {
  monaco: Monaco;
  editor: editor.ICodeEditor;
  model: editor.ITextModel;
  path: string;
}

export interface EditOptions {
  /** The lines to rewrite (empty: insert there); absent, the model edits the whole file with SEARCH/REPLACE blocks. */
  region?: AiLineRegion;
  title?: string;
  /** What the edit is about beyond the instruction: a diagnostic, a review finding. */
  context?: string;
}

interface Request {
  stream: Disposable;
  instruction: string;
  /** The buffer's text as sent: the plan's hunks are made against it. */
  sent: string;
  /** The region's lines as sent, to draw the rewrite against as it streams; null for a whole-file edit. */
  regionLines: string[] | null;
  text: string;
}

let lastId = 0;
let current: EditSession | undefined;

/** The edit box on screen, if any. */
export function currentEditSession(): EditSession | undefined {
  return current;
}

/** Opens an edit box in the editor, closing the one open before (one box at a time). */
export function openEditSession(target: EditTarget, options: EditOptions): EditSession {
  current?.close();
  current = new EditSession(target, options);
  return current;
}

/**
 * One edit box and the edit it makes: the requests sent from it (each follow-up refines the last answer), the
 * rewrite drawn over the buffer as it streams, the planned hunks to accept or reject one by one, and the file's
 * new problems once changes are accepted. The buffer changes only when hunks are accepted.
 */
export class EditSession {
  readonly id = ++lastId;
  private readonly region: TrackedRegion;
  private readonly drawing: DiffDrawing;
  private readonly hunkActions: HunkActions;
  private readonly box: ZoneOverlay;
  private readonly root: Root;
  private readonly listeners: IDisposable[];
  private request: Request | undefined;
  private pending: PendingHunks | undefined;
  /** Earlier instructions of this box and the answers to them, sent with each follow-up. */
  private readonly turns: { instruction: string; answer: string }[] = [];
  /** The file's problems when the plan arrived, to tell the new ones after changes are accepted. */
  private problemsBefore: Problem[] = [];
  private providers: AiProviderStatus[] = [];
  /** Once new problems are shown, they follow the file's problems until the box closes. */
  private unfollowProblems: (() => void) | undefined;
  private frame: number | undefined;
  private checks = 0;
  private closed = false;

  constructor(
    private readonly target: EditTarget,
    private readonly options: EditOptions,
  ) {
    const { monaco, editor: instance, model, path } = target;
    const cursorLine = instance.getPosition()?.lineNumber ?? 1;
    // A whole-file edit has no region; its box stays above the cursor's line.
    this.region = new TrackedRegion(monaco, model, options.region ?? { startLine: cursorLine, endLine: cursorLine - 1 });
    this.drawing = new DiffDrawing(monaco, instance);
    this.hunkActions = new HunkActions(instance, {
      accept: (hunkId) => {
        this.accept([hunkId]);
        instance.focus();
      },
      reject: (hunkId) => {
        this.reject([hunkId]);
        instance.focus();
      },
    });
    this.box = boxOverlay(instance, this.region.current().startLine - 1);
    useAiEditStore.setState({ box: this.initialBox() });
    this.root = createRoot(this.box.node);
    this.root.render(createElement(EditBox, { actions: this.actions() }));
    this.listeners = [model.onDidChangeContent(() => this.schedule()), instance.onDidChangeModel(() => this.close()), instance.onDidDispose(() => this.close())];
    void host()
      .ai.providers()
      .then((providers) => {
        this.providers = providers;
        if (!this.request && this.turns.length === 0) updateBox(this.id, { model: plannedModel(providers) });
      })
      .catch(() => undefined);
    void inCargoCrate(path).then((cargo) => updateBox(this.id, { cargo }));
  }

  /** Whether this box is open over that editor's file. */
  shows(instance: editor.ICodeEditor, model: editor.ITextModel): boolean {
    return !this.closed && this.target.editor === instance && this.target.model === model;
  }

  /** Whether the focus is in the box or in the editor it is open in. */
  hasFocus(): boolean {
    return this.target.editor.hasWidgetFocus();
  }

  hasPendingChanges(): boolean {
    return (this.pending?.size ?? 0) > 0;
  }

  focus(): void {
    this.box.node.querySelector('input')?.focus();
  }

  /** Asks for the edit, or for a refinement of the last answer; a proposal still waiting for review is replaced. */
  send(instruction: string): void {
    const text = instruction.trim();
    if (!text || this.request || this.closed) return;
    this.discardPending();
    const { model, path } = this.target;
    const content = model.getValue();
    const region = this.options.region ? this.region.current() : undefined;
    const request: Request = {
      stream: { dispose: () => undefined },
      instruction: text,
      sent: content,
      regionLines: region ? textLines(content).slice(region.startLine - 1, region.endLine) : null,
      text: '',
    };
    this.request = request;
    updateBox(this.id, (box) => ({
      status: 'streaming',
      instructions: [...box.instructions, text],
      model: plannedModel(this.providers),
      answer: '',
      notes: [],
      refusals: [],
      error: null,
      hunks: { pending: 0, accepted: 0, total: 0 },
      check: { state: 'none' },
    }));
    const { context } = this.options;
    request.stream = host().ai.proposeEdit(
      { path, content, instruction: text, language: model.getLanguageId(), history: [...this.turns], ...(region ? { region } : {}), ...(context ? { context } : {}) },
      {
        next: (chunk) => {
          if (this.request === request) this.receive(request, chunk);
        },
        error: (error) => {
          if (this.request === request) this.fail(error);
        },
        complete: () => {
          if (this.request === request) this.finishRequest();
        },
      },
    );
  }

  /** Stops the request: the host cancels the model's answer; the box stays for another try. */
  stop(): void {
    const request = this.request;
    if (!request) return;
    this.request = undefined;
    request.stream.dispose();
    // Once planned, the changes are there to review whatever the rest of the stream was.
    if (this.pending) return;
    this.drawing.draw([]);
    updateBox(this.id, { status: 'idle', answer: '' });
  }

  /** Closes the box: a running request is cancelled and changes not accepted are dropped. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.request?.stream.dispose();
    this.request = undefined;
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    for (const listener of this.listeners) listener.dispose();
    this.unfollowProblems?.();
    const hadFocus = this.box.node.contains(document.activeElement);
    this.discardPending();
    this.drawing.dispose();
    this.hunkActions.dispose();
    this.region.dispose();
    this.box.dispose();
    // Unmounted after the event that closed it has been handled by the box itself.
    queueMicrotask(() => this.root.unmount());
    if (current === this) {
      current = undefined;
      useAiEditStore.setState({ box: null });
    }
    if (hadFocus && this.target.editor.getModel() === this.target.model) this.target.editor.focus();
  }

  acceptAll(): void {
    if (this.pending) this.accept(this.pending.ids());
  }

  /** Drops every change not accepted yet, and the box with them. */
  rejectAll(): void {
    this.close();
  }

  private actions(): EditBoxActions {
    return {
      send: (instruction) => this.send(instruction),
      stop: () => this.stop(),
      acceptAll: () => this.acceptAll(),
      rejectAll: () => this.rejectAll(),
      close: () => this.close(),
      reveal: (line, column) => {
        const position = { lineNumber: line, column };
        this.target.editor.setPosition(position);
        this.target.editor.revealPositionInCenterIfOutsideViewport(position);
        this.target.editor.focus();
      },
      runCargoCheck: () => void this.runCargoCheck(),
    };
  }

  private initialBox(): EditBoxState {
    return {
      id: this.id,
      title: this.options.title ?? null,
      wholeFile: !this.options.region,
      status: 'idle',
      model: plannedModel(this.providers),
      instructions: [],
      answer: '',
      notes: [],
      refusals: [],
      hunks: { pending: 0, accepted: 0, total: 0 },
      error: null,
      check: { state: 'none' },
      cargo: false,
    };
  }

  private receive(request: Request, chunk: AiProposeEditChunk): void {
    switch (chunk.kind) {
      case 'answering':
        updateBox(this.id, { model: `${modelLabel(this.providers, chunk)}${chunk.cached ? ' (cached answer)' : ''}` });
        return;
      case 'fallback': {
        const next = chunk.to ? `; asking ${modelLabel(this.providers, chunk.to)}` : '';
        this.note(`${modelLabel(this.providers, chunk.from)} could not answer (${chunk.reason.message})${next}.`);
        return;
      }
      case 'notice':
        this.note(chunk.message);
        return;
      case 'text':
        request.text += chunk.text;
        this.schedule();
        return;
      case 'retry':
        // The corrected answer streams from the start.
        request.text = '';
        this.note(retryText(chunk.refusals));
        this.schedule();
        return;
      case 'plan':
        this.plan(request, chunk);
        return;
      case 'done':
        this.request = undefined;
        updateBox(this.id, { model: `${modelLabel(this.providers, chunk.answeredBy)}${chunk.cached ? ' (cached answer)' : ''}` });
        return;
    }
  }

  private plan(request: Request, { edit, answer }: Extract<AiProposeEditChunk, { kind: 'plan' }>): void {
    const { monaco, model, path } = this.target;
    this.turns.push({ instruction: request.instruction, answer });
    const { placed, edited } = placeHunks(edit.hunks, request.sent, model.getValue());
    this.pending = new PendingHunks(monaco, model, placed);
    this.problemsBefore = fileProblems(path);
    if (edited.length > 0) this.note(`${changeCount(edited.length)} left out: the lines they replace were edited while the answer was written.`);
    updateBox(this.id, {
      status: placed.length > 0 ? 'pending' : 'resolved',
      answer: '',
      refusals: edit.refusals,
      hunks: { pending: placed.length, accepted: 0, total: edit.hunks.length },
    });
    this.redraw();
  }

  private fail(error: LatheErrorData): void {
    this.request = undefined;
    // Once planned, the changes stay to review whatever became of the rest of the stream.
    if (this.pending) return;
    this.drawing.draw([]);
    updateBox(this.id, error.code === 'CANCELLED' ? { status: 'idle', answer: '' } : { status: 'failed', answer: '', error: error.message });
  }

  /** The stream ended; without a plan (cancelled by the host), there is nothing to review. */
  private finishRequest(): void {
    this.request = undefined;
    if (!this.pending) {
      this.drawing.draw([]);
      updateBox(this.id, (box) => (box.status === 'streaming' ? { status: 'idle', answer: '' } : {}));
    }
  }

  private accept(ids: readonly number[]): void {
    const pending = this.pending;
    if (!pending) return;
    const { applied, dropped } = pending.accept(this.target.editor, ids);
    this.noteDropped(dropped);
    updateBox(this.id, (box) => ({ hunks: { ...box.hunks, accepted: box.hunks.accepted + applied.length } }));
    this.redraw();
    if (applied.length > 0) void this.checkProblems();
  }

  private reject(ids: readonly number[]): void {
    this.pending?.remove(ids);
    this.redraw();
  }

  private discardPending(): void {
    this.pending?.dispose();
    this.pending = undefined;
    this.drawing.draw([]);
    this.hunkActions.show([]);
  }

  /** Waits for the language servers to look at the changed buffer, then lists the problems it did not have before. */
  private async checkProblems(): Promise<void> {
    const check = ++this.checks;
    const { path } = this.target;
    updateBox(this.id, { check: { state: 'waiting', by: 'language-server' } });
    const heard = await diagnosticsSettled(path);
    if (this.closed || check !== this.checks) return;
    this.showNewProblems('language-server', heard);
  }

  private async runCargoCheck(): Promise<void> {
    const check = ++this.checks;
    updateBox(this.id, { check: { state: 'waiting', by: 'cargo' } });
    await saveAndCheck(this.target.path);
    if (this.closed || check !== this.checks) return;
    this.showNewProblems('cargo', true);
  }

  /**
   * Lists the new problems, and keeps the list in step with the file's problems from then on: a server's later
   * pass, or the check on save that takes over from a cargo run, may publish after the wait is over.
   */
  private showNewProblems(by: Extract<ProblemsCheck, { state: 'done' }>['by'], heard: boolean): void {
    updateBox(this.id, { check: { state: 'done', by, heard, problems: this.newProblems() } });
    this.unfollowProblems ??= followFileProblems(this.target.path, () =>
      updateBox(this.id, (box) => (box.check.state === 'done' ? { check: { ...box.check, heard: true, problems: this.newProblems() } } : {})),
    );
  }

  private newProblems(): NewProblem[] {
    return newProblems(this.problemsBefore, fileProblems(this.target.path));
  }

  private note(text: string): void {
    updateBox(this.id, (box) => ({ notes: [...box.notes, text] }));
  }

  private noteDropped(dropped: readonly LiveHunk[]): void {
    for (const { line } of dropped) this.note(`The change at line ${String(line)} was dropped: the lines it replaces were edited.`);
  }

  /** Draws at most once a frame, however fast tokens stream or the buffer changes. */
  private schedule(): void {
    this.frame ??= requestAnimationFrame(() => {
      this.frame = undefined;
      this.redraw();
    });
  }

  private redraw(): void {
    if (this.closed) return;
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    const { startLine } = this.region.current();
    this.box.moveAfter(startLine - 1);
    const request = this.request;
    if (request && !this.pending) {
      if (request.regionLines) this.drawing.draw(liveChanges(request.regionLines, request.text, startLine));
      else updateBox(this.id, { answer: request.text });
      return;
    }
    if (!this.pending) return;
    const { live, dropped } = this.pending.check();
    this.noteDropped(dropped);
    this.drawing.draw(live.map(hunkChange));
    this.hunkActions.show(live.map(({ hunk, line }) => ({ hunkId: hunk.id, line })));
    updateBox(this.id, (box) => ({ status: live.length > 0 ? 'pending' : 'resolved', hunks: { ...box.hunks, pending: live.length } }));
  }
}

/** The room for the box, above the first line of the region. */
function boxOverlay(instance: editor.ICodeEditor, afterLine: number): ZoneOverlay {
  const node = document.createElement('div');
  node.className = 'ai-edit-box-host';
  return new ZoneOverlay(instance, node, { afterLineNumber: afterLine, ordinal: zoneOrder.box });
}

function changeCount(count: number): string {
  return count === 1 ? '1 change was' : `${String(count)} changes were`;
}

/** The streamed rewrite of a region starting at `startLine`, as changes to draw. */
function liveChanges(regionLines: readonly string[], text: string, startLine: number): DrawnChange[] {
  return liveDiff(regionLines, streamedLines(text)).map(({ at, removed, added }) => ({
    removed: removed > 0 ? { from: startLine + at, to: startLine + at + removed - 1 } : null,
    afterLine: startLine + at + removed - 1,
    added,
  }));
}

function hunkChange({ hunk, line }: LiveHunk): DrawnChange {
  const removed = hunk.oldLines.length;
  return {
    removed: removed > 0 ? { from: line, to: line + removed - 1 } : null,
    afterLine: line + removed - 1,
    added: textLines(hunk.newLines.join('')),
  };
}
