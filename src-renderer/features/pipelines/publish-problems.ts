import type { Diagnostic, PipelineList, PipelineRunDetail } from '../../../src-shared/contract';
import { replaceProblems } from '../language';
import { usePipelinesStore } from './store';

const problemSource = 'pipelines';

function at(line: number, column: number): Diagnostic['range'] {
  return { start: { line, column }, end: { line, column: column + 1 } };
}

/** Errors in the pipeline files, and what the shown run's logs point at, as Problems entries. */
function problemsOf(list: PipelineList | null, detail: PipelineRunDetail | null): { path: string; diagnostics: Diagnostic[] }[] {
  const fromFiles = (list?.pipelines ?? []).flatMap((pipeline) =>
    pipeline.diagnostics.map((problem) => ({
      path: problem.file,
      diagnostics: [{ range: at(problem.line, problem.column), severity: problem.severity, message: problem.message, source: 'pipeline' }],
    })),
  );
  const fromRun = (detail?.diagnostics ?? []).flatMap((problem) =>
    problem.file === null
      ? []
      : [
          {
            path: problem.file,
            diagnostics: [
              {
                range: at(problem.line ?? 1, problem.column ?? 1),
                severity: problem.severity === 'notice' ? ('info' as const) : problem.severity,
                message: problem.message,
                source: problem.source === 'annotation' ? `${detail?.run.pipelineName ?? 'pipeline'} › ${problem.jobKey}` : problem.source,
                ...(problem.code === null ? {} : { code: problem.code }),
              },
            ],
          },
        ],
  );
  return [...fromFiles, ...fromRun];
}

/** Keeps the Problems view in step with the pipelines' own errors and the shown run's findings. */
export function publishPipelineProblems(): void {
  const publish = (list: PipelineList | null, detail: PipelineRunDetail | null) => replaceProblems(problemSource, problemsOf(list, detail));
  usePipelinesStore.subscribe((state, previous) => {
    if (state.list !== previous.list || state.detail?.diagnostics !== previous.detail?.diagnostics) publish(state.list, state.detail);
  });
}
