import { useEffect } from 'react';
import type { PipelineRun, PipelineStarter, PipelineSummary } from '../../../src-shared/contract';
import { Codicon } from '../../platform/ui/Codicon';
import { openFileAt } from '../editor';
import { followPipelines } from './follow-pipelines';
import { startPipeline } from './run-actions';
import { showRun } from './show-run';
import { stateIconClass, stateLooks } from './state-look';
import { usePipelinesStore } from './store';
import { elapsed, timeAgo } from './time-format';
import { useNow } from './use-now';
import { writeStarter } from './write-starter';
import './pipelines.css';

function PipelineRow({ pipeline }: { pipeline: PipelineSummary }) {
  const errors = pipeline.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  return (
    <div className="pipeline-group" role="group">
      <div
        className="pipeline-row"
        role="treeitem"
        tabIndex={-1}
        data-testid="pipeline-row"
        data-pipeline={pipeline.id}
        title={pipeline.id}
        onDoubleClick={() => void openFileAt(pipeline.id, 1)}
      >
        <Codicon name={pipeline.kind === 'github' ? 'github' : 'symbol-event'} className="pipeline-kind" />
        <span className="pipeline-name">{pipeline.name}</span>
        <span className="pipeline-file">{pipeline.id}</span>
        {pipeline.valid ? null : <Codicon name="error" className="pipeline-invalid" title={`${String(errors)} error${errors === 1 ? '' : 's'}`} />}
        <span className="pipeline-row-actions">
          <button
            type="button"
            className="icon-button"
            title={`Run ${pipeline.name}, Pausing on Failure`}
            aria-label={`Run ${pipeline.name}, pausing on failure`}
            data-testid="pipeline-run-paused"
            disabled={!pipeline.valid}
            onClick={() => void startPipeline(pipeline, true)}
          >
            <Codicon name="debug-alt" />
          </button>
          <button
            type="button"
            className="icon-button"
            title={pipeline.valid ? `Run ${pipeline.name}` : 'Fix the errors below to run this pipeline'}
            aria-label={`Run ${pipeline.name}`}
            data-testid="pipeline-run"
            disabled={!pipeline.valid}
            onClick={() => void startPipeline(pipeline)}
          >
            <Codicon name="play" />
          </button>
        </span>
      </div>
      {pipeline.diagnostics.map((diagnostic, index) => (
        <div
          key={index}
          className={`pipeline-diagnostic severity-${diagnostic.severity}`}
          role="treeitem"
          tabIndex={-1}
          data-testid="pipeline-diagnostic"
          title={`${diagnostic.file}:${String(diagnostic.line)}:${String(diagnostic.column)}: ${diagnostic.message}`}
          onClick={() => void openFileAt(diagnostic.file, diagnostic.line, diagnostic.column)}
        >
          <Codicon name={diagnostic.severity === 'error' ? 'error' : 'warning'} />
          <span className="pipeline-diagnostic-message">{diagnostic.message}</span>
          <span className="pipeline-diagnostic-place">
            {diagnostic.file === pipeline.id ? `Ln ${String(diagnostic.line)}` : `${diagnostic.file}:${String(diagnostic.line)}`}
          </span>
        </div>
      ))}
    </div>
  );
}

function RunRow({ run, now }: { run: PipelineRun; now: number }) {
  const shown = usePipelinesStore((state) => state.detail?.run.id === run.id);
  const look = stateLooks[run.state];
  const duration = elapsed(run.startedAt, run.finishedAt, now);
  return (
    <div
      className={`pipeline-run-row${shown ? ' selected' : ''}`}
      role="treeitem"
      tabIndex={-1}
      aria-selected={shown}
      data-testid="pipeline-run-row"
      data-run={run.id}
      data-state={run.state}
      title={`${run.pipelineName} #${String(run.number)}: ${look.label}`}
      onClick={() => void showRun(run.id)}
    >
      <Codicon name={look.icon} className={stateIconClass(run.state)} title={look.label} />
      <span className="pipeline-run-name">
        {run.pipelineName} <span className="pipeline-run-number">#{run.number}</span>
      </span>
      {run.rerunOf ? <Codicon name={run.failedOnly ? 'debug-rerun' : 'refresh'} className="pipeline-run-trigger" title={run.failedOnly ? 'Rerun of failed jobs' : 'Rerun'} /> : null}
      <span className="pipeline-run-time">
        {duration ? `${duration} · ` : ''}
        {timeAgo(run.createdAt, now)}
      </span>
    </div>
  );
}

function StarterProposal({ starter }: { starter: PipelineStarter }) {
  return (
    <div className="pipeline-starter" data-testid="pipeline-starter">
      <p>No pipelines in this folder yet.{starter.detected.length > 0 ? ` Found: ${starter.detected.join(', ')}.` : ''}</p>
      <pre className="pipeline-starter-content">{starter.content}</pre>
      <button type="button" className="button" disabled={starter.exists} onClick={() => void writeStarter(starter)}>
        {starter.exists ? `${starter.path} exists` : `Create ${starter.path}`}
      </button>
    </div>
  );
}

/** The side bar view: the workspace's pipelines with a Run button each, and the recent runs. */
export function PipelinesView() {
  useEffect(followPipelines, []);
  const list = usePipelinesStore((state) => state.list);
  const runs = usePipelinesStore((state) => state.runs);
  const starter = usePipelinesStore((state) => state.starter);
  const now = useNow(true, runs.some((run) => run.finishedAt === null) ? 1000 : 30_000);
  return (
    <div className="pipelines-view" data-testid="pipelines-view">
      <header className="side-bar-title">
        <h2>Pipelines</h2>
      </header>
      <div className="pipelines-scroll">
        <h3 className="pipelines-section-title">Files</h3>
        <div role="tree" aria-label="Pipelines">
          {list === null ? <div className="pipelines-message">Reading pipelines…</div> : null}
          {list?.pipelines.map((pipeline) => <PipelineRow key={pipeline.id} pipeline={pipeline} />)}
        </div>
        {starter ? <StarterProposal starter={starter} /> : null}
        <h3 className="pipelines-section-title">Recent Runs</h3>
        <div role="tree" aria-label="Recent Runs">
          {runs.length === 0 ? <div className="pipelines-message">No runs yet.</div> : null}
          {runs.map((run) => (
            <RunRow key={run.id} run={run} now={now} />
          ))}
        </div>
      </div>
    </div>
  );
}
