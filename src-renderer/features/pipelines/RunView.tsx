import type { PipelineRunDetail } from '../../../src-shared/contract';
import { Codicon } from '../../platform/ui/Codicon';
import { DurationChart } from './DurationChart';
import { JobDetail } from './JobDetail';
import { RunDag } from './RunDag';
import { cancelRun, rerun } from './run-actions';
import { stateIconClass, stateLooks } from './state-look';
import { usePipelinesStore } from './store';
import { elapsed } from './time-format';
import { useNow } from './use-now';
import './pipelines.css';

/** The job shown when none was picked: the one that needs attention first. */
function defaultJobKey(detail: PipelineRunDetail): string | null {
  const order = ['paused', 'failure', 'running'] as const;
  for (const state of order) {
    const job = detail.jobs.find((candidate) => candidate.state === state);
    if (job) return job.key;
  }
  return detail.jobs[0]?.key ?? null;
}

/** The buttons for the shown run, in the panel's header. */
export function RunActions() {
  const run = usePipelinesStore((state) => state.detail?.run);
  if (!run) return null;
  const inProgress = run.finishedAt === null;
  return (
    <>
      {inProgress ? (
        <button type="button" className="icon-button" title="Cancel Run" aria-label="Cancel Run" data-testid="pipeline-cancel" onClick={() => void cancelRun(run.id)}>
          <Codicon name="debug-stop" />
        </button>
      ) : null}
      <button
        type="button"
        className="icon-button"
        title="Rerun Failed Jobs"
        aria-label="Rerun Failed Jobs"
        data-testid="pipeline-rerun-failed"
        disabled={inProgress || run.state === 'success'}
        onClick={() => void rerun(run.id, true)}
      >
        <Codicon name="debug-rerun" />
      </button>
      <button type="button" className="icon-button" title="Rerun All Jobs" aria-label="Rerun All Jobs" data-testid="pipeline-rerun-all" disabled={inProgress} onClick={() => void rerun(run.id, false)}>
        <Codicon name="refresh" />
      </button>
    </>
  );
}

/** The panel's Pipeline Run view: the run's live job graph and, beside it, the selected job's steps and logs. */
export function RunView() {
  const detail = usePipelinesStore((state) => state.detail);
  const selectedJobKey = usePipelinesStore((state) => state.selectedJobKey);
  const selectJob = usePipelinesStore((state) => state.selectJob);
  const now = useNow(detail?.run.finishedAt === null);
  if (!detail) {
    return <div className="pipeline-run-empty">Run a pipeline from the Pipelines view, or pick a run there, to see it here.</div>;
  }
  const { run } = detail;
  const look = stateLooks[run.state];
  const jobKey = selectedJobKey ?? defaultJobKey(detail);
  const job = detail.jobs.find((candidate) => candidate.key === jobKey);
  return (
    <div className="pipeline-run" data-testid="pipeline-run-view" data-run={run.id} data-state={run.state}>
      <div className="pipeline-run-graph">
        <div className="pipeline-run-summary">
          <Codicon name={look.icon} className={stateIconClass(run.state)} title={look.label} />
          <span className="pipeline-run-title">
            {run.pipelineName} <span className="pipeline-run-number">#{run.number}</span>
          </span>
          <span className="pipeline-run-meta">
            {look.label}
            {run.startedAt === null ? '' : ` in ${elapsed(run.startedAt, run.finishedAt, now)}`}
            {run.rerunOf ? (run.failedOnly ? ' · rerun of failed jobs' : ' · rerun') : ` · ${run.trigger}`}
          </span>
        </div>
        <RunDag jobs={detail.jobs} selectedKey={jobKey} now={now} onSelect={selectJob} />
        <DurationChart pipelineId={run.pipelineId} version={`${run.id}:${String(run.finishedAt)}`} />
      </div>
      {job ? <JobDetail key={job.key} runId={run.id} job={job} now={now} /> : null}
    </div>
  );
}
