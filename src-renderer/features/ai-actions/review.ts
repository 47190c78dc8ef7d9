import type { AiLineRegion, AiReviewChunk } from '../../../src-shared/contract';
import { runCommand } from '../../app/commands';
import { host } from '../../platform/host';
import { activeCodeEditor } from '../editor';
import { setProblems, useProblemsStore } from '../language';
import { notify } from '../notifications';
import { activeTarget, placeLabel, selectedLines, type EditorTarget } from './editor-target';
import { findingDiagnostic, mergeFindings, reviewSource } from './review-findings';
import { addReview, cancelReview, removeReview, reviewOf, useRunningReviews, type RunningReview } from './running-reviews';

type FoundFindings = Extract<AiReviewChunk, { kind: 'findings' }>;

function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** What was reviewed: the file, the lines shown (all of them without a region) and how the user names them. */
interface Reviewed {
  path: string;
  lines: readonly string[];
  region: AiLineRegion | undefined;
  label: string;
}

/** Puts a review's findings in the Problems view and says how many there were. */
function showFindings({ path, lines, region, label }: Reviewed, found: FoundFindings): void {
  const previous = useProblemsStore.getState().bySource[reviewSource]?.[path] ?? [];
  setProblems(reviewSource, path, mergeFindings(previous, found.findings.map((finding) => findingDiagnostic(finding, lines)), region));
  const dropped = found.dropped > 0 ? ` (${String(found.dropped)} more dropped: malformed, or outside the reviewed lines)` : '';
  if (found.findings.length > 0) void runCommand('workbench.actions.view.problems');
  notify({ severity: 'info', message: `AI review of ${label}: ${found.findings.length > 0 ? plural(found.findings.length, 'finding') : 'nothing to report'}${dropped}.` });
}

/** Reviews a file, or some of its lines, as the editor holds it; a new review of the file replaces one still running. */
function review({ model, path }: EditorTarget, region: AiLineRegion | undefined): void {
  const previous = reviewOf(path);
  if (previous) cancelReview(previous);
  const reviewed: Reviewed = { path, lines: model.getLinesContent(), region, label: region ? placeLabel(path, region) : path };
  let found: FoundFindings | undefined;
  const running: RunningReview = { path, label: reviewed.label, stream: { dispose: () => undefined } };
  addReview(running);
  running.stream = host().ai.review(
    { path, content: model.getValue(), language: model.getLanguageId(), ...(region ? { region } : {}) },
    {
      next: (chunk) => {
        if (chunk.kind === 'findings') found = chunk;
      },
      error: (error) => {
        if (removeReview(running)) notify({ severity: 'error', message: `The AI review of ${reviewed.label} failed: ${error.message}` });
      },
      complete: () => {
        if (!removeReview(running)) return;
        if (found) showFindings(reviewed, found);
        else notify({ severity: 'warning', message: `The AI review of ${reviewed.label} ended without an answer.` });
      },
    },
  );
}

export function reviewFile(): void {
  const target = activeTarget('review it');
  if (target) review(target, undefined);
}

/** Reviews some lines: the selection by default. */
export function reviewLines(lines?: AiLineRegion): void {
  const target = activeTarget('review a selection of it');
  if (!target) return;
  const region = lines ?? selectedLines(target.editor.getSelection());
  if (region) review(target, region);
  else notify({ severity: 'info', message: 'Select the lines to review first.', actions: [{ label: 'Review File', run: () => review(target, undefined) }] });
}

/** Cancels the active file's review, or the only one running. */
export function cancelActiveReview(): void {
  const { reviews } = useRunningReviews.getState();
  const activePath = activeCodeEditor()?.path;
  const running = (activePath === undefined ? undefined : reviewOf(activePath)) ?? (reviews.length === 1 ? reviews[0] : undefined);
  if (running) cancelReview(running);
  else notify({ severity: 'info', message: 'No AI review is running.' });
}
