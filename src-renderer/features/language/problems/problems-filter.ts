import { create } from 'zustand';
import type { DiagnosticSeverity } from '../../../../src-shared/contract';
import type { Problem } from './problems-store';

interface ProblemsFilterState {
  text: string;
  /** Severities shown; hints are shown with infos, as in VS Code. */
  showErrors: boolean;
  showWarnings: boolean;
  showInfos: boolean;
  /** Files whose rows are folded. */
  collapsed: Readonly<Record<string, true>>;
  /** Bumped to move the focus into the filter box (Ctrl+Shift+M focuses the view). */
  focusRequest: number;
}

export const useProblemsFilter = create<ProblemsFilterState>()(() => ({
  text: '',
  showErrors: true,
  showWarnings: true,
  showInfos: true,
  collapsed: {},
  focusRequest: 0,
}));

export function toggleCollapsed(path: string): void {
  useProblemsFilter.setState((state) => {
    const { [path]: folded, ...others } = state.collapsed;
    return { collapsed: folded ? others : { ...others, [path]: true } };
  });
}

const severityShown = (filter: ProblemsFilterState, severity: DiagnosticSeverity): boolean =>
  severity === 'error' ? filter.showErrors : severity === 'warning' ? filter.showWarnings : filter.showInfos;

/** Whether a problem passes the filter: its severity, and the text in its message, file, source or code ("!text" excludes). */
export function passesFilter(filter: ProblemsFilterState, problem: Problem): boolean {
  if (!severityShown(filter, problem.diagnostic.severity)) return false;
  const text = filter.text.trim().toLowerCase();
  if (!text) return true;
  const negated = text.startsWith('!');
  const needle = negated ? text.slice(1) : text;
  const { message, source, code } = problem.diagnostic;
  const haystack = [message, problem.path, source ?? '', code ?? '', problem.source].join('\n').toLowerCase();
  return haystack.includes(needle) !== negated;
}
