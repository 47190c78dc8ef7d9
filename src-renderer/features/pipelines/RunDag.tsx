import type { PipelineJobState } from '../../../src-shared/contract';
import { Codicon } from '../../platform/ui/Codicon';
import { criticalPath } from './critical-path';
import { layoutDag } from './dag-layout';
import { stateIconClass, stateLooks } from './state-look';
import { elapsed } from './time-format';

const box = { width: 188, height: 40 };
const gap = { column: 56, row: 14 };
const margin = 16;

const left = (column: number) => margin + column * (box.width + gap.column);
const top = (row: number) => margin + row * (box.height + gap.row);

interface RunDagProps {
  jobs: readonly PipelineJobState[];
  selectedKey: string | null;
  now: number;
  onSelect(jobKey: string): void;
}

/** The run's jobs as boxes in columns by dependency depth, with a curve for each `needs`; the critical path stands out. */
export function RunDag({ jobs, selectedKey, now, onSelect }: RunDagProps) {
  const { placed, edges, columns, rows } = layoutDag(jobs);
  const critical = criticalPath(jobs, now);
  const width = margin * 2 + columns * box.width + Math.max(0, columns - 1) * gap.column;
  const height = margin * 2 + rows * box.height + Math.max(0, rows - 1) * gap.row;
  const at = new Map(placed.map((place) => [place.job.key, place]));
  return (
    <div className="pipeline-dag" data-testid="pipeline-dag" style={{ width, height }}>
      <svg className="pipeline-dag-edges" width={width} height={height} aria-hidden="true">
        {edges.map(({ from, to }) => {
          const start = at.get(from);
          const end = at.get(to);
          if (!start || !end) return null;
          const x1 = left(start.column) + box.width;
          const y1 = top(start.row) + box.height / 2;
          const x2 = left(end.column);
          const y2 = top(end.row) + box.height / 2;
          const bend = (x2 - x1) / 2;
          const onPath = critical.has(from) && critical.has(to);
          return <path key={`${from}>${to}`} className={onPath ? 'critical' : undefined} d={`M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`} />;
        })}
      </svg>
      {placed.map(({ job, column, row }) => {
        const look = stateLooks[job.state];
        return (
          <button
            key={job.key}
            type="button"
            className={`pipeline-dag-job state-${job.state}${job.key === selectedKey ? ' selected' : ''}${critical.has(job.key) ? ' critical' : ''}`}
            style={{ left: left(column), top: top(row), width: box.width, height: box.height }}
            data-testid="pipeline-dag-job"
            data-job={job.key}
            data-state={job.state}
            data-reused={job.reused}
            data-critical={critical.has(job.key)}
            title={`${job.name}: ${look.label}${job.reused ? ' (reused from the earlier run)' : ''}${critical.has(job.key) ? ' · on the critical path' : ''}${job.message ? `\n${job.message}` : ''}`}
            onClick={() => onSelect(job.key)}
          >
            <Codicon name={look.icon} className={stateIconClass(job.state)} />
            <span className="pipeline-dag-job-name">{job.name}</span>
            <span className="pipeline-dag-job-time">{job.reused ? 'reused' : elapsed(job.startedAt, job.finishedAt, now)}</span>
          </button>
        );
      })}
    </div>
  );
}
