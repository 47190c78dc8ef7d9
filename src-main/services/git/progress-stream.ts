import type { GitSyncChunk } from '../../../src-shared/contract';
import type { SyncProgress } from './backend';

/**
 * Runs a long git operation and yields its progress as chunks, then `done` with its final words.
 * Only the latest progress waits while the client is behind; a failure is thrown after what came before.
 */
export async function* progressStream(task: (report: (progress: SyncProgress) => void) => Promise<string>): AsyncGenerator<GitSyncChunk> {
  const queue: GitSyncChunk[] = [];
  let wake: (() => void) | undefined;
  let outcome: { ok: true; message: string } | { ok: false; error: unknown } | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  const report = (progress: SyncProgress): void => {
    const chunk: GitSyncChunk = { kind: 'progress', phase: progress.phase, percent: progress.percent };
    if (queue[queue.length - 1]?.kind === 'progress') queue[queue.length - 1] = chunk;
    else queue.push(chunk);
    notify();
  };
  task(report).then(
    (message) => {
      outcome = { ok: true, message };
      notify();
    },
    (error: unknown) => {
      outcome = { ok: false, error };
      notify();
    },
  );
  for (;;) {
    const next = queue.shift();
    if (next) {
      yield next;
      continue;
    }
    if (outcome) break;
    await new Promise<void>((resolve) => (wake = resolve));
  }
  if (!outcome.ok) throw outcome.error;
  yield { kind: 'done', message: outcome.message };
}
