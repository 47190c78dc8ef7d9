import type { DiagnosticSeverity } from '../../../../src-shared/contract';
import { problemsOf, type Problem, type ProblemsByPath } from './problems-store';

const severityOrder: Record<DiagnosticSeverity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export interface FileProblems {
  path: string;
  problems: Problem[];
}

/** Problems grouped by file (files by path), each file's by severity then position. */
export function groupByFile(bySource: Readonly<Record<string, ProblemsByPath>>, keep: (problem: Problem) => boolean): FileProblems[] {
  const paths = new Set(Object.values(bySource).flatMap((files) => Object.keys(files)));
  return [...paths]
    .sort((a, b) => a.localeCompare(b))
    .map((path) => ({
      path,
      problems: problemsOf(bySource, path)
        .filter(keep)
        .sort(
          (a, b) =>
            severityOrder[a.diagnostic.severity] - severityOrder[b.diagnostic.severity] ||
            a.diagnostic.range.start.line - b.diagnostic.range.start.line ||
            a.diagnostic.range.start.column - b.diagnostic.range.start.column,
        ),
    }))
    .filter((file) => file.problems.length > 0);
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countProblems(bySource: Readonly<Record<string, ProblemsByPath>>): ProblemCounts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const files of Object.values(bySource)) {
    for (const diagnostics of Object.values(files)) {
      for (const { severity } of diagnostics) {
        if (severity === 'error') counts.errors++;
        else if (severity === 'warning') counts.warnings++;
        else counts.infos++;
      }
    }
  }
  return counts;
}
