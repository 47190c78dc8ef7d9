import { host } from '../../platform/host';
import { problemsOf, useProblemsStore, type Problem } from '../language';

/** An error or warning an accepted edit brought into the file. */
export interface NewProblem {
  line: number;
  column: number;
  severity: string;
  message: string;
  source: string;
}

/** The file's errors and warnings, from every source, as the problems registry has them now. */
export function fileProblems(path: string): Problem[] {
  return problemsOf(useProblemsStore.getState().bySource, path).filter(({ diagnostic }) => diagnostic.severity === 'error' || diagnostic.severity === 'warning');
}

/** The problems of `after` that `before` did not have, told apart by what they say rather than where (the edit moves lines). */
export function newProblems(before: readonly Problem[], after: readonly Problem[]): NewProblem[] {
  const key = ({ source, diagnostic }: Problem): string => JSON.stringify([source, diagnostic.severity, diagnostic.code ?? '', diagnostic.message]);
  const left = new Map<string, number>();
  for (const problem of before) left.set(key(problem), (left.get(key(problem)) ?? 0) + 1);
  return after
    .filter((problem) => {
      const count = left.get(key(problem)) ?? 0;
      left.set(key(problem), count - 1);
      return count <= 0;
    })
    .map(({ source, diagnostic }) => ({ line: diagnostic.range.start.line, column: diagnostic.range.start.column, severity: diagnostic.severity, message: diagnostic.message, source }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Calls `listener` whenever any source's problems of the file change; returns the unsubscribe. */
export function followFileProblems(path: string, listener: () => void): () => void {
  return useProblemsStore.subscribe((state, previous) => {
    const sources = new Set([...Object.keys(state.bySource), ...Object.keys(previous.bySource)]);
    if ([...sources].some((source) => state.bySource[source]?.[path] !== previous.bySource[source]?.[path])) listener();
  });
}

/**
 * Waits for the file's diagnostics after a change: resolves true once they were published again and then stayed
 * as they are for `quietMs` (servers may publish more than once), or false when none came within `timeoutMs`.
 * A server that publishes the same list again (none before, none after) changes nothing in the registry, so its
 * publish events count too.
 */
export function diagnosticsSettled(path: string, { quietMs = 600, timeoutMs = 6_000 } = {}): Promise<boolean> {
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const published = (): void => {
      clearTimeout(quiet);
      quiet = setTimeout(() => finish(true), quietMs);
    };
    const unsubscribe = followFileProblems(path, published);
    const publishes = host().language.onDidPublishDiagnostics((event) => {
      if (event.path === path) published();
    });
    const limit = setTimeout(() => finish(quiet !== undefined), timeoutMs);
    function finish(heard: boolean): void {
      clearTimeout(quiet);
      clearTimeout(limit);
      unsubscribe();
      publishes.dispose();
      resolve(heard);
    }
  });
}
