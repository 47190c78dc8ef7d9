import type { PipelineRunDetail, PipelineRunEvent } from '../../../src-shared/contract';

/** The run as it is after `event`; events of other runs leave it as it was. */
export function applyRunEvent(detail: PipelineRunDetail, event: PipelineRunEvent): PipelineRunDetail {
  const runId = event.kind === 'run' ? event.run.id : event.runId;
  if (runId !== detail.run.id) return detail;
  switch (event.kind) {
    case 'run':
      return { ...detail, run: event.run };
    case 'job': {
      const known = detail.jobs.some((job) => job.key === event.job.key);
      // A matrix fans out when its job starts: its legs arrive as new keys, without steps yet.
      const jobs = known
        ? detail.jobs.map((job) => (job.key === event.job.key ? { ...job, ...event.job } : job))
        : [...detail.jobs.filter((job) => !(job.jobId === event.job.jobId && job.matrix === null && event.job.matrix !== null)), { ...event.job, steps: [] }];
      return { ...detail, jobs };
    }
    case 'step':
      return {
        ...detail,
        jobs: detail.jobs.map((job) => {
          if (job.key !== event.jobKey) return job;
          const steps = job.steps.some((step) => step.index === event.step.index)
            ? job.steps.map((step) => (step.index === event.step.index ? event.step : step))
            : [...job.steps, event.step].sort((a, b) => a.index - b.index);
          return { ...job, steps };
        }),
      };
    case 'diagnostic':
      return { ...detail, diagnostics: [...detail.diagnostics, event.diagnostic] };
  }
}
