import type { Disposable, GitSyncChunk, StreamObserver } from '../../../src-shared/contract';
import { host } from '../../platform/host';
import { reportGitError } from './git-errors';
import { currentStatus, useScmStore } from './store';

type Start = (observer: StreamObserver<GitSyncChunk>) => Disposable;

let running: Disposable | null = null;

/** Runs one fetch, pull or push stream to its end, showing its progress; resolves to whether it succeeded. */
function runStream(title: string, start: Start): Promise<boolean> {
  const store = useScmStore.getState();
  store.setSync({ title, phase: null, percent: null });
  return new Promise<boolean>((resolve) => {
    const finish = (ok: boolean): void => {
      running = null;
      useScmStore.getState().setSync(null);
      resolve(ok);
    };
    running = start({
      next: (chunk) => {
        if (chunk.kind === 'progress') useScmStore.getState().setSync({ title, phase: chunk.phase, percent: chunk.percent });
      },
      error: (error) => {
        finish(false);
        // Entering credentials (or a retry after a lock) starts the same call again.
        reportGitError(title, error, { retry: async () => void (await runStream(title, start)) });
      },
      complete: () => finish(true),
    });
  });
}

/** Stops the fetch, pull or push that is running (its stream's cancellation reaches git). */
export function cancelSync(): void {
  running?.dispose();
  running = null;
  useScmStore.getState().setSync(null);
}

const isSyncing = (): boolean => useScmStore.getState().sync !== null;

export async function fetchRemote(): Promise<void> {
  if (!isSyncing()) await runStream('Fetching', (observer) => host().git.fetch({}, observer));
}

export async function pull(): Promise<boolean> {
  return !isSyncing() && runStream('Pulling', (observer) => host().git.pull({}, observer));
}

export async function push(): Promise<boolean> {
  return !isSyncing() && runStream('Pushing', (observer) => host().git.push({}, observer));
}

/** Pull then push, like VS Code's Sync; a branch with no upstream is published instead. */
export async function syncBranch(): Promise<void> {
  if (isSyncing()) return;
  if (currentStatus()?.head.upstream === null) {
    await push();
    return;
  }
  if (await pull()) await push();
}
