import picomatch from 'picomatch';
import type { PipelineSummary } from '../../../src-shared/contract';

/** Saves are gathered this long before a pipeline starts, so a burst of saves starts one run. */
export const saveDebounceMs = 1000;

export type AutomaticTrigger = 'save' | 'commit';

/**
 * Decides which pipelines start on their own: on save (debounced, filtered by `paths` globs), and after
 * a commit (HEAD moved to another commit). Changes that arrive while a run of the same pipeline is
 * active are left out: most are that run's own writes.
 */
export class TriggerScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private head: string | null | undefined;

  constructor(private readonly start: (pipelineId: string, trigger: AutomaticTrigger) => void) {}

  filesChanged(paths: readonly string[], pipelines: readonly PipelineSummary[], active: ReadonlySet<string>): void {
    for (const pipeline of pipelines) {
      if (!pipeline.valid || active.has(pipeline.id)) continue;
      for (const trigger of pipeline.triggers) {
        if (trigger.kind !== 'save') continue;
        const matches = trigger.paths.length === 0 ? () => true : picomatch(trigger.paths, { dot: true });
        if (paths.some((path) => matches(path))) this.debounce(pipeline.id);
      }
    }
  }

  /** HEAD is now at `oid`; the first report only sets where it was. */
  headChanged(oid: string | null, pipelines: readonly PipelineSummary[]): void {
    const previous = this.head;
    this.head = oid;
    if (previous === undefined || oid === null || oid === previous) return;
    for (const pipeline of pipelines) {
      if (pipeline.valid && pipeline.triggers.some((trigger) => trigger.kind === 'commit')) this.start(pipeline.id, 'commit');
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private debounce(pipelineId: string): void {
    clearTimeout(this.timers.get(pipelineId));
    this.timers.set(
      pipelineId,
      setTimeout(() => {
        this.timers.delete(pipelineId);
        this.start(pipelineId, 'save');
      }, saveDebounceMs),
    );
  }
}
