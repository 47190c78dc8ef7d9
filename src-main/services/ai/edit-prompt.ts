import type { z } from 'zod';
import type { aiProposeEditInputSchema, AiEditRefusal, AiLineRegion } from '../../../src-shared/contract';
import type { RuleText } from './context-files';
import { withRules } from './prompts';
import type { ProviderMessage } from './provider';

type ProposeEditInput = z.output<typeof aiProposeEditInputSchema>;

/** Lines shown on each side of a region to rewrite, so the model sees what the code belongs to. */
const regionContextLines = 100;

const rewriteStart = '[REWRITE START]';
const rewriteEnd = '[REWRITE END]';
const insertHere = '[INSERT HERE]';

const regionInstructions =
  `You edit part of a file as instructed. The file is shown with the lines to rewrite between ${rewriteStart} and ${rewriteEnd}, ` +
  `or with ${insertHere} where new lines go. Answer with the new text for those lines only: no explanation, no Markdown fences, ` +
  'no line numbers or markers, nothing from before or after them. Write every line out in full (never "..." for code you keep) ' +
  "and keep the file's indentation and style.";

const blockInstructions = [
  'You edit a file as instructed. Answer with SEARCH/REPLACE blocks, each written like this:',
  '<<<<<<< SEARCH\nlines copied exactly from the current file\n=======\nthe lines that replace them\n>>>>>>> REPLACE',
  'Copy the SEARCH lines character for character, indentation included, with just enough lines to match one place in the file. ' +
    'Use one small block for each place, in the order they come in the file. To insert, quote the line next to the new code and ' +
    'repeat it in the replacement; to delete, leave the replacement empty. Write nothing but the blocks, apart from one sentence before them at most.',
].join('\n\n');

/**
 * The conversation that asks for an edit: the file (or the region with the code around it) and the first instruction,
 * then each earlier answer followed by the instruction that refines it, the last one being the new instruction.
 */
export function proposeEditMessages(input: ProposeEditInput, lines: readonly string[], rules: RuleText[]): ProviderMessage[] {
  const messages: ProviderMessage[] = [{ role: 'system', content: withRules(input.region ? regionInstructions : blockInstructions, rules) }];
  const turns: { instruction: string; answer?: string }[] = [...input.history, { instruction: input.instruction }];
  turns.forEach((turn, index) => {
    messages.push({ role: 'user', content: index === 0 ? opening(input, lines, turn.instruction) : refinement(turn.instruction, input.region) });
    if (turn.answer !== undefined) messages.push({ role: 'assistant', content: turn.answer });
  });
  return messages;
}

/** Asks once more for a region rewrite that could not be used, saying why. */
export function regionRetryMessage(refusals: readonly AiEditRefusal[]): string {
  const reasons = refusals.map((refusal) => refusal.detail).join('; ');
  return `Your new text for the marked lines could not be used: ${reasons}. Answer with the complete new text for the marked lines again, every line written out.`;
}

function opening(input: ProposeEditInput, lines: readonly string[], instruction: string): string {
  return [
    fileView(input.path, lines, input.region),
    ...(input.language ? [`Language: ${input.language}`] : []),
    ...(input.context ? [`What this is about:\n<context>\n${input.context}\n</context>`] : []),
    `Instruction: ${instruction}`,
  ].join('\n\n');
}

/** A follow-up: the plan is made from the last answer alone, so it must be complete again. */
function refinement(instruction: string, region: AiLineRegion | undefined): string {
  const again = region
    ? 'Answer with the complete new text for the marked lines again.'
    : 'Answer with every SEARCH/REPLACE block of the edit again, quoting the file as first shown: none of your earlier blocks has been applied.';
  return `Change your last answer: ${instruction}\n\n${again}`;
}

function fileView(path: string, lines: readonly string[], region: AiLineRegion | undefined): string {
  if (!region) return `<file path="${path}">\n${lines.join('\n')}\n</file>`;
  const from = Math.max(1, region.startLine - regionContextLines);
  const to = Math.min(lines.length, region.endLine + regionContextLines);
  const marked = region.endLine < region.startLine ? [insertHere] : [rewriteStart, ...lines.slice(region.startLine - 1, region.endLine), rewriteEnd];
  const shown = [...lines.slice(from - 1, region.startLine - 1), ...marked, ...lines.slice(region.endLine, to)];
  const excerpt = from > 1 || to < lines.length ? ` lines="${from}-${to} of ${lines.length}"` : '';
  return `<file path="${path}"${excerpt}>\n${shown.join('\n')}\n</file>`;
}
