import type { AiLineRegion } from '../../../src-shared/contract';
import { startAiEdit } from '../ai-edit';
import { loadMonaco } from '../editor';
import type { Problem } from '../language';
import { notify } from '../notifications';
import { activeTarget } from './editor-target';
import { problemsOfMarkers } from './problems-at';
import { reviewSource } from './review-findings';
import { dropFindingOnceRewritten } from './tracked-findings';

/** The whole lines a problem covers; a range that ends at the start of a line does not take that line. */
function problemLines({ diagnostic: { range } }: Problem): AiLineRegion {
  const { start, end } = range;
  return { startLine: start.line, endLine: end.column === 1 && end.line > start.line ? end.line - 1 : end.line };
}

/** What the model is told about the problem: who reported it, where, how bad, and all it said. */
function problemContext({ source, path, diagnostic }: Problem): string {
  const origin = [diagnostic.source ?? source, diagnostic.code].filter(Boolean).join(' ');
  const { start, end } = diagnostic.range;
  const place = `${path}:${String(start.line)}:${String(start.column)}-${String(end.line)}:${String(end.column)}`;
  return `The problem to fix (${diagnostic.severity}, reported by ${origin} at ${place}):\n${diagnostic.message}`;
}

/** Asks for an edit of the problem's lines that fixes it, shown as a diff to accept or reject. */
export async function fixWithAi(problem: Problem): Promise<void> {
  const [headline = ''] = problem.diagnostic.message.split('\n');
  await startAiEdit({
    path: problem.path,
    region: problemLines(problem),
    instruction: `Fix this problem: ${headline}`,
    context: problemContext(problem),
    title: `Fix with AI: ${headline}`,
  });
  if (problem.source === reviewSource) dropFindingOnceRewritten(problem);
}

/** Fix with AI works on files of the workspace (not the user's settings file). */
export function isWorkspaceProblem(problem: Problem): boolean {
  return !problem.path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(problem.path);
}

/** Fixes the problem under the cursor (the first, when several overlap there). */
export async function fixProblemAtCursor(): Promise<void> {
  const target = activeTarget('fix a problem in it');
  if (!target) return;
  const monaco = await loadMonaco();
  const position = target.editor.getPosition();
  const markers = monaco.editor.getModelMarkers({ resource: target.model.uri }).filter((marker) => position && monaco.Range.containsPosition(marker, position));
  const [problem] = problemsOfMarkers(monaco, target.path, markers);
  if (problem) await fixWithAi(problem);
  else notify({ severity: 'info', message: 'There is no problem at the cursor to fix.' });
}
