import { useState } from 'react';
import type { PipelineJob, PipelineStep } from '../../../src-shared/contract';
import { Codicon } from '../../platform/ui/Codicon';
import { explainFailure } from './explain-failure';
import { openPauseTerminal } from './open-pause-terminal';
import { resumeJob } from './run-actions';
import { stateIconClass, stateLooks } from './state-look';
import { StepLog } from './StepLog';
import { usePipelinesStore } from './store';
import { elapsed } from './time-format';

interface JobDetailProps {
  runId: string;
  job: PipelineJob;
  now: number;
}

function PausedBanner({ runId, job }: { runId: string; job: PipelineJob }) {
  const step = job.steps.find((candidate) => candidate.index === job.pause?.stepIndex);
  return (
    <div className="pipeline-paused" data-testid="pipeline-paused">
      <Codicon name="debug-pause" />
      <span className="pipeline-paused-text">
        Paused after “{step?.name ?? 'a step'}” failed{job.pause ? `, in ${job.pause.containerId ? `container ${job.pause.containerId.slice(0, 12)}` : job.pause.absoluteCwd}` : ''}.
      </span>
      <button type="button" className="button secondary" onClick={() => void openPauseTerminal(job)}>
        Open Terminal
      </button>
      <button type="button" className="button" data-testid="pipeline-retry" onClick={() => void resumeJob(runId, job.key, true)}>
        Retry Step
      </button>
      <button type="button" className="button secondary" data-testid="pipeline-continue" onClick={() => void resumeJob(runId, job.key, false)}>
        Continue as Failed
      </button>
    </div>
  );
}

function StepRow({ step, open, now, onToggle, onExplain }: { step: PipelineStep; open: boolean; now: number; onToggle(): void; onExplain(): void }) {
  const look = stateLooks[step.state];
  const attempts = step.attempts.length;
  return (
    <div
      className={`pipeline-step${open ? ' open' : ''}`}
      role="treeitem"
      tabIndex={-1}
      aria-expanded={open}
      data-testid="pipeline-step"
      data-step={step.index}
      data-state={step.state}
      title={step.command}
      onClick={onToggle}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') onToggle();
      }}
    >
      <Codicon name={open ? 'chevron-down' : 'chevron-right'} />
      <Codicon name={look.icon} className={stateIconClass(step.state)} title={look.label} />
      <span className="pipeline-step-name">{step.name}</span>
      {step.exitCode !== null && step.exitCode !== 0 ? <span className="pipeline-step-exit">exit {step.exitCode}</span> : null}
      {attempts > 1 ? <span className="pipeline-step-attempts">attempt {attempts}</span> : null}
      {step.state === 'failure' ? (
        <button
          type="button"
          className="icon-button pipeline-step-explain"
          title="Explain Failure"
          aria-label={`Explain why ${step.name} failed`}
          data-testid="pipeline-explain"
          onClick={(event) => {
            event.stopPropagation();
            onExplain();
          }}
        >
          <Codicon name="sparkle" />
        </button>
      ) : null}
      <span className="pipeline-step-time">{elapsed(step.startedAt, step.finishedAt, now)}</span>
    </div>
  );
}

/** The selected job: its state, a paused job's choices, and its steps, each opening its log. */
export function JobDetail({ runId, job, now }: JobDetailProps) {
  const selectedStep = usePipelinesStore((state) => state.selectedStep);
  const selectStep = usePipelinesStore((state) => state.selectStep);
  const [filter, setFilter] = useState('');
  const look = stateLooks[job.state];
  return (
    <div className="pipeline-job" data-testid="pipeline-job" data-job={job.key}>
      <header className="pipeline-job-header">
        <Codicon name={look.icon} className={stateIconClass(job.state)} title={look.label} />
        <span className="pipeline-job-name">{job.name}</span>
        <span className="pipeline-job-time">{job.reused ? 'reused from the earlier run' : elapsed(job.startedAt, job.finishedAt, now)}</span>
        <input
          className="pipeline-log-filter"
          type="search"
          placeholder="Filter logs"
          aria-label="Filter logs"
          data-testid="pipeline-log-filter"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      </header>
      {job.message ? <div className="pipeline-job-message">{job.message}</div> : null}
      {job.state === 'paused' ? <PausedBanner runId={runId} job={job} /> : null}
      <div className="pipeline-steps" role="tree" aria-label={`Steps of ${job.name}`}>
        {job.steps.length === 0 ? <div className="pipelines-message">{job.reused ? 'Not run: the earlier run’s result was kept.' : 'No steps have started yet.'}</div> : null}
        {job.steps.map((step) => {
          const open = selectedStep?.jobKey === job.key && selectedStep.stepIndex === step.index;
          return (
            <div key={step.index} className="pipeline-step-group">
              <StepRow
                step={step}
                open={open}
                now={now}
                onToggle={() => selectStep(open ? null : { jobKey: job.key, stepIndex: step.index })}
                onExplain={() => void explainFailure(runId, job, step)}
              />
              {open ? <StepLog runId={runId} jobKey={job.key} stepIndex={step.index} attempt={step.attempts.at(-1)?.number} filter={filter} /> : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
