import { create } from 'zustand';
import type { Disposable } from '../../../src-shared/contract';
import { host } from '../../platform/host';
import { notify } from '../notifications';
import { useScmStore } from './store';

/** The generation on its way, and the message it replaces (put back when it is cancelled or fails). */
let running: { stream: Disposable; earlier: string } | undefined;

/** Whether the AI is writing the commit message: the commit box shows a spinner and keeps its text read-only. */
export const useCommitMessageGeneration = create<{ generating: boolean }>()(() => ({ generating: false }));

function finish(message: string): void {
  running = undefined;
  useCommitMessageGeneration.setState({ generating: false });
  useScmStore.getState().setMessage(message);
}

/** Streams a commit message for the staged changes into the message box, replacing its text; called again while it streams, it cancels. */
export function toggleCommitMessageGeneration(): void {
  if (running) {
    running.stream.dispose();
    finish(running.earlier);
    return;
  }
  const earlier = useScmStore.getState().message;
  let written = '';
  const generation = {
    earlier,
    stream: host().ai.commitMessage(
      {},
      {
        next: (chunk) => {
          if (chunk.kind !== 'text' || running !== generation) return;
          written += chunk.text;
          useScmStore.getState().setMessage(written.trimStart());
        },
        error: (error) => {
          if (running !== generation) return;
          finish(earlier);
          // CONFLICT: nothing is staged, which the message itself says how to fix.
          if (error.code === 'CONFLICT') notify({ severity: 'info', message: error.message });
          else notify({ severity: 'error', message: `Could not generate a commit message: ${error.message}` });
        },
        complete: () => {
          if (running === generation) finish(written.trim());
        },
      },
    ),
  };
  running = generation;
  useCommitMessageGeneration.setState({ generating: true });
}
