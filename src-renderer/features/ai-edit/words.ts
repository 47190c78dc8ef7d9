import type { AiEditRefusal } from '../../../src-shared/contract';
import type { EditBox } from './store';

const refusalWords: Record<AiEditRefusal['reason'], string> = {
  'not-found': 'its search text is not in the file',
  ambiguous: 'its search text matches more than one place',
  'empty-search': 'it quotes no lines to replace',
  'elision-mismatch': 'the code it leaves out ("...") does not match the file',
  unparsed: 'it is not written as an edit',
  'unsafe-rewrite': 'applying it would delete code',
  'syntax-error': 'applying it would leave a syntax error',
};

/** "Block 2 was not applied: its search text is not in the file (closest: lines 4-6, 81% alike)." */
export function refusalText(refusal: AiEditRefusal): string {
  const what = refusal.blockIndex < 0 ? 'The answer was not applied' : `Block ${String(refusal.blockIndex + 1)} was not applied`;
  const closest = refusal.closest ? ` (closest: lines ${String(refusal.closest.startLine)}-${String(refusal.closest.endLine)}, ${String(Math.round(refusal.closest.similarity * 100))}% alike)` : '';
  return `${what}: ${refusalWords[refusal.reason]}${closest}.`;
}

function changes(count: number): string {
  return count === 1 ? '1 change' : `${String(count)} changes`;
}

/** What the box is doing, in a few words. */
export function statusText(box: EditBox): string {
  const { pending, accepted, total } = box.hunks;
  switch (box.status) {
    case 'idle':
      return box.instructions.length > 0 ? 'Stopped' : '';
    case 'streaming':
      return 'Writing the edit…';
    case 'pending':
      return pending === total ? `${changes(total)} to review` : `${String(pending)} of ${changes(total)} left to review`;
    case 'resolved':
      return total === 0 ? 'No change proposed' : `${String(accepted)} of ${changes(total)} accepted`;
    case 'failed':
      return 'The edit failed';
  }
}

/** "1 new problem" / "3 new problems". */
export function newProblemsText(count: number): string {
  return count === 1 ? '1 new problem:' : `${String(count)} new problems:`;
}

/** One line for the retry the host made: blocks of the first answer were refused and the model was asked again. */
export function retryText(refusals: readonly AiEditRefusal[]): string {
  const blocks = refusals.length === 1 ? 'a block' : `${String(refusals.length)} blocks`;
  return `The first answer had ${blocks} that did not fit the file (${refusalWords[refusals[0]?.reason ?? 'not-found']}); the model was asked once more.`;
}
