import type { PipelineState } from '../../../src-shared/contract';

/** The icon and words for a run, job or step state, as GitHub Actions draws them. */
export const stateLooks: Record<PipelineState, { icon: string; label: string }> = {
  queued: { icon: 'circle-large-outline', label: 'Queued' },
  running: { icon: 'loading', label: 'In progress' },
  paused: { icon: 'debug-pause', label: 'Paused' },
  success: { icon: 'pass-filled', label: 'Succeeded' },
  failure: { icon: 'error', label: 'Failed' },
  cancelled: { icon: 'circle-slash', label: 'Cancelled' },
  skipped: { icon: 'debug-step-over', label: 'Skipped' },
};

/** The state's codicon classes; a running one spins. */
export function stateIconClass(state: PipelineState): string {
  return `pipeline-state state-${state}${state === 'running' ? ' codicon-modifier-spin' : ''}`;
}
