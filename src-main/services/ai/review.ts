import type { z } from 'zod';
import {
  aiReviewFindingSchema,
  LatheError,
  type aiReviewCategories,
  type aiReviewInputSchema,
  type AiFailure,
  type AiLineRegion,
  type AiReviewChunk,
  type AiReviewFinding,
} from '../../../src-shared/contract';
import { textLines } from '../../../src-shared/apply';
import type { RuleText } from './context-files';
import { completedAnswer, requestFailure, type AskModel } from './generation';
import { checkRegion } from './line-region';
import { withRules } from './prompts';
import type { ProviderMessage } from './provider';

type ReviewInput = z.output<typeof aiReviewInputSchema>;

const categoryMeaning: Record<(typeof aiReviewCategories)[number], string> = {
  security: 'security holes',
  performance: 'performance problems',
  smell: 'code smells',
  'best-practice': 'departures from best practice',
  bug: 'bugs',
};

/**
 * Reviews a file or a region: the model answers with JSON findings, which are checked one by one against the
 * contract and the lines that were shown. Findings that fail are counted, not repaired; an answer with no
 * list in it at all is a malformed response.
 */
export async function review(input: ReviewInput, rules: RuleText[], ask: AskModel, emit: (chunk: AiReviewChunk) => Promise<void>): Promise<void> {
  const lines = textLines(input.content);
  checkRegion(input.region, lines.length);
  const shown = input.region ?? { startLine: 1, endLine: lines.length };
  if (shown.endLine < shown.startLine) throw new LatheError('INVALID_INPUT', 'There is nothing to review: no lines are selected');
  const answer = completedAnswer(await ask(reviewMessages(input, lines, shown, rules)));
  if (!answer) return;
  const parsed = parseFindings(answer.text, shown);
  if (!parsed) {
    const reason: AiFailure = { code: 'malformed-response', message: `${answer.answeredBy.model} answered the review without a JSON list of findings` };
    throw requestFailure({ failures: [{ ...answer.answeredBy, reason }], error: reason }, undefined);
  }
  await emit({ kind: 'findings', path: input.path, ...parsed });
  await emit({ kind: 'done', answeredBy: answer.answeredBy, cached: answer.cached, usage: answer.usage });
}

function reviewMessages(input: ReviewInput, lines: readonly string[], shown: AiLineRegion, rules: RuleText[]): ProviderMessage[] {
  const kinds = input.categories.map((category) => `"${category}" (${categoryMeaning[category]})`).join(', ');
  const instructions = [
    `You review code for problems of these kinds: ${kinds}. Report only problems worth fixing, the most serious first; an empty list is a fine answer.`,
    'Answer with a JSON array in a ```json block and nothing else. Each element is an object like this:',
    '{"category": "bug", "severity": "error", "startLine": 12, "endLine": 14, "message": "what is wrong and why", "suggestion": "how to fix it"}',
    `"category" is one of ${input.categories.map((category) => `"${category}"`).join(', ')}; "severity" is "error", "warning" or "info"; "suggestion" may be left out. ` +
      'startLine and endLine are the numbers shown before the lines, both included.',
  ].join('\n\n');
  const width = String(shown.endLine).length;
  const numbered = lines.slice(shown.startLine - 1, shown.endLine).map((line, index) => `${String(shown.startLine + index).padStart(width)}| ${line}`);
  const whole = shown.startLine === 1 && shown.endLine === lines.length;
  const header = `<file path="${input.path}"${whole ? '' : ` lines="${shown.startLine}-${shown.endLine} of ${lines.length}"`}>`;
  const language = input.language ? `Language: ${input.language}\n\n` : '';
  return [
    { role: 'system', content: withRules(instructions, rules) },
    { role: 'user', content: `${language}Review ${whole ? 'this file' : 'these lines'}:\n\n${header}\n${numbered.join('\n')}\n</file>` },
  ];
}

/** The findings of an answer: the JSON of its fenced block, or from its first `[` to its last `]`; undefined when there is none. */
function parseFindings(answer: string, shown: AiLineRegion): { findings: AiReviewFinding[]; dropped: number } | undefined {
  const list = findingList(answer);
  if (!list) return undefined;
  const findings: AiReviewFinding[] = [];
  for (const item of list) {
    const parsed = aiReviewFindingSchema.safeParse(item);
    if (!parsed.success) continue;
    const { startLine, endLine } = parsed.data;
    if (startLine >= shown.startLine && startLine <= endLine && endLine <= shown.endLine) findings.push(parsed.data);
  }
  return { findings, dropped: list.length - findings.length };
}

function findingList(answer: string): unknown[] | undefined {
  const fenced = [...answer.matchAll(/```[\w-]*[^\S\n]*\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const open = answer.indexOf('[');
  const bracketed = open < 0 ? '' : answer.slice(open, answer.lastIndexOf(']') + 1);
  for (const candidate of [...fenced, bracketed]) {
    const value = parseJson(candidate);
    if (Array.isArray(value)) return value;
    // Some models wrap the list in an object.
    if (typeof value === 'object' && value !== null && Array.isArray((value as { findings?: unknown }).findings)) return (value as { findings: unknown[] }).findings;
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
