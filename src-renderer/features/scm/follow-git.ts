import { errorMessage } from '../../platform/errors';
import { host } from '../../platform/host';
import { useScmStore } from './store';

let following = false;
/** Bumped by every snapshot received, so an older answer never overwrites a newer one. */
let generation = 0;

/** Follows the repository's status from now on: the first read, then every change the host reports. */
export function followGit(): void {
  if (following) return;
  following = true;
  host().git.onDidChangeStatus((snapshot) => {
    generation++;
    useScmStore.getState().setSnapshot(snapshot);
  });
  void refreshStatus();
}

/** Reads the status now (the view's Refresh button, and after calls whose event may come later). */
export async function refreshStatus(): Promise<void> {
  const asked = ++generation;
  try {
    const snapshot = await host().git.status();
    if (asked === generation) useScmStore.getState().setSnapshot(snapshot);
  } catch (error) {
    if (asked === generation) useScmStore.getState().setStatusError(errorMessage(error));
  }
}
