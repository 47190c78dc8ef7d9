import type { Disposable, PipelineRun } from '../../../src-shared/contract';
import { registerCommand } from '../../app/commands';
import { showSideBarView } from '../../app/layout/show-side-bar-view';
import { host } from '../../platform/host';
import { showEditorPicker } from '../editor';
import { notify } from '../notifications';
import { followPipelines } from './follow-pipelines';
import { cancelRun, rerun, startPipeline } from './run-actions';
import { usePipelinesStore } from './store';

async function pickAndRunPipeline(): Promise<void> {
  followPipelines();
  const { pipelines } = usePipelinesStore.getState().list ?? (await host().pipelines.list());
  const runnable = pipelines.filter((pipeline) => pipeline.valid);
  showEditorPicker({
    placeholder: 'Select a pipeline to run',
    items: runnable.map((pipeline) => ({ id: pipeline.id, label: pipeline.name, description: pipeline.id })),
    emptyText: pipelines.length > 0 ? 'Every pipeline has errors: see the Pipelines view' : 'No pipelines in this folder',
    onPick: (item) => {
      const pipeline = runnable.find((candidate) => candidate.id === item.id);
      if (pipeline) void startPipeline(pipeline);
    },
  });
}

/** The run shown in the panel when it matches, else the newest run that does. */
function targetRun(matches: (run: PipelineRun) => boolean): PipelineRun | undefined {
  const { detail, runs } = usePipelinesStore.getState();
  if (detail && matches(detail.run)) return detail.run;
  return runs.find(matches);
}

function withRun(matches: (run: PipelineRun) => boolean, none: string, action: (run: PipelineRun) => Promise<void>): Promise<void> {
  const run = targetRun(matches);
  if (run) return action(run);
  notify({ severity: 'info', message: none });
  return Promise.resolve();
}

export function registerPipelineCommands(): Disposable[] {
  return [
    registerCommand({ id: 'pipelines.run', category: 'Pipelines', title: 'Run Pipeline…', run: pickAndRunPipeline }),
    registerCommand({
      id: 'pipelines.cancelRun',
      category: 'Pipelines',
      title: 'Cancel Run',
      run: () => withRun((run) => run.finishedAt === null, 'No pipeline run is in progress.', (run) => cancelRun(run.id)),
    }),
    registerCommand({
      id: 'pipelines.rerunFailed',
      category: 'Pipelines',
      title: 'Rerun Failed Jobs',
      run: () =>
        withRun(
          (run) => run.finishedAt !== null && run.state !== 'success',
          'No finished run has failed jobs.',
          (run) => rerun(run.id, true),
        ),
    }),
    registerCommand({
      id: 'workbench.view.pipelines',
      category: 'View',
      title: 'Show Pipelines',
      run: () => showSideBarView('pipelines'),
    }),
  ];
}
