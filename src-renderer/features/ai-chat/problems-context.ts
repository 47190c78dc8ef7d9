import type { Diagnostic, DiagnosticSeverity } from '../../../src-shared/contract';

/** Problems by source, then by file, as the workbench's Problems registry keeps them. */
export type ProblemsBySource = Readonly<Record<string, Readonly<Record<string, readonly Diagnostic[]>>>>;

const severityOrder: Record<DiagnosticSeverity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
/** Enough for the model to see what is wrong without filling the window with hints. */
const maxProblems = 200;

/**
 * The problems as compiler-style lines (`src/main.rs:4:18: error: mismatched types [rustc E0308]`),
 * errors first, then by file and position; hints are left out.
 */
export function problemsText(bySource: ProblemsBySource): { text: string; count: number } {
  const problems = Object.entries(bySource).flatMap(([source, files]) =>
    Object.entries(files).flatMap(([path, diagnostics]) => diagnostics.filter((diagnostic) => diagnostic.severity !== 'hint').map((diagnostic) => ({ source, path, diagnostic }))),
  );
  problems.sort(
    (a, b) =>
      severityOrder[a.diagnostic.severity] - severityOrder[b.diagnostic.severity] ||
      a.path.localeCompare(b.path) ||
      a.diagnostic.range.start.line - b.diagnostic.range.start.line ||
      a.diagnostic.range.start.column - b.diagnostic.range.start.column,
  );
  const lines = problems.slice(0, maxProblems).map(({ source, path, diagnostic }) => {
    const origin = [diagnostic.source ?? source, diagnostic.code].filter(Boolean).join(' ');
    const { line, column } = diagnostic.range.start;
    return `${path}:${String(line)}:${String(column)}: ${diagnostic.severity}: ${diagnostic.message}${origin ? ` [${origin}]` : ''}`;
  });
  if (problems.length > maxProblems) lines.push(`… and ${String(problems.length - maxProblems)} more`);
  return { text: lines.join('\n'), count: problems.length };
}
