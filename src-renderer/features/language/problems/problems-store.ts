import { create } from 'zustand';
import type { Diagnostic } from '../../../../src-shared/contract';

/** A source's diagnostics by file path (workspace-relative, or absolute for files outside the workspace). */
export type ProblemsByPath = Readonly<Record<string, readonly Diagnostic[]>>;

interface ProblemsState {
  /** Every source of diagnostics (a language server's id, `cargo`, `settings`, a plugin…) → its files. */
  bySource: Readonly<Record<string, ProblemsByPath>>;
}

/**
 * The one registry of problems, keyed by source so each source replaces only its own: language
 * servers, cargo, settings, and later pipelines, AI review and plugins push theirs here.
 */
export const useProblemsStore = create<ProblemsState>()(() => ({ bySource: {} }));

function update(source: string, change: (files: ProblemsByPath) => ProblemsByPath): void {
  useProblemsStore.setState((state) => {
    const files = change(state.bySource[source] ?? {});
    const { [source]: _previous, ...others } = state.bySource;
    return { bySource: Object.keys(files).length === 0 ? others : { ...others, [source]: files } };
  });
}

/** Sets one file's diagnostics from a source (an empty list removes them). */
export function setProblems(source: string, path: string, diagnostics: readonly Diagnostic[]): void {
  update(source, (files) => {
    const { [path]: _previous, ...others } = files;
    return diagnostics.length === 0 ? others : { ...others, [path]: diagnostics };
  });
}

/** Replaces everything a source reported (a build that finished) with its new files' diagnostics. */
export function replaceProblems(source: string, entries: readonly { path: string; diagnostics: readonly Diagnostic[] }[]): void {
  update(source, () => {
    const next: Record<string, readonly Diagnostic[]> = {};
    for (const entry of entries) next[entry.path] = [...(next[entry.path] ?? []), ...entry.diagnostics];
    return next;
  });
}

/** Forgets everything a source reported (a new build starts, a server stopped). */
export function clearProblems(source: string): void {
  update(source, () => ({}));
}

export interface Problem {
  source: string;
  path: string;
  diagnostic: Diagnostic;
}

/** Every problem of one file, from every source. */
export function problemsOf(bySource: ProblemsState['bySource'], path: string): Problem[] {
  return Object.entries(bySource).flatMap(([source, files]) => (files[path] ?? []).map((diagnostic) => ({ source, path, diagnostic })));
}
