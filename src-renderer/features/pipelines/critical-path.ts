import type { PipelineJobState } from '../../../src-shared/contract';

/**
 * The keys of the chain of jobs that set the run's length: from the job that finished last (or is still
 * running), back through the need of each that finished last. Empty before any job started.
 */
export function criticalPath(jobs: readonly PipelineJobState[], now: number): Set<string> {
  const end = (job: PipelineJobState) => (job.startedAt === null || job.reused ? null : (job.finishedAt ?? now));
  const latest = (candidates: readonly PipelineJobState[]) =>
    candidates.reduce<PipelineJobState | undefined>((best, job) => {
      const time = end(job);
      return time !== null && (best === undefined || time > (end(best) ?? 0)) ? job : best;
    }, undefined);
  const path = new Set<string>();
  let current = latest(jobs);
  while (current && !path.has(current.key)) {
    path.add(current.key);
    const needs = new Set(current.needs);
    current = latest(jobs.filter((job) => needs.has(job.jobId)));
  }
  return path;
}
