import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { notify } from '../notifications';
import { applyRunEvent } from './apply-run-event';
import { publishPipelineProblems } from './publish-problems';
import { reloadRun } from './show-run';
import { recentRunCount, usePipelinesStore } from './store';

let following = false;

/** Loads the pipelines and their recent runs, and keeps both (and the shown run) live. Once per window. */
export function followPipelines(): void {
  if (following) return;
  following = true;
  publishPipelineProblems();
  const api = host().pipelines;
  const store = usePipelinesStore.getState();
  api.onDidChangePipelines((list) => {
    usePipelinesStore.getState().setList(list);
    void refreshStarter();
  });
  api.onDidChangeRun((event) => {
    const state = usePipelinesStore.getState();
    if (event.kind === 'run') state.upsertRun(event.run);
    state.updateDetail((detail) => applyRunEvent(detail, event));
    // Events that crossed the first `getRun` in flight may be missing: the finished run is loaded whole once more.
    if (event.kind === 'run' && event.run.finishedAt !== null && state.detail?.run.id === event.run.id) void reloadRun(event.run.id);
  });
  void Promise.all([api.list(), api.runs({ limit: recentRunCount })])
    .then(([list, { runs }]) => {
      store.setList(list);
      store.setRuns(runs);
      return refreshStarter();
    })
    .catch((error: unknown) => notify({ severity: 'error', message: `Could not list the pipelines: ${errorMessage(error)}` }));
}

/** A starter is proposed only while the workspace has no pipeline. */
async function refreshStarter(): Promise<void> {
  const { list, setStarter } = usePipelinesStore.getState();
  if (!list || list.pipelines.length > 0) {
    setStarter(null);
    return;
  }
  // Without a proposal the view simply offers none.
  setStarter(await host().pipelines.proposeStarter().catch(() => null));
}
