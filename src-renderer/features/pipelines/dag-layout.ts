import type { PipelineJobState } from '../../../src-shared/contract';

export interface PlacedJob {
  job: PipelineJobState;
  column: number;
  row: number;
}

export interface DagLayout {
  placed: PlacedJob[];
  /** From a needed job's key to the key of the job needing it. */
  edges: { from: string; to: string }[];
  columns: number;
  rows: number;
}

/**
 * Jobs in columns by dependency depth (a job sits one column right of the deepest job it needs), in file
 * order within a column; matrix legs share their job's column, one row each.
 */
export function layoutDag(jobs: readonly PipelineJobState[]): DagLayout {
  const keysOfJob = new Map<string, string[]>();
  for (const job of jobs) keysOfJob.set(job.jobId, [...(keysOfJob.get(job.jobId) ?? []), job.key]);
  const depthOfJob = new Map<string, number>();
  const needsOf = new Map(jobs.map((job) => [job.jobId, job.needs]));
  const depth = (jobId: string, visiting: Set<string>): number => {
    const known = depthOfJob.get(jobId);
    if (known !== undefined) return known;
    // A cycle cannot start (the service refuses it), but drawing must still end.
    if (visiting.has(jobId)) return 0;
    visiting.add(jobId);
    const needs = (needsOf.get(jobId) ?? []).filter((need) => needsOf.has(need));
    const value = needs.length === 0 ? 0 : 1 + Math.max(...needs.map((need) => depth(need, visiting)));
    depthOfJob.set(jobId, value);
    return value;
  };
  const rowsUsed: number[] = [];
  const placed = jobs.map((job) => {
    const column = depth(job.jobId, new Set());
    const row = rowsUsed[column] ?? 0;
    rowsUsed[column] = row + 1;
    return { job, column, row };
  });
  const edges = jobs.flatMap((job) => job.needs.flatMap((need) => (keysOfJob.get(need) ?? []).map((from) => ({ from, to: job.key }))));
  return { placed, edges, columns: rowsUsed.length, rows: Math.max(0, ...rowsUsed) };
}
