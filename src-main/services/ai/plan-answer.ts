import type { AiLineRegion } from '../../../src-shared/contract';
import { diffHunks, parseAnswer, planEdit, planRewrite, rawLines, type PendingEdit, type SyntaxParser } from '../../../src-shared/apply';

/** What to plan: a model's answer against a text, for a file and maybe a region of it. */
export interface PlanRequest {
  readonly text: string;
  readonly answer: string;
  readonly target: { readonly path: string; readonly region?: AiLineRegion | undefined };
  /** The file as the edit started, when `text` is that file with earlier blocks applied: the hunks then start from it. */
  readonly original?: string;
}

/**
 * A region is replaced by the answer (the body of its fence, when it has one); blocks or a diff, in the region's
 * place or without a region, go wherever their search text is. Given a parser for the file's language, blocks
 * placed by a loose match also answer to its syntax.
 */
export function planAnswer(request: PlanRequest, syntax?: SyntaxParser): PendingEdit {
  const planned = planOn(request.text, request.answer, request.target, syntax);
  if (request.original === undefined) return planned;
  return { ...planned, original: request.original, hunks: diffHunks(rawLines(request.original), rawLines(planned.newText)) };
}

function planOn(text: string, answer: string, target: PlanRequest['target'], syntax: SyntaxParser | undefined): PendingEdit {
  if (target.region) {
    const parsed = parseAnswer(answer);
    if (parsed.kind === 'rewrite') return planRewrite(text, parsed.text, target.region);
    if (parsed.kind === 'none') return planRewrite(text, answer, target.region);
  }
  return planEdit(text, answer, { path: target.path, syntax });
}
