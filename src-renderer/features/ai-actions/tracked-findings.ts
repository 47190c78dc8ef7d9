import type { editor, IDisposable, IRange } from 'monaco-editor';
import type { Diagnostic, Disposable } from '../../../src-shared/contract';
import { getModel, onModelLifecycle, type Monaco } from '../editor';
import { fromMonacoRange, setProblems, toMonacoRange, useProblemsStore, type Problem } from '../language';
import { reviewSource } from './review-findings';

interface TrackedFinding {
  diagnostic: Diagnostic;
  decoration: string;
  /** The text of its lines when a fix was asked for: once they read otherwise, the fix is in and the finding goes. */
  beforeFix: string | undefined;
}

/** An open file's findings, each followed through edits by a decoration on its model. */
interface TrackedFile {
  model: editor.ITextModel;
  /** The file's list as the registry holds it, to tell the writes made here from a new review's. */
  findings: readonly Diagnostic[];
  tracked: TrackedFinding[];
  listener: IDisposable;
}

const files = new Map<string, TrackedFile>();

function findingsOf(path: string): readonly Diagnostic[] {
  return useProblemsStore.getState().bySource[reviewSource]?.[path] ?? [];
}

/** The text of the whole lines a range is on. */
function linesText(model: editor.ITextModel, range: IRange): string {
  return model.getValueInRange({ startLineNumber: range.startLineNumber, startColumn: 1, endLineNumber: range.endLineNumber, endColumn: model.getLineMaxColumn(range.endLineNumber) });
}

function untrack(path: string): void {
  const file = files.get(path);
  if (!file) return;
  files.delete(path);
  file.listener.dispose();
  if (!file.model.isDisposed()) file.model.deltaDecorations(file.tracked.map(({ decoration }) => decoration), []);
}

/** Moves the file's findings to where their code is now, and takes off those whose fix went in. */
function follow(monaco: Monaco, path: string, file: TrackedFile): void {
  const { model } = file;
  const fixed: string[] = [];
  let moved = false;
  file.tracked = file.tracked.flatMap((finding) => {
    const range = model.getDecorationRange(finding.decoration);
    if (!range) return [finding];
    if (finding.beforeFix !== undefined && linesText(model, range) !== finding.beforeFix) {
      fixed.push(finding.decoration);
      return [];
    }
    if (monaco.Range.equalsRange(range, toMonacoRange(finding.diagnostic.range))) return [finding];
    moved = true;
    return [{ ...finding, diagnostic: { ...finding.diagnostic, range: fromMonacoRange(range) } }];
  });
  if (fixed.length === 0 && !moved) return;
  model.deltaDecorations(fixed, []);
  file.findings = file.tracked.map(({ diagnostic }) => diagnostic);
  setProblems(reviewSource, path, file.findings);
}

/** Follows the file's findings as the registry has them now (a review replaced them, or they were cleared). */
function track(monaco: Monaco, path: string): void {
  const model = getModel(path);
  const findings = findingsOf(path);
  const previous = files.get(path);
  if (previous && previous.model === model && previous.findings === findings) return;
  untrack(path);
  if (!model || findings.length === 0) return;
  // A finding still in the list keeps the fix it waits for.
  const waiting = new Map(previous?.tracked.map(({ diagnostic, beforeFix }) => [diagnostic, beforeFix]));
  const stickiness = monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges;
  const decorations = model.deltaDecorations([], findings.map(({ range }) => ({ range: toMonacoRange(range), options: { stickiness } })));
  const file: TrackedFile = {
    model,
    findings,
    tracked: findings.map((diagnostic, index) => ({ diagnostic, decoration: decorations[index] ?? '', beforeFix: waiting.get(diagnostic) })),
    listener: model.onDidChangeContent(() => follow(monaco, path, file)),
  };
  files.set(path, file);
}

/**
 * Keeps AI review findings on the code they are about while their file is edited: lines added or removed above a
 * finding move it, in the Problems view and in the editor's squiggles alike.
 */
export function trackReviewFindings(monaco: Monaco): Disposable {
  const unsubscribe = useProblemsStore.subscribe((state, previous) => {
    const now = state.bySource[reviewSource] ?? {};
    const before = previous.bySource[reviewSource] ?? {};
    if (now === before) return;
    for (const path of new Set([...Object.keys(now), ...Object.keys(before)])) if (now[path] !== before[path]) track(monaco, path);
  });
  const lifecycle = onModelLifecycle({
    opened: (path) => track(monaco, path),
    closed: (path) => untrack(path),
    moved: (from, to) => {
      untrack(from);
      track(monaco, to);
    },
  });
  return {
    dispose() {
      unsubscribe();
      lifecycle.dispose();
      for (const path of [...files.keys()]) untrack(path);
    },
  };
}

/** Takes a finding off once the text of its lines changes (its fix accepted), wherever other edits move it. */
export function dropFindingOnceRewritten({ path, diagnostic }: Problem): void {
  const file = files.get(path);
  const finding = file?.tracked.find((candidate) => candidate.diagnostic === diagnostic);
  const range = finding && file?.model.getDecorationRange(finding.decoration);
  if (file && finding && range) finding.beforeFix = linesText(file.model, range);
}
