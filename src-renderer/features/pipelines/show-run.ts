import { currentSetting } from '../../app/store';
import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { notify } from '../notifications';
import { usePanelStore } from '../panel';
import { updateUserSetting } from '../settings';
import { usePipelinesStore } from './store';

/** Shows the panel on its Pipeline Run view. */
async function showRunPanel(): Promise<void> {
  usePanelStore.getState().showView('pipeline-run');
  if (!currentSetting('workbench.panel.visible')) await updateUserSetting('workbench.panel.visible', true);
}

/** Loads a run whole and shows it in the panel; the run events keep it live from then on. */
export async function showRun(runId: string): Promise<void> {
  try {
    usePipelinesStore.getState().showDetail(await host().pipelines.getRun({ runId }));
    await showRunPanel();
  } catch (error) {
    notify({ severity: 'error', message: `Could not open the run: ${errorMessage(error)}` });
  }
}

/** Replaces the shown run with the host's whole picture of it, if it is still the one shown. */
export async function reloadRun(runId: string): Promise<void> {
  const detail = await host().pipelines.getRun({ runId }).catch(() => null);
  if (detail && usePipelinesStore.getState().detail?.run.id === runId) usePipelinesStore.getState().showDetail(detail);
}
