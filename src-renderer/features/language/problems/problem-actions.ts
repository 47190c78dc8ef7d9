import { create } from 'zustand';
import type { Disposable } from '../../../../src-shared/contract';
import type { Problem } from './problems-store';

/** A button other features put on each row of the Problems view ("Fix with AI"). */
export interface ProblemAction {
  id: string;
  title: string;
  /** A codicon name. */
  icon: string;
  /** Whether the row offers it; every row when absent. */
  appliesTo?(problem: Problem): boolean;
  run(problem: Problem): void | Promise<void>;
}

export const useProblemActions = create<{ actions: readonly ProblemAction[] }>()(() => ({ actions: [] }));

export function registerProblemAction(action: ProblemAction): Disposable {
  useProblemActions.setState((state) => ({ actions: [...state.actions, action] }));
  return { dispose: () => useProblemActions.setState((state) => ({ actions: state.actions.filter((candidate) => candidate !== action) })) };
}
