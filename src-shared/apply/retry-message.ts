import type { PendingEdit, Refusal } from './types.js';

/** A refused edit goes back to the model once; after that the user decides. */
export const MAX_RETRIES = 1;

/**
 * The message that tells the model which blocks were refused and why, or undefined when nothing was refused
 * or the retry has already been spent.
 */
export function retryMessage(edit: PendingEdit, retriesSoFar: number): string | undefined {
  if (!edit.refusals.length || retriesSoFar >= MAX_RETRIES) return undefined;
  const appliedNote = edit.applied.length ? ` The other ${edit.applied.length} block(s) applied; do not send them again.` : '';
  return [
    `${edit.refusals.length} edit block(s) could not be applied.${appliedNote}`,
    ...edit.refusals.map(describeRefusal),
    'Send corrected SEARCH/REPLACE blocks for these only, with the SEARCH text copied exactly from the current file.',
  ].join('\n\n');
}

function describeRefusal(refusal: Refusal): string {
  const name = refusal.blockIndex < 0 ? 'The answer' : `Block ${refusal.blockIndex + 1}`;
  const parts = [`${name} (${refusal.reason}): ${refusal.detail}.`];
  if (refusal.reason === 'syntax-error') parts.push('Its SEARCH text must be copied exactly from the file, and its REPLACE text must close every bracket and block it opens.');
  if (refusal.search.length) parts.push(`It searched for:\n${fenced(refusal.search.join('\n'))}`);
  if (refusal.closest && refusal.closestText !== undefined) {
    const { startLine, endLine, similarity } = refusal.closest;
    parts.push(`Closest text, lines ${startLine}-${endLine} (${Math.round(similarity * 100)}% similar):\n${fenced(refusal.closestText)}`);
  }
  return parts.join('\n');
}

function fenced(text: string): string {
  const longestRun = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence}\n${text}\n${fence}`;
}
