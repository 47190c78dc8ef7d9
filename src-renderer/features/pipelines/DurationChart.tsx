import type { PipelineDurations, PipelineState } from '../../../src-shared/contract';
import { formatDuration } from './time-format';
import { useDurations } from './use-durations';

const bar = { width: 6, gap: 2, height: 22 };

interface JobSeries {
  jobId: string;
  name: string;
  /** One entry per run, oldest first; null where the job did not run. */
  points: ({ runNumber: number; durationMs: number; state: PipelineState } | null)[];
}

/** Each job's durations across the runs (matrix legs summed into their job's longest leg). */
function seriesOf(durations: PipelineDurations): JobSeries[] {
  const series = new Map<string, JobSeries>();
  durations.forEach((run, index) => {
    for (const job of run.jobs) {
      if (job.durationMs === null) continue;
      const entry = series.get(job.jobId) ?? { jobId: job.jobId, name: job.name, points: durations.map(() => null) };
      const known = entry.points[index];
      if (!known || known.durationMs < job.durationMs) entry.points[index] = { runNumber: run.number, durationMs: job.durationMs, state: job.state };
      series.set(job.jobId, entry);
    }
  });
  return [...series.values()];
}

/** Small bar charts of how long each job took in the pipeline's latest runs: slow-downs show at a glance. */
export function DurationChart({ pipelineId, version }: { pipelineId: string; version: string }) {
  const durations = useDurations(pipelineId, version);
  const series = seriesOf(durations);
  if (durations.length < 2 || series.length === 0) return null;
  const longest = Math.max(...series.flatMap((job) => job.points.map((point) => point?.durationMs ?? 0)), 1);
  const width = durations.length * (bar.width + bar.gap);
  return (
    <section className="pipeline-durations" data-testid="pipeline-durations" aria-label="Job durations across runs">
      <h3 className="pipeline-durations-title">Job durations, last {durations.length} runs</h3>
      {series.map((job) => (
        <div key={job.jobId} className="pipeline-durations-row">
          <span className="pipeline-durations-name">{job.name}</span>
          <svg width={width} height={bar.height} role="img" aria-label={`Durations of ${job.name}`}>
            {job.points.map((point, index) => {
              if (!point) return null;
              const height = Math.max(2, Math.round((point.durationMs / longest) * bar.height));
              return (
                <rect key={index} className={`state-${point.state}`} x={index * (bar.width + bar.gap)} y={bar.height - height} width={bar.width} height={height}>
                  <title>{`#${String(point.runNumber)}: ${formatDuration(point.durationMs)}`}</title>
                </rect>
              );
            })}
          </svg>
        </div>
      ))}
    </section>
  );
}
