import { useMemo } from 'react';
import { Codicon } from '../../../platform/ui/Codicon';
import { countProblems, type ProblemCounts } from './problem-list';
import { useProblemsStore } from './problems-store';
import { showProblems } from './show-problems';

const plural = (count: number, word: string): string => `${String(count)} ${word}${count === 1 ? '' : 's'}`;

export function useProblemCounts(): ProblemCounts {
  const bySource = useProblemsStore((state) => state.bySource);
  return useMemo(() => countProblems(bySource), [bySource]);
}

/** Errors and warnings of the whole workspace in the status bar; a click shows the Problems view. */
export function ProblemsStatusItem() {
  const counts = useProblemCounts();
  const title = counts.errors + counts.warnings + counts.infos === 0 ? 'No Problems' : `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')}`;
  return (
    <button type="button" className="status-bar-item problems-status" data-testid="statusbar-problems" title={title} aria-label={title} onClick={showProblems}>
      <Codicon name="error" />
      <span data-testid="statusbar-errors">{counts.errors}</span>
      <Codicon name="warning" />
      <span data-testid="statusbar-warnings">{counts.warnings}</span>
    </button>
  );
}
