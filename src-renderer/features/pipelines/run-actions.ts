import type { PipelineStartResult, PipelineSummary } from '../../../src-shared/contract';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { openFileAt } from '../editor';
import { notify } from '../notifications';
import { askInputs } from './ask-inputs';
import { showRun } from './show-run';
import { usePipelinesStore } from './store';

/** Opens a started run in the panel, or says why nothing ran and offers to go to the first reason. */
async function followStart(result: PipelineStartResult): Promise<void> {
  if (result.kind === 'started') {
    usePipelinesStore.getState().upsertRun(result.run);
    await showRun(result.run.id);
    return;
  }
  const [first] = result.diagnostics;
  if (!first) return;
  notify({
    severity: 'error',
    message: `The pipeline cannot run: ${first.file}:${String(first.line)}: ${first.message}`,
    actions: [{ label: 'Open', run: () => void openFileAt(first.file, first.line, first.column) }],
  });
}

async function attempt(what: string, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    notify({ severity: 'error', message: `Could not ${what}: ${errorMessage(error)}` });
  }
}

/**
 * Runs a pipeline, asking for its inputs first when it declares any. With `pauseOnFailure`, a failing step
 * pauses its job so it can be looked into and retried.
 */
export function startPipeline(pipeline: PipelineSummary, pauseOnFailure = false): Promise<void> {
  return attempt(`run ${pipeline.name}`, async () => {
    const inputs = await askInputs(pipeline);
    if (inputs) await followStart(await host().pipelines.start({ pipelineId: pipeline.id, inputs, pauseOnFailure }));
  });
}

export function cancelRun(runId: string): Promise<void> {
  return attempt('cancel the run', () => host().pipelines.cancel({ runId }));
}

/** Runs a finished run's pipeline again, all of it or only the jobs that did not succeed. */
export function rerun(runId: string, failedOnly: boolean): Promise<void> {
  return attempt('rerun', async () => followStart(await host().pipelines.rerun({ runId, failedOnly })));
}

/** Lets a paused job go on: `retry` runs its failed step again, otherwise the failure stands. */
export function resumeJob(runId: string, jobKey: string, retry: boolean): Promise<void> {
  return attempt(retry ? 'retry the step' : 'resume the job', () => host().pipelines.resume({ runId, jobKey, retry }));
}
