import type { z } from 'zod';
import type { aiProposeEditInputSchema, AiLineRegion, AiPendingEdit, AiProposeEditChunk, AiUsage } from '../../../src-shared/contract';
import { retryMessage, textLines } from '../../../src-shared/apply';
import type { RuleText } from './context-files';
import type { EditPlanner } from './edit-planner';
import { proposeEditMessages, regionRetryMessage } from './edit-prompt';
import { completedAnswer, type AskModel } from './generation';
import { checkRegion } from './line-region';
import type { ProviderMessage } from './provider';

type ProposeEditInput = z.output<typeof aiProposeEditInputSchema>;

/**
 * Asks for an edit and plans the answer against the file's text. When blocks are refused, the model is told
 * why and asked once more; the corrected blocks apply on top of the ones that did apply, and whatever is
 * still refused is left to the user. Nothing is written.
 */
export async function proposeEdit(
  input: ProposeEditInput,
  rules: RuleText[],
  ask: AskModel,
  planner: EditPlanner,
  emit: (chunk: AiProposeEditChunk) => Promise<void>,
): Promise<void> {
  const lines = textLines(input.content);
  checkRegion(input.region, lines.length);
  const messages = proposeEditMessages(input, lines, rules);
  const first = completedAnswer(await ask(messages));
  if (!first) return;
  const firstPlan = await planner.plan({ text: input.content, answer: first.text, target: input });
  let last = first;
  let edit = firstPlan;
  let usage = first.usage;
  const retry = retryMessage(firstPlan, 0);
  if (retry !== undefined) {
    await emit({ kind: 'retry', refusals: firstPlan.refusals });
    const followUp: ProviderMessage[] = [
      ...messages,
      { role: 'assistant', content: first.text },
      { role: 'user', content: input.region ? regionRetryMessage(firstPlan.refusals) : retry },
    ];
    const second = completedAnswer(await ask(followUp, { first: first.answeredBy }));
    if (!second) return;
    // The corrected blocks apply to the text as the first answer left it; the hunks still start from the file as given.
    edit = await planner.plan({ text: firstPlan.newText, answer: second.text, target: input, original: input.content });
    usage = sumUsage(usage, second.usage);
    last = second;
  }
  await emit({ kind: 'plan', edit: { path: input.path, ...edit }, answer: last.text, retried: last !== first });
  await emit({ kind: 'done', answeredBy: last.answeredBy, cached: first.cached && last.cached, usage });
}

/** Plans an answer that was not asked for here (pasted from chat, sent by a plugin). */
export async function planFileEdit(
  input: { path: string; content: string; answer: string; region?: AiLineRegion | undefined },
  planner: EditPlanner,
): Promise<AiPendingEdit> {
  checkRegion(input.region, textLines(input.content).length);
  return { path: input.path, ...(await planner.plan({ text: input.content, answer: input.answer, target: input })) };
}

function sumUsage(a: AiUsage, b: AiUsage): AiUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    exact: a.exact && b.exact,
    costUsd: a.costUsd === null || b.costUsd === null ? null : a.costUsd + b.costUsd,
    timeToFirstTokenMs: a.timeToFirstTokenMs,
    totalMs: a.totalMs + b.totalMs,
  };
}
